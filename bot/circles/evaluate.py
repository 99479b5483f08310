"""Measure how often the suggested circle agrees with a labelled set of worries.

Each line of the set is ``{"text": ..., "circle": ..., "role": ...}``. Run
``python -m bot.circles.evaluate [path]`` (default: the dev set in tests/data/circles/).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.circles.suggest import CIRCLES, suggest_circle
from bot.config import PROJECT_ROOT

DEV_SET = PROJECT_ROOT / "tests" / "data" / "circles" / "worries.jsonl"
HOLDOUT_SET = PROJECT_ROOT / "tests" / "data" / "circles" / "holdout.jsonl"


@dataclass(frozen=True)
class Mismatch:
    """One worry whose suggestion disagreed with its label."""

    line: int
    text: str
    expected: str
    suggested: str
    cue: str


@dataclass(frozen=True)
class Report:
    """Agreement of the suggestions with the labels of one set."""

    total: int
    # confusion[expected][suggested] = number of worries
    confusion: dict[str, dict[str, int]]
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def agreed(self) -> int:
        """How many worries got the labelled circle."""
        return sum(self.confusion[circle][circle] for circle in CIRCLES)

    @property
    def accuracy(self) -> float:
        """Share of worries that got the labelled circle (0.0 for an empty set)."""
        return self.agreed / self.total if self.total else 0.0

    def precision(self, circle: str) -> float:
        """Of the worries suggested as ``circle``, the share labelled ``circle``."""
        suggested = sum(self.confusion[expected][circle] for expected in CIRCLES)
        return self.confusion[circle][circle] / suggested if suggested else 0.0

    def recall(self, circle: str) -> float:
        """Of the worries labelled ``circle``, the share suggested as ``circle``."""
        labelled = sum(self.confusion[circle].values())
        return self.confusion[circle][circle] / labelled if labelled else 0.0

    def count(self, *, expected: str, suggested: str) -> int:
        """How many worries labelled ``expected`` were suggested as ``suggested``."""
        return self.confusion[expected][suggested]


class BadLabelledLineError(ValueError):
    """Raised when a line of a labelled set is not a worry with a known circle."""


def _read(path: Path) -> list[tuple[int, dict]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("circle") not in CIRCLES or not isinstance(row.get("text"), str):
            raise BadLabelledLineError(f"{path}:{number}: needs a text and a circle in {CIRCLES}")
        rows.append((number, row))
    return rows


def evaluate(path: str | Path = DEV_SET) -> Report:
    """Suggest a circle for every worry in the JSON-lines file at ``path`` and compare with its label."""
    confusion: dict[str, Counter] = {circle: Counter() for circle in CIRCLES}
    mismatches = []
    rows = _read(Path(path))
    for number, row in rows:
        suggestion = suggest_circle(row["text"], row.get("role"))
        confusion[row["circle"]][suggestion.circle] += 1
        if suggestion.circle != row["circle"]:
            mismatches.append(Mismatch(number, row["text"], row["circle"], suggestion.circle, suggestion.cue))
    return Report(
        total=len(rows),
        confusion={expected: {suggested: counts[suggested] for suggested in CIRCLES}
                   for expected, counts in confusion.items()},
        mismatches=mismatches,
    )


def format_report(report: Report, path: str | Path) -> str:
    """The report as plain text: agreement, per-circle precision and recall, confusion, mismatches."""
    lines = [
        f"{path}",
        f"agreement: {report.agreed}/{report.total} = {report.accuracy:.1%}",
        "",
        f"{'circle':<10} {'precision':>9} {'recall':>7} {'labelled':>8}",
    ]
    for circle in CIRCLES:
        labelled = sum(report.confusion[circle].values())
        precision, recall = report.precision(circle), report.recall(circle)
        lines.append(f"{circle:<10} {precision:>9.1%} {recall:>7.1%} {labelled:>8}")
    lines += ["", "confusion (rows: label, columns: suggestion)",
              f"{'':<10} " + " ".join(f"{circle:>9}" for circle in CIRCLES)]
    for expected in CIRCLES:
        lines.append(f"{expected:<10} " + " ".join(f"{report.confusion[expected][s]:>9}" for s in CIRCLES))
    lines += ["", f"mismatches: {len(report.mismatches)}"]
    lines += [f"  line {miss.line}: {miss.expected} -> {miss.suggested} ({miss.cue}): {miss.text}"
              for miss in report.mismatches]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the report for the set named in ``argv`` (default: the dev set); return the exit status."""
    arguments = sys.argv[1:] if argv is None else argv
    path = Path(arguments[0]) if arguments else DEV_SET
    print(format_report(evaluate(path), path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
