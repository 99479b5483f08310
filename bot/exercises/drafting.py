"""Checking a short draft the person writes (a validating statement, a first message).

The apology analyzer (``bot.apology``) finds the codes and the exact words; each exercise says
in its own content file which codes matter to it and how to explain them, and may add cues of
its own (a plain regular expression per code) for what the analyzer has no cue for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.answers import normalise_answer
from bot.apology import analyze_apology
from bot.replies import Button, Reply

REVISE = re.compile(r"\b(revise|rewrite|change it|try again|edit|new version|redo)\b")
KEEP = re.compile(r"\b(keep|happy with it|that's fine|finish|save it|this version|leave it|done)\b")


def find_problems(text: str, codes: Iterable[str], own_cues: dict[str, str] | None = None) -> list[dict[str, str]]:
    """The problems of ``codes`` in ``text``, each once, in the order they appear: code and words."""
    wanted = set(codes)
    found = [(p.start, p.code, p.text) for p in analyze_apology(text).problems if p.code in wanted]
    for code, pattern in (own_cues or {}).items():
        for match in re.finditer(pattern, text, flags=re.IGNORECASE):
            found.append((match.start(), code, match.group(0)))
    seen: set[str] = set()
    problems = []
    for _, code, words in sorted(found):
        if code not in seen:
            seen.add(code)
            problems.append({"code": code, "text": words.strip()})
    return problems


def review(problems: list[dict[str, str]], words: dict[str, Any]) -> list[Reply]:
    """Every problem with its explanation in one message, then revise or keep."""
    lines = [words["problems_intro"]]
    for problem in problems:
        explanation = words["explanations"][problem["code"]]
        lines.append(words["problem"].format(span=problem["text"], explanation=explanation))
    buttons = (Button(words["revise_button"], "revise"), Button(words["keep_button"], "keep this version"))
    return [Reply("\n".join(lines), buttons)]


def read_decision(text: str) -> str | None:
    """"revise", "keep" or None for the answer to a review."""
    answer = normalise_answer(text)
    if REVISE.search(answer):
        return "revise"
    if KEEP.search(answer):
        return "keep"
    return None
