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
from bot.safety.verdict import ASK, CRISIS, NONE, Policy, Verdict, assess, level_for

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


def _probability(text: str, model) -> float:
    from bot.safety.classifier import estimate_risk

    return estimate_risk(text, model).probability


def _score_held_out(held_out: str, sources: dict[str, list[dict]]) -> list[tuple[str, bool, bool, float]]:
    from bot.safety.classifier import train

    model = train(row for name, other in sources.items() if name != held_out for row in other)
    return [
        (held_out, bool(row["risk"]), detect_risk(row["text"]) is not None, _probability(row["text"], model))
        for row in sources[held_out]
    ]


def out_of_source_estimates(workers: int = 2) -> tuple[list[str], list[bool], list[bool], list[float]]:
    """Each development message scored by a model that never saw its author's writing.

    Every corpus author and every scored held-out set is held out in turn, and a model trained
    on all the others scores it (dev.jsonl, which the patterns were written on, only ever trains).
    The folds run in ``workers`` processes. Returns per message: its source, whether it is risk,
    whether a pattern fired, the estimate.
    """
    from concurrent.futures import ProcessPoolExecutor

    from bot.safety.classifier import CORPUS_DIR, DEVELOPMENT_SETS, read_rows

    sources = {path.stem: read_rows(path) for path in sorted(CORPUS_DIR.glob("*.jsonl"))}
    sources.update({path.stem: read_rows(path) for path in DEVELOPMENT_SETS})
    held_out = [name for name in sources if name != DEFAULT_PATH.stem]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        folds = list(pool.map(_score_held_out, held_out, [sources] * len(held_out)))
    rows = [row for fold in folds for row in fold]
    return (
        [row[0] for row in rows],
        [row[1] for row in rows],
        [row[2] for row in rows],
        [row[3] for row in rows],
    )


def served_figures(policy: Policy, risky: list[bool], fired: list[bool], probabilities: list[float]) -> tuple:
    """Recall at crisis, recall at crisis or ask, false crisis rate and question rate."""
    levels = [policy.level(p, f) for p, f in zip(probabilities, fired, strict=True)]
    risk = [level for level, is_risk in zip(levels, risky, strict=True) if is_risk]
    everyday = [level for level, is_risk in zip(levels, risky, strict=True) if not is_risk]
    return (
        sum(level == CRISIS for level in risk) / len(risk),
        sum(level != NONE for level in risk) / len(risk),
        sum(level == CRISIS for level in everyday) / len(everyday),
        sum(level == ASK for level in everyday) / len(everyday),
    )


def sweep(max_false_crisis: float = 0.03, max_questions: float = 0.08) -> str:
    """The best thresholds within the false-crisis and question budgets, from out-of-source estimates.

    This is how ``classifier.yml`` is chosen; a held-out set is never used here. Among the
    policies within both budgets it picks the one that answers the most risk messages, then the
    one that gives the crisis reply to the most. About fifteen minutes on two cores.
    """
    names, risky, fired, probabilities = out_of_source_estimates()
    grid = [
        Policy(crisis / 100, ask / 100, veto / 100)
        for veto in (0, 10, 20, 30, 40, 50)
        for crisis in range(60, 99)
        for ask in range(20, 70, 2)
        if ask < crisis
    ]
    scored = [(policy, served_figures(policy, risky, fired, probabilities)) for policy in grid]
    within = [(p, f) for p, f in scored if f[2] <= max_false_crisis and f[3] <= max_questions]
    lines = [
        f"Leave-one-source-out over {len(set(names))} sources ({sum(risky)} risk, {len(risky) - sum(risky)} everyday)",
        f"  patterns alone: {sum(f for f, r in zip(fired, risky, strict=True) if r) / sum(risky):.1%} of risk,"
        f" {sum(f for f, r in zip(fired, risky, strict=True) if not r) / (len(risky) - sum(risky)):.1%} false",
    ]
    if not within:
        return "\n".join(lines + ["  no policy stays within both budgets"])
    best, figures = max(within, key=lambda item: (item[1][1], item[1][0]))
    lines.append(
        f"  best: crisis {best.crisis:.2f}, ask {best.ask:.2f}, patterns overruled below "
        f"{best.patterns_overruled_below:.2f}: recall@crisis {figures[0]:.1%}, recall@crisis|ask {figures[1]:.1%},"
        f" false crisis {figures[2]:.1%}, questions {figures[3]:.1%}"
    )
    for name in dict.fromkeys(names):
        part = [index for index, source in enumerate(names) if source == name]
        numbers = served_figures(
            best, [risky[i] for i in part], [fired[i] for i in part], [probabilities[i] for i in part]
        )
        lines.append(f"    {name:<16} " + "  ".join(f"{value:6.1%}" for value in numbers))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the evaluation of a labelled file (default: the dev set) by each layer; exit status 0."""
    parser = argparse.ArgumentParser(prog="python -m bot evaluate-safety")
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--layer", choices=LAYERS, action="append", help="one layer (repeatable); default all")
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="choose the thresholds: leave-one-source-out over the corpus authors and the development sets",
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
