"""Time the risk patterns (``detect_risk``) and the served verdict (``assess``: the patterns, then
the learned classifier) on the safety development set and on 2,000-character messages.

Run: ``python bench/bench_safety.py [iterations]`` (default 20 passes over the dev set).
Prints mean, median and 99th-percentile microseconds per message and messages per second.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.safety import detect_risk  # noqa: E402  (needs the project root on the path first)
from bot.safety.verdict import assess  # noqa: E402

DEV_SET = ROOT / "tests" / "data" / "safety" / "dev.jsonl"
# Worst case: every sentence holds words some rule is anchored on ("keep", "going").
LONG_MESSAGE = (
    "My son stopped speaking to me after his wedding and I keep going over every conversation we had. " * 21
)[:1985] + " I want to die."


def _timings(texts: list[str], passes: int, judge=detect_risk) -> list[float]:
    """Microseconds per call, one entry per message per pass."""
    timings = []
    for _ in range(passes):
        for text in texts:
            started = time.perf_counter()
            judge(text)
            timings.append((time.perf_counter() - started) * 1e6)
    return timings


def _summary(label: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    mean = statistics.fmean(ordered)
    return (
        f"{label}: mean {mean:8.1f} µs  p50 {statistics.median(ordered):8.1f} µs  p99 {p99:8.1f} µs  "
        f"{1e6 / mean:8.0f} messages/s  ({len(ordered)} calls)"
    )


def main(argv: list[str]) -> int:
    passes = int(argv[0]) if argv else 20
    texts = [
        json.loads(line)["text"] for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    started = time.perf_counter()
    detect_risk("warm up: build the matcher")
    print(f"first call (builds the matcher): {(time.perf_counter() - started) * 1e3:.0f} ms")
    _timings(texts, 2)  # warm-up passes
    average_length = statistics.fmean(len(text) for text in texts)
    print(f"dev set: {len(texts)} messages, average {average_length:.0f} characters")
    print(_summary("dev set ", _timings(texts, passes)))
    print(
        _summary(f"{len(LONG_MESSAGE)} chars, anchor words in every sentence", _timings([LONG_MESSAGE], 200))
    )
    everyday = " ".join(text for text in texts[len(texts) // 2 :])[:2000]
    print(_summary(f"{len(everyday)} chars of dev-set messages", _timings([everyday], 200)))
    started = time.perf_counter()
    assess("warm up: load the classifier")
    print(f"first served verdict (loads the classifier): {(time.perf_counter() - started) * 1e3:.0f} ms")
    print(_summary("served, dev set ", _timings(texts, max(1, passes // 4), assess)))
    print(_summary(f"served, {len(LONG_MESSAGE)} chars", _timings([LONG_MESSAGE], 100, assess)))
    print(_summary(f"served, {len(everyday)} chars of dev-set messages", _timings([everyday], 100, assess)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
