"""Measure the apology analyzer against a labelled set of drafts.

Usage: ``python -m bot.apology.evaluate [path]`` (default: the development set). Each line
of the file is ``{"text": ..., "flags": [...], "author": ...}``; a draft with no flags is sound.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bot.apology.analyzer import CODES, analyze_apology
from bot.config import PROJECT_ROOT

DEFAULT_PATH = PROJECT_ROOT / "tests" / "data" / "apology" / "drafts.jsonl"


@dataclass(frozen=True)
class CodeScore:
    """Counts for one code; precision and recall are 1.0 when there is nothing to get wrong."""

    code: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def support(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.support if self.support else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Mismatch:
    """A draft whose predicted flags differ from its labels (line numbers start at 1)."""

    line: int
    text: str
    expected: list[str]
    predicted: list[str]


@dataclass(frozen=True)
class Report:
    """Per-code scores and draft-level shares for one labelled file."""

    path: Path
    scores: list[CodeScore]
    flawed_drafts: int
    flawed_flagged: int
    sound_drafts: int
    sound_clean: int
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def flawed_flagged_share(self) -> float:
        """Share of flawed drafts that get at least one flag."""
        return self.flawed_flagged / self.flawed_drafts if self.flawed_drafts else 1.0

    @property
    def sound_clean_share(self) -> float:
        """Share of sound drafts that get no flag at all."""
        return self.sound_clean / self.sound_drafts if self.sound_drafts else 1.0

    @property
    def raised_flags_right_share(self) -> float:
        """Share of the raised flags that were expected, over all codes; 0 when none was raised."""
        right = sum(score.true_positives for score in self.scores)
        raised = right + sum(score.false_positives for score in self.scores)
        return right / raised if raised else 0.0

    def score(self, code: str) -> CodeScore:
        return next(score for score in self.scores if score.code == code)


def load_drafts(path: Path) -> list[tuple[int, dict]]:
    """(line number, record) for every non-blank line of a JSONL file."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [(number, json.loads(line)) for number, line in enumerate(lines, start=1) if line.strip()]


def evaluate(path: Path | str = DEFAULT_PATH) -> Report:
    """Run the analyzer on every draft in ``path`` and compare its flags with the labels."""
    counts = {code: [0, 0, 0] for code in CODES}
    flawed = flawed_flagged = sound = sound_clean = 0
    mismatches = []
    for number, record in load_drafts(Path(path)):
        expected = set(record["flags"])
        predicted = set(analyze_apology(record["text"]).flags)
        for code in CODES:
            if code in predicted and code in expected:
                counts[code][0] += 1
            elif code in predicted:
                counts[code][1] += 1
            elif code in expected:
                counts[code][2] += 1
        if expected:
            flawed += 1
            flawed_flagged += bool(predicted)
        else:
            sound += 1
            sound_clean += not predicted
        if expected != predicted:
            mismatches.append(Mismatch(number, record["text"], sorted(expected), sorted(predicted)))
    scores = [CodeScore(code, *counts[code]) for code in CODES]
    return Report(Path(path), scores, flawed, flawed_flagged, sound, sound_clean, mismatches)


def format_report(report: Report) -> str:
    """A plain-text table of the report, then the mismatching lines."""
    rows = [f"{report.path}", f"{'code':<15}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}"]
    for score in report.scores:
        rows.append(
            f"{score.code:<15}{score.precision:>10.2f}{score.recall:>8.2f}{score.f1:>7.2f}{score.support:>9}"
        )
    rows.append(
        f"flawed drafts with at least one flag: {report.flawed_flagged}/{report.flawed_drafts} "
        f"({report.flawed_flagged_share:.1%})"
    )
    rows.append(
        f"sound drafts with no flag:            {report.sound_clean}/{report.sound_drafts} "
        f"({report.sound_clean_share:.1%})"
    )
    rows.append(f"mismatching lines: {[mismatch.line for mismatch in report.mismatches]}")
    for mismatch in report.mismatches:
        rows.append(
            f"  line {mismatch.line}: expected {mismatch.expected} got {mismatch.predicted}: {mismatch.text}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the report for the file named in ``argv`` (default: the development set); exit code 0."""
    arguments = sys.argv[1:] if argv is None else argv
    path = Path(arguments[0]) if arguments else DEFAULT_PATH
    print(format_report(evaluate(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
