"""What a therapist sees of completed homework: each completion's share, a measure's scores, flags.

A measure's totals are drawn as a small inline SVG chart (the portal runs no JavaScript) with
the same numbers in a table beside it, and its published bands named for the therapist. A
flagged result (PHQ-9's ninth item answered above "not at all") is always shown as a flag with
what was answered, never as a number alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.exercises.catalogue import is_measure
from bot.exercises.measures import SCALE, Measure
from bot.exercises.registry import homework_measures
from bot.storage.models import Assignment, AssignmentResult


def _measures() -> dict[str, Measure]:
    # The measures load no language model, so the portal can use their scoring directly.
    return {measure.name: measure for measure in homework_measures()}


@dataclass(frozen=True)
class ResultView:
    """One completion as the portal shows it."""

    completed_on: date
    measure: str | None
    score: int | None
    most: int | None
    band: str | None
    answered: int | None
    flag: str | None  # what was answered to the item that calls for help, when it did
    answers: list[str] | None  # an exercise's shared answers; None when only "finished" was shared
    items: dict[str, int | None] | None


def view(result: AssignmentResult) -> ResultView:
    shared = result.shared or {}
    measure = _measures().get(result.measure or "")
    items = shared.get("items") if measure else None
    flag = None
    if measure and result.flagged:
        value = (items or {}).get(measure.crisis_item)
        answered = SCALE[value] if isinstance(value, int) and 0 <= value < len(SCALE) else "above “not at all”"
        flag = f"Answered “{answered}” to {measure.words()['flag_words']}."
    return ResultView(
        completed_on=result.completed_on,
        measure=measure.name if measure else None,
        score=result.score,
        most=measure.max_score if measure else None,
        band=measure.band(result.score) if measure else None,
        answered=sum(1 for value in (items or {}).values() if isinstance(value, int)) if measure else None,
        flag=flag,
        answers=list(shared["answers"]) if "answers" in shared else None,
        items=items,
    )


def views_of(assignment: Assignment) -> list[ResultView]:
    """The assignment's completions, oldest first."""
    return [view(result) for result in assignment.results]


def is_flagged(assignment: Assignment) -> bool:
    return any(result.flagged for result in assignment.results)


def trend(session: Session, therapist_id: int, client_label: str, measure: str) -> list[ResultView]:
    """Every scored result of ``measure`` for this client label, across the therapist's assignments."""
    if not is_measure(measure):
        return []
    query = (
        select(AssignmentResult)
        .join(Assignment, AssignmentResult.assignment_id == Assignment.id)
        .where(
            Assignment.therapist_id == therapist_id,
            Assignment.client_label == client_label,
            AssignmentResult.measure == measure,
        )
        .order_by(AssignmentResult.completed_on, AssignmentResult.id)
    )
    return [view(result) for result in session.scalars(query)]


WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 560, 220, 36, 12, 12, 28


def trend_svg(points: list[ResultView], measure: str) -> str:
    """An accessible inline SVG line chart of the totals (skipped totals leave a gap), or "" with none."""
    spec = _measures().get(measure)
    scored = [point for point in points if point.score is not None]
    if spec is None or not scored:
        return ""
    most = spec.max_score
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: int) -> float:
        return LEFT + (inner_w / 2 if len(points) == 1 else inner_w * index / (len(points) - 1))

    def y(score: int) -> float:
        return TOP + inner_h * (1 - score / most)

    parts = [
        f'<svg class="trend" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="trend-title">',
        f'<title id="trend-title">{spec.short_name} totals over time, 0 to {most}: '
        + ", ".join(f"{p.completed_on.isoformat()} {p.score if p.score is not None else 'not scored'}" for p in points)
        + "</title>",
    ]
    for band in spec.bands:  # a faint line where each band starts
        low = band.low
        parts.append(f'<line class="band" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(low):.1f}" y2="{y(low):.1f}"/>')
        parts.append(
            f'<text class="band-label" x="{WIDTH - RIGHT - 2}" y="{y(low) - 3:.1f}" '
            f'text-anchor="end">{band.label}</text>'
        )
    for value in (0, most):
        parts.append(f'<text class="axis" x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{value}</text>')
    segment: list[str] = []
    for index, point in enumerate(points):
        if point.score is None:
            if len(segment) > 1:
                parts.append(f'<polyline class="line" points="{" ".join(segment)}"/>')
            segment = []
            continue
        segment.append(f"{x(index):.1f},{y(point.score):.1f}")
    if len(segment) > 1:
        parts.append(f'<polyline class="line" points="{" ".join(segment)}"/>')
    for index, point in enumerate(points):
        if point.score is not None:
            css = "dot flagged" if point.flag else "dot"
            parts.append(f'<circle class="{css}" cx="{x(index):.1f}" cy="{y(point.score):.1f}" r="5"/>')
        parts.append(
            f'<text class="axis" x="{x(index):.1f}" y="{HEIGHT - 8}" text-anchor="middle">'
            f"{point.completed_on.strftime('%d %b')}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
