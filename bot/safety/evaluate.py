"""Measure the risk detector against a labelled JSONL file.

Each line is ``{"text": ..., "risk": true|false, "category": "suicide"|"self_harm"|"abuse"|"violence"|null}``.
Run ``python -m bot.safety.evaluate [path]`` (default: the development set). Only line numbers
are printed for misses and false positives, so the command is safe on real transcripts too.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.safety.detector import CATEGORIES, detect_risk

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "tests" / "data" / "safety" / "dev.jsonl"


@dataclass(frozen=True)
class Example:
    """One labelled message and the line it came from (1-based)."""

    line: int
    text: str
    risk: bool
    category: str | None


@dataclass
class Report:
    """Detector results on one file: counts per category, misses, false positives, wrong categories."""

    risk_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    risk_found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    negatives: int = 0
    missed_lines: list[int] = field(default_factory=list)
    false_positive_lines: list[int] = field(default_factory=list)
    wrong_category_lines: list[int] = field(default_factory=list)

    @property
    def risk_count(self) -> int:
        return sum(self.risk_total.values())

    @property
    def detected_count(self) -> int:
        return sum(self.risk_found.values())

    @property
    def recall(self) -> float:
        """Share of risk messages flagged (any category counts as flagged)."""
        return self.detected_count / self.risk_count if self.risk_count else 1.0

    def recall_for(self, category: str) -> float:
        total = self.risk_total[category]
        return self.risk_found[category] / total if total else 1.0

    @property
    def false_positive_rate(self) -> float:
        return len(self.false_positive_lines) / self.negatives if self.negatives else 0.0

    @property
    def category_accuracy(self) -> float:
        """Share of flagged risk messages given the labelled category."""
        detected = self.detected_count
        return (detected - len(self.wrong_category_lines)) / detected if detected else 1.0


def load_examples(path: Path | str) -> list[Example]:
    """Read a labelled JSONL file; raises ValueError naming the line of any malformed entry."""
    examples = []
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            entry = json.loads(raw)
            example = Example(number, entry["text"], bool(entry["risk"]), entry.get("category"))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise ValueError(f"{path}:{number}: not a labelled example ({error})") from error
        if example.risk and example.category not in CATEGORIES:
            raise ValueError(f"{path}:{number}: risk example needs a category from {CATEGORIES}")
        examples.append(example)
    return examples


def evaluate(path: Path | str = DEFAULT_PATH) -> Report:
    """Run ``detect_risk`` on every example in ``path`` and tally the results."""
    report = Report()
    for example in load_examples(path):
        risk = detect_risk(example.text)
        if example.risk:
            report.risk_total[example.category] += 1
            if risk is None:
                report.missed_lines.append(example.line)
                continue
            report.risk_found[example.category] += 1
            if risk.category != example.category:
                report.wrong_category_lines.append(example.line)
        else:
            report.negatives += 1
            if risk is not None:
                report.false_positive_lines.append(example.line)
    return report


def format_report(report: Report, path: Path | str) -> str:
    """The report as the plain text ``main`` prints."""
    lines = [f"Safety evaluation: {path}", ""]
    for category in CATEGORIES:
        found, total = report.risk_found[category], report.risk_total[category]
        lines.append(f"  recall {category:<10} {report.recall_for(category):7.1%}  ({found}/{total})")
    lines.append(f"  recall {'all':<10} {report.recall:7.1%}  ({report.detected_count}/{report.risk_count})")
    lines.append(
        f"  false positives   {report.false_positive_rate:7.1%}  "
        f"({len(report.false_positive_lines)}/{report.negatives} negatives)"
    )
    lines.append(f"  category accuracy {report.category_accuracy:7.1%}  (on detected risk messages)")
    lines.append("")
    lines.append(f"  missed lines:          {_line_list(report.missed_lines)}")
    lines.append(f"  false positive lines:  {_line_list(report.false_positive_lines)}")
    lines.append(f"  wrong category lines:  {_line_list(report.wrong_category_lines)}")
    return "\n".join(lines)


def _line_list(numbers: list[int]) -> str:
    return ", ".join(str(number) for number in numbers) if numbers else "none"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the evaluation of the file named in ``argv`` (default: the dev set); exit status 0."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    path = Path(arguments[0]) if arguments else DEFAULT_PATH
    print(format_report(evaluate(path), path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
