"""GAD-7, the Generalized Anxiety Disorder scale's seven items on the last two weeks (free to use).

Bands as published (Spitzer, Kroenke, Williams and Löwe, 2006), for the therapist only.
"""

from __future__ import annotations

from pathlib import Path

from bot.exercises.measures import Band, Measure


class Gad7(Measure):
    name = "gad7"
    short_name = "GAD-7"
    intent = "request_gad7"  # never predicted: measures are opened only by a homework code
    menu_payload = "gad7"
    content_file = Path(__file__).with_name("gad7.yml")
    questions = tuple(f"item{number}" for number in range(1, 8))
    bands = (
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 21, "severe"),
    )
