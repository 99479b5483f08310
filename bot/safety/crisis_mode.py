"""The turns after a crisis reply: a mode that one "no" or one denial cannot close silently.

After the crisis reply the person is asked whether they are safe right now. "Yes" closes
the mode with offers (a safety plan, going back to what they were doing, the lines
again); "no" or anything unclear repeats the lines and the emergency number and keeps the
mode; a denial ("I was joking", "you misunderstood") is acknowledged without arguing,
the lines are given once more in one sentence, and one gentle question is asked before
the mode closes. Asking to leave ("go back to my exercise") always works. More risk
language is handled by the crisis reply itself, which starts the mode again.

When the learned layer is unsure, the mode starts by asking instead: one direct, kind
question ("are you thinking about ending your life?"). "Yes", "not sure" or more risk lead
to the crisis reply; "no" goes back to where the person was, without a lecture; anything
else is asked once more, then treated as a yes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.answers import normalise_answer
from bot.content import load_content
from bot.replies import Button, Reply, buttons_from
from bot.safety import check_back
from bot.safety.hotlines import Hotline, emergency_number, lines_for

SAFE, NOT_SAFE, DENIAL, LEAVE, LEAVE_ALONE, UNCLEAR = "safe", "not_safe", "denial", "leave", "leave_alone", "unclear"
# "Are you safe right now?" is asked at most this many times in a row (the crisis reply's own counts).
MAX_SAFETY_QUESTIONS = 2

_LEAVE = re.compile(
    r"\b(go back to (my|the) exercise|back to (my|the) exercise|resume|continue (my|the) exercise|carry on|"
    r"menu|main menu|leave this|stop this|let's move on|can we move on|change the subject)\b"
)
_LEAVE_ALONE = re.compile(
    r"^(stop|stop it|stop asking|leave me alone|leave me be|later|not now|go away|enough|please stop|"
    r"i don'?t want to talk( about it)?( now| right now)?|i'?d rather not talk( about it)?|can we not)\b"
)
_DENIAL = re.compile(
    r"\b(didn'?t mean it|did not mean it|was (just )?(joking|kidding)|only joking|just joking|"
    r"misunderstood|misunderstanding|not what i meant|wasn'?t serious|that came out wrong|"
    r"i'?m not (suicidal|going to do anything)|figure of speech|just an expression|calm down|overreact)"
)
_NOT_SAFE = re.compile(
    r"^(no|nope|nah|not really|not at all|i don'?t know|idk|not sure|i'?m not safe|no,? i'?m not|no i am not)\b"
    r"|\bnot safe\b|\bi'?m scared\b|\bin danger\b"
)
_SAFE = re.compile(
    r"^(yes|yeah|yep|yup|i am|i'?m (ok|okay|fine|safe|alright|all right)|ok|okay|fine|safe)\b"
    r"|\b(i'?m|i am) safe\b|\bsafe (now|right now)\b"
)


def classify(text: str) -> str:
    """What a reply to "are you safe right now?" says."""
    answer = normalise_answer(text)
    if _LEAVE.search(answer):
        return LEAVE
    if _LEAVE_ALONE.search(answer):
        return LEAVE_ALONE
    if _DENIAL.search(answer):
        return DENIAL
    if _NOT_SAFE.search(answer):
        return NOT_SAFE
    if _SAFE.search(answer):
        return SAFE
    return UNCLEAR


def _words() -> dict[str, Any]:
    return load_content(Path(__file__).with_name("crisis_mode.yml"))


@dataclass
class CrisisTurn:
    """What to say, and whether the mode closes (and then whether to resume what was paused).

    ``escalate`` asks the caller to give the crisis reply now (after a "yes" to the question).
    """

    replies: list[Reply]
    state: dict[str, Any]
    closed: bool = False
    resume: bool = False
    escalate: bool = False
    notes: list[str] = field(default_factory=list)


def start_state(category: str, *, young: bool = False) -> dict[str, Any]:
    """The mode's state right after a crisis reply (which asks "are you safe?" once).

    ``young``: the writer may be a child, so the lines repeated later put young people's first.
    """
    return {"category": category, "young": young, "denied": False, "safety_questions": 1}


def ask_state(category: str, *, young: bool = False) -> dict[str, Any]:
    """The mode's state right after the direct question of the "ask" band."""
    return {"category": category, "young": young, "denied": False, "asking": True, "asked": 1}


def ask_question(category: str) -> Reply:
    """The direct, kind question for a message the risk layers are unsure about."""
    words = _words()
    question = words["ask_question"].get(category) or words["ask_question"]["suicide"]
    return Reply(question, buttons_from(words["ask_buttons"]))


YES, NO = "yes", "no"
_ASK_YES = re.compile(
    r"^(yes|yeah|yep|yup|ya|yh|i am|i think so|maybe|perhaps|kind of|sort of|kinda|a bit|a little|sometimes|"
    r"i don'?t know|idk|not sure|i'?m not sure|possibly|probably|honestly yes)\b"
    r"|\bnot (ok|okay|fine|safe|alright|all right)\b"
)
_ASK_NO = re.compile(
    r"^(no|nope|nah|not at all|not really no|i'?m (ok|okay|fine|safe|alright|all right)|i am (ok|okay|fine|safe))\b"
    r"|\b(i'?m|i am) safe\b|\bno,? i'?m (ok|okay|fine|safe)\b"
)


def read_ask_answer(text: str) -> str:
    """What a reply to the direct question says: YES (including "not sure"), NO, LEAVE or UNCLEAR."""
    answer = normalise_answer(text)
    if _LEAVE.search(answer):
        return LEAVE
    if _ASK_YES.search(answer):
        return YES
    if _ASK_NO.search(answer) or _DENIAL.search(answer):
        return NO
    return UNCLEAR


def _answer_question(state: dict[str, Any], text: str, *, has_paused_exercise: bool) -> CrisisTurn:
    words = _words()
    answer = read_ask_answer(text)
    if answer == NO:
        return CrisisTurn([Reply(words["ask_no"])], state, closed=True, resume=has_paused_exercise)
    if answer == LEAVE:
        return CrisisTurn([Reply(words["leaving"])], state, closed=True, resume=has_paused_exercise)
    if answer == UNCLEAR and state.get("asked", 1) < 2:
        return CrisisTurn([ask_question(state["category"])], {**state, "asked": 2})
    # "Yes", "not sure", or a second unclear answer: the crisis reply, and the mode goes on from there.
    return CrisisTurn([], start_state(state["category"], young=bool(state.get("young"))), escalate=True)


def safety_question_buttons() -> tuple[Button, ...]:
    """Quick replies for "are you safe right now?"."""
    return buttons_from(_words()["ask_safe_buttons"])


def handle(
    state: dict[str, Any], text: str, *, country: str | None, has_paused_exercise: bool, has_plan: bool,
    can_check_back: bool = False,
) -> CrisisTurn:
    """Apply one reply to the crisis mode. ``text`` has already passed the risk detector.

    ``can_check_back``: the channel can send a message tomorrow, so the person may ask for one.
    """
    words = _words()
    if state.get("asking"):
        return _answer_question(state, text, has_paused_exercise=has_paused_exercise)
    if state.get("denied"):
        return CrisisTurn([Reply(words["after_denial"])], state, closed=True, resume=has_paused_exercise)
    kind = classify(text)
    if kind == LEAVE:
        return CrisisTurn([Reply(words["leaving"])], state, closed=True, resume=has_paused_exercise)
    if kind == DENIAL:
        first_line = next(iter(_hotlines(country, state)), None)
        line = f"{first_line.name} ({first_line.contact})" if first_line else emergency_number(country)
        replies = [
            Reply(words["denial"]),
            Reply(words["denial_lines"].format(line=line)),
            Reply(words["denial_question"]),
        ]
        return CrisisTurn(replies, {**state, "denied": True})
    if kind == LEAVE_ALONE:
        # Respected at once, with the lines shown one last time.
        return CrisisTurn([Reply(words["leave_alone"] + "\n" + _lines(country, state))], state, closed=True)
    if kind == SAFE:
        return _safe(
            state, words, has_paused_exercise=has_paused_exercise, has_plan=has_plan, can_check_back=can_check_back
        )
    if kind == NOT_SAFE:
        replies = [
            Reply(words["not_safe"].format(emergency=emergency_number(country)) + "\n" + _lines(country, state)),
            Reply(words["not_safe_after"]),
        ]
        return CrisisTurn(replies, state)
    asked = state.get("safety_questions", 1)
    if asked < MAX_SAFETY_QUESTIONS:
        question = Reply(words["unclear"], safety_question_buttons())
        return CrisisTurn([question], {**state, "safety_questions": asked + 1})
    # Never a third "are you safe?" in a row: the lines, and a way out of the mode.
    buttons = buttons_from(words["stop_asking_buttons"])
    return CrisisTurn([Reply(words["stop_asking"] + "\n" + _lines(country, state), buttons)], state)


def _hotlines(country: str | None, state: dict[str, Any]) -> list[Hotline]:
    return lines_for(country, state.get("category"), young=bool(state.get("young")))


def _lines(country: str | None, state: dict[str, Any]) -> str:
    return "\n".join(f"• {line.name}: {line.contact}" for line in _hotlines(country, state))


def _safe(
    state: dict[str, Any], words: dict[str, Any], *, has_paused_exercise: bool, has_plan: bool, can_check_back: bool
) -> CrisisTurn:
    """Glad they are safe, and what might help next: after abuse, the abuse steps, not a suicide plan.

    A message tomorrow is offered, never planned unasked, and not after abuse: a notification
    on a phone someone else checks could put the person in danger.
    """
    if state.get("category") == "abuse":
        offers = [words["offer_lines"], words["offer_grounding"]]
        replies = [Reply(words["safe"]), Reply(words["safe_abuse_steps"])]
    else:
        offers = [
            words["offer_plan_show"] if has_plan else words["offer_plan_make"], words["offer_grounding"],
            words["offer_lines"],
        ]
        if can_check_back:
            offers.append(check_back.words()["offer"])
        replies = [Reply(words["safe"])]
    if has_paused_exercise:
        offers.insert(1, words["offer_resume"])
    offers.append(words["offer_menu"])
    buttons = buttons_from(offers)
    return CrisisTurn(replies + [Reply(words["safe_offers"], buttons)], state, closed=True)
