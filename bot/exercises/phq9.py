"""PHQ-9, the Patient Health Questionnaire's nine items on the last two weeks (free to use).

Bands as published (Kroenke, Spitzer and Williams, 2001), for the therapist only. Any answer
above "not at all" to the ninth item starts the crisis path at once and flags the assignment.
"""

from __future__ import annotations

from pathlib import Path

from bot.exercises.measures import Band, Measure


class Phq9(Measure):
    name = "phq9"
    short_name = "PHQ-9"
    intent = "request_phq9"  # never predicted: measures are opened only by a homework code
    menu_payload = "phq9"
    content_file = Path(__file__).with_name("phq9.yml")
    questions = tuple(f"item{number}" for number in range(1, 10))
    crisis_item = "item9"
    bands = (
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 19, "moderately severe"),
        Band(20, 27, "severe"),
    )
