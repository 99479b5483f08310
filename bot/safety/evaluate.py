"""Measure the risk layers against a labelled JSONL file.

Each line is ``{"text": ..., "risk": true|false, "category": "suicide"|"self_harm"|"abuse"|"violence"|null}``.
Run ``python -m bot evaluate-safety [path] [--layer patterns|classifier|served]`` (default: the
development set, every layer). Only line numbers are printed for misses and false alarms, so the
command is safe on real transcripts too.

For each layer it reports, per category and overall: recall at ``crisis``, recall at ``crisis`` or
``ask``, false alarms at ``crisis`` and questions asked on everyday messages.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.safety.classifier import estimate_risk, thresholds
from bot.safety.detector import CATEGORIES, detect_risk
from bot.safety.verdict import ASK, CRISIS, NONE, Verdict, assess, level_for

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "tests" / "data" / "safety" / "dev.jsonl"
LAYERS: tuple[str, ...] = ("patterns", "classifier", "served")


@dataclass(frozen=True)
class Example:
    """One labelled message and the line it came from (1-based)."""

    line: int
    text: str
    risk: bool
    category: str | None


@dataclass
class Report:
    """Results on one file: counts per category and level, and the lines of every mistake."""

    risk_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    risk_found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    risk_asked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    negatives: int = 0
    missed_lines: list[int] = field(default_factory=list)
    asked_risk_lines: list[int] = field(default_factory=list)
    false_positive_lines: list[int] = field(default_factory=list)
    asked_negative_lines: list[int] = field(default_factory=list)
    wrong_category_lines: list[int] = field(default_factory=list)

    @property
    def risk_count(self) -> int:
        return sum(self.risk_total.values())

    @property
    def detected_count(self) -> int:
        return sum(self.risk_found.values())

    @property
    def recall(self) -> float:
        """Share of risk messages given the crisis reply (any category counts)."""
        return self.detected_count / self.risk_count if self.risk_count else 1.0

    @property
    def recall_with_ask(self) -> float:
        """Share of risk messages given the crisis reply or the direct question."""
        answered = self.detected_count + sum(self.risk_asked.values())
        return answered / self.risk_count if self.risk_count else 1.0

    def recall_for(self, category: str) -> float:
        total = self.risk_total[category]
        return self.risk_found[category] / total if total else 1.0

    def recall_with_ask_for(self, category: str) -> float:
        total = self.risk_total[category]
        return (self.risk_found[category] + self.risk_asked[category]) / total if total else 1.0

    @property
    def false_positive_rate(self) -> float:
        """Share of everyday messages given the crisis reply."""
        return len(self.false_positive_lines) / self.negatives if self.negatives else 0.0

    @property
    def question_rate(self) -> float:
        """Share of everyday messages answered with the direct question."""
        return len(self.asked_negative_lines) / self.negatives if self.negatives else 0.0

    @property
    def category_accuracy(self) -> float:
        """Share of crisis replies to risk messages given the labelled category."""
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


def _patterns(text: str) -> Verdict:
    risk = detect_risk(text)
    return Verdict(CRISIS, risk.category, risk) if risk else Verdict(NONE)


def _classifier(text: str) -> Verdict:
    estimate = estimate_risk(text)
    level = level_for(estimate.probability, **thresholds())
    return Verdict(level, None if level == NONE else estimate.category, None, estimate.probability)


JUDGES: dict[str, Callable[[str], Verdict]] = {"patterns": _patterns, "classifier": _classifier, "served": assess}


def evaluate(path: Path | str = DEFAULT_PATH, layer: str = "patterns") -> Report:
    """Judge every example in ``path`` with ``layer`` and tally the results."""
    judge = JUDGES[layer]
    report = Report()
    for example in load_examples(path):
        verdict = judge(example.text)
        if example.risk:
            report.risk_total[example.category] += 1
            if verdict.level == CRISIS:
                report.risk_found[example.category] += 1
                if verdict.category != example.category:
                    report.wrong_category_lines.append(example.line)
            elif verdict.level == ASK:
                report.risk_asked[example.category] += 1
                report.asked_risk_lines.append(example.line)
            else:
                report.missed_lines.append(example.line)
        else:
            report.negatives += 1
            if verdict.level == CRISIS:
                report.false_positive_lines.append(example.line)
            elif verdict.level == ASK:
                report.asked_negative_lines.append(example.line)
    return report


def format_report(report: Report, path: Path | str, layer: str = "patterns") -> str:
    """The report as the plain text ``main`` prints."""
    lines = [f"Safety evaluation ({layer}): {path}", "", f"  {'':<17} {'crisis':>16}   {'crisis or ask':>16}"]
    for category in CATEGORIES:
        found, asked, total = report.risk_found[category], report.risk_asked[category], report.risk_total[category]
        lines.append(
            f"  recall {category:<10} {report.recall_for(category):7.1%} ({found:>3}/{total:<3})"
            f"   {report.recall_with_ask_for(category):7.1%} ({found + asked:>3}/{total:<3})"
        )
    answered = report.detected_count + sum(report.risk_asked.values())
    lines.append(
        f"  recall {'all':<10} {report.recall:7.1%} ({report.detected_count:>3}/{report.risk_count:<3})"
        f"   {report.recall_with_ask:7.1%} ({answered:>3}/{report.risk_count:<3})"
    )
    lines.append(
        f"  false crisis replies on everyday messages {report.false_positive_rate:6.1%} "
        f"({len(report.false_positive_lines)}/{report.negatives})"
    )
    lines.append(
        f"  questions asked on everyday messages      {report.question_rate:6.1%} "
        f"({len(report.asked_negative_lines)}/{report.negatives})"
    )
    lines.append(f"  category accuracy {report.category_accuracy:7.1%}  (on crisis replies to risk messages)")
    lines.append("")
    lines.append(f"  missed lines:          {_line_list(report.missed_lines)}")
    lines.append(f"  asked (risk) lines:    {_line_list(report.asked_risk_lines)}")
    lines.append(f"  false crisis lines:    {_line_list(report.false_positive_lines)}")
    lines.append(f"  asked (everyday):      {_line_list(report.asked_negative_lines)}")
    lines.append(f"  wrong category lines:  {_line_list(report.wrong_category_lines)}")
    return "\n".join(lines)


def _line_list(numbers: list[int]) -> str:
    return ", ".join(str(number) for number in numbers) if numbers else "none"


def sweep(folds: int = 5) -> str:
    """The served figures over a grid of classifier thresholds, from out-of-fold estimates.

    The development sets are cut into ``folds``; each part is scored by a model trained on the
    corpus and the other parts, so no estimate comes from a model that saw the message. This
    is how ``classifier.yml`` is chosen; a held-out set is never used here.
    """
    from bot.safety.classifier import load_corpus, load_development, train

    corpus, development = load_corpus(), load_development()
    fold_of = [index % folds for index in range(len(development))]
    probabilities = [0.0] * len(development)
    for fold in range(folds):
        model = train(corpus + [row for row, part in zip(development, fold_of, strict=True) if part != fold])
        for index, row in enumerate(development):
            if fold_of[index] == fold:
                probabilities[index] = estimate_risk(row["text"], model).probability
    patterns = [detect_risk(row["text"]) is not None for row in development]
    risky = [index for index, row in enumerate(development) if row["risk"]]
    everyday = [index for index, row in enumerate(development) if not row["risk"]]
    lines = [f"Threshold sweep, {folds}-fold on the development sets ({len(risky)} risk, {len(everyday)} everyday)"]
    lines += ["", "  crisis  ask    recall@crisis  recall@crisis|ask  false crisis  questions"]
    for crisis in (0.8, 0.85, 0.9, 0.93, 0.95):
        for ask in (0.5, 0.55, 0.6, 0.65, 0.7):
            def level(index: int, crisis: float = crisis, ask: float = ask) -> str:
                return CRISIS if patterns[index] else level_for(probabilities[index], crisis=crisis, ask=ask)

            found = sum(level(index) == CRISIS for index in risky) / len(risky)
            answered = sum(level(index) != NONE for index in risky) / len(risky)
            false_crisis = sum(level(index) == CRISIS for index in everyday) / len(everyday)
            questions = sum(level(index) == ASK for index in everyday) / len(everyday)
            lines.append(
                f"  {crisis:5.2f}  {ask:5.2f}  {found:12.1%}  {answered:16.1%}  {false_crisis:11.1%}  {questions:9.1%}"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the evaluation of a labelled file (default: the dev set) by each layer; exit status 0."""
    parser = argparse.ArgumentParser(prog="python -m bot evaluate-safety")
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--layer", choices=LAYERS, action="append", help="one layer (repeatable); default all")
    parser.add_argument(
        "--sweep", action="store_true", help="out-of-fold served figures on the development sets, over a threshold grid"
    )
    arguments = parser.parse_args(argv)
    if arguments.sweep:
        print(sweep())
        return 0
    for layer in arguments.layer or LAYERS:
        print(format_report(evaluate(arguments.path, layer), arguments.path, layer))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
