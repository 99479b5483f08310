"""Homework from a therapist, on the client's side: a code, consent, the exercise, what to share.

A client opens a link or types a code; the bot says who suggested what, shows the note, says
exactly what the therapist will see, and asks. Agreeing starts the exercise tied to the
assignment; declining tells the therapist only "declined" and still lets the person do the
exercise privately. At the end the person chooses what to share: their answers, or only that
they finished. A crisis reply while homework is open and agreed to is recorded as "crisis
lines shown", never what was said. Plain Python over the database session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answers import without_end_punctuation
from bot.content import load_content
from bot.exercises import Button, Reply, exercise_by_name
from bot.exercises.catalogue import is_measure
from bot.portal.assignments import CODE_ALPHABET, CODE_LENGTH, OPEN_STATUSES, reopen_if_due, today
from bot.storage.models import Assignment, AssignmentEvent, AssignmentResult, User
from bot.storage.repositories import find_user, get_or_create_user

WORDS_FILE = Path(__file__).with_name("homework.yml")
_CODE = rf"[{CODE_ALPHABET}{CODE_ALPHABET.lower()}]{{{CODE_LENGTH}}}"
# "my code is AB3D5F7H", "code: ab3d5f7h", or a bare code with a digit in it (a bare eight-letter
# word such as "stranger" is far more likely a word than a code).
_CODE_WITH_WORD = re.compile(rf"\bcode\b\W*(?:is\W*)?({_CODE})\b", re.IGNORECASE)
_BARE_CODE = re.compile(rf"^\W*({_CODE})\W*$")
_YES = re.compile(r"^(yes|yeah|yep|yup|sure|ok|okay|y|fine|that's ok|that's fine|yes,? that's ok|go ahead|i agree)$")
_NO = re.compile(r"^(no|nope|n|no thanks|no,? keep it private|keep it private|private|i'd rather not|rather not)$")
_ANSWERS = re.compile(r"\b(answers?|everything|all of it|what i wrote)\b")
_PRIVATELY = re.compile(r"\b(privately|myself|for me|on my own|do it)\b")
_NOT_NOW = re.compile(r"\b(not now|later|another time|no thanks|maybe later)\b")
_FINISHED_ONLY = re.compile(r"\b(only|just)\b.*\b(finished|done|did it)\b|^(finished|done|nothing|nothing else)$")

OPENED, CONSENTED, STARTED, COMPLETED, DECLINED, REVOKED = (
    "opened", "consented", "started", "completed", "declined", "revoked",
)  # fmt: skip
OPEN = OPEN_STATUSES
# Agreed to and not yet done: what a run reports to, and what reminders are for.
AGREED = (CONSENTED, STARTED)
SHARE_ANSWERS, SHARE_FINISHED = "answers", "finished"


def words() -> dict[str, Any]:
    return load_content(WORDS_FILE)


def code_in(text: str) -> str | None:
    """The homework code a message carries, upper-cased, or None."""
    text = text or ""
    match = _CODE_WITH_WORD.search(text)
    if match is None:
        bare = _BARE_CODE.match(text)
        match = bare if bare and any(character.isdigit() for character in bare.group(1)) else None
    return match.group(1).upper() if match else None


@dataclass(frozen=True)
class Opened:
    """What redeeming a code came to: ``invited`` (asking consent) or an outcome with nothing to do."""

    outcome: str  # "invited", "not_found", "revoked" or "ended"
    replies: list[Reply]
    assignment_id: int | None = None


def _therapist_name(assignment: Assignment) -> str:
    return (assignment.therapist.name if assignment.therapist else "") or words()["your_therapist"]


def _title(assignment: Assignment) -> str:
    exercise = exercise_by_name(assignment.exercise)
    return exercise.menu_title if exercise else assignment.exercise


def _event(assignment: Assignment, kind: str) -> None:
    assignment.events.append(AssignmentEvent(kind=kind))


def _assignment(session: Session, code: str) -> Assignment | None:
    return session.scalars(select(Assignment).where(Assignment.code == code.upper())).first()


def open_code(session: Session, *, sender_id: str, channel: str, code: str) -> Opened:
    """Redeem ``code`` for this person: the invitation (consent is asked next), or why not."""
    assignment = _assignment(session, code)
    if assignment is None:
        return Opened("not_found", [Reply(words()["not_found"])])
    reopen_if_due(assignment, today())  # recurring homework opens again on its next day
    if assignment.status == REVOKED:
        return Opened("revoked", [Reply(words()["revoked"])])
    if assignment.status not in OPEN:
        return Opened("ended", [Reply(words()["ended"])])
    user = get_or_create_user(session=session, sender_id=sender_id, channel=channel)
    # The same client may open the link on Telegram and later in the browser: the newest wins.
    assignment.user_id = user.id
    if assignment.status == "sent":
        assignment.status = OPENED
        _event(assignment, OPENED)
    name = _therapist_name(assignment)
    replies = [Reply(words()["intro"].format(therapist=name, exercise=_title(assignment)))]
    if assignment.note:
        replies.append(Reply(words()["intro_note"].format(note=assignment.note)))
    return Opened("invited", replies, assignment.id)


def _buttons(key: str) -> tuple[Button, ...]:
    return tuple(Button(title, title) for title in words()[key])


def consent_question(session: Session, assignment_id: int) -> Reply:
    """What the therapist will see, and whether that is OK."""
    assignment = session.get(Assignment, assignment_id)
    name = _therapist_name(assignment) if assignment else words()["your_therapist"]
    return Reply(_words_for(assignment, "what_they_see").format(therapist=name), _buttons("consent_buttons"))


def _words_for(assignment: Assignment | None, key: str) -> str:
    """The words under ``key``, or under ``key_measure`` when the homework is a questionnaire."""
    return words()[f"{key}_measure" if assignment and is_measure(assignment.exercise) else key]


def declined_question(session: Session, assignment_id: int | None) -> Reply:
    """After a no: the exercise just for the person, now or later."""
    assignment = session.get(Assignment, assignment_id) if assignment_id else None
    return Reply(_words_for(assignment, "declined_question"), _buttons("declined_buttons"))


def share_question(session: Session, assignment_id: int) -> Reply:
    """At the end: the answers, or only that it was done."""
    assignment = session.get(Assignment, assignment_id)
    name = _therapist_name(assignment) if assignment else words()["your_therapist"]
    return Reply(words()["share_question"].format(therapist=name), _buttons("share_buttons"))


def unclear(stage: str) -> Reply:
    """A kind "I didn't catch that" for a stage's question (``consent``, ``declined`` or ``share``)."""
    return Reply(words()[f"{stage}_unclear"])


def read_consent(text: str) -> bool | None:
    """True for yes, False for no, None when the answer is neither."""
    answer = without_end_punctuation(text)
    if _YES.match(answer):
        return True
    if _NO.match(answer):
        return False
    return None


def read_private_choice(text: str) -> bool | None:
    """After declining: True to do the exercise privately now, False for not now, None when unclear."""
    answer = without_end_punctuation(text)
    if _PRIVATELY.search(answer) or _YES.match(answer):
        return True
    if _NOT_NOW.search(answer) or _NO.match(answer):
        return False
    return None


def _own(session: Session, sender_id: str, assignment_id: int) -> Assignment | None:
    user = find_user(session=session, sender_id=sender_id)
    if user is None:
        return None
    query = select(Assignment).where(Assignment.id == assignment_id, Assignment.user_id == user.id)
    return session.scalars(query).first()


def answer_consent(session: Session, *, sender_id: str, assignment_id: int, agreed: bool) -> list[Reply]:
    """Record the person's answer; what to say (the exercise's first step follows a yes)."""
    assignment = _own(session, sender_id, assignment_id)
    if assignment is None or assignment.status not in OPEN:
        return [Reply(words()["ended"])]
    if agreed:
        if assignment.status != CONSENTED:
            assignment.status = CONSENTED
            _event(assignment, CONSENTED)
        return [Reply(words()["consented"])]
    assignment.status = DECLINED
    assignment.reminder_chat_id = None
    _event(assignment, DECLINED)
    return [Reply(words()["declined"].format(therapist=_therapist_name(assignment)))]


def not_now(session: Session, assignment_id: int | None) -> list[Reply]:
    assignment = session.get(Assignment, assignment_id) if assignment_id else None
    return [Reply(_words_for(assignment, "not_now"))]


def exercise_of(session: Session, assignment_id: int) -> str | None:
    """The name of the exercise an assignment asks for."""
    assignment = session.get(Assignment, assignment_id)
    return assignment.exercise if assignment else None


def shared_assignment_id(session: Session, *, sender_id: str, assignment_id: int | None) -> int | None:
    """The assignment a run should report to: only one the person agreed to and that is still open."""
    if assignment_id is None:
        return None
    assignment = _own(session, sender_id, assignment_id)
    return assignment.id if assignment is not None and assignment.status in AGREED else None


def run_started(session: Session, assignment_id: int) -> None:
    """The exercise of an agreed assignment has begun."""
    assignment = session.get(Assignment, assignment_id)
    if assignment is not None and assignment.status == CONSENTED:
        assignment.status = STARTED
        _event(assignment, STARTED)


def run_finished(session: Session, assignment_id: int, entry: list[str]) -> None:
    """Keep what finishing could share, sealed, only until the person chooses what to share."""
    assignment = session.get(Assignment, assignment_id)
    if assignment is not None and assignment.status in AGREED:
        assignment.pending_share = {"answers": entry}


def read_share(text: str) -> str | None:
    """``answers``, ``finished`` (only that it was done), or None when unclear."""
    answer = without_end_punctuation(text)
    if _FINISHED_ONLY.search(answer):
        return SHARE_FINISHED
    if _ANSWERS.search(answer):
        return SHARE_ANSWERS
    return None


def choose_share(session: Session, *, sender_id: str, assignment_id: int, choice: str) -> list[Reply]:
    """Complete the assignment with what the person chose to share; the pending copy is dropped."""
    assignment = _own(session, sender_id, assignment_id)
    if assignment is None or assignment.status not in AGREED:
        return []
    pending = assignment.pending_share or {}
    shared = {"answers": pending.get("answers", [])} if choice == SHARE_ANSWERS else {"finished": True}
    assignment.pending_share = None
    _complete(assignment, AssignmentResult(completed_on=today(), shared=shared))
    key = "shared_answers" if choice == SHARE_ANSWERS else "shared_finished"
    return [Reply(words()[key].format(therapist=_therapist_name(assignment)))]


def measure_finished(session: Session, assignment_id: int, *, measure: str, entry: dict[str, Any]) -> list[Reply]:
    """Complete an agreed measure: its answers and total are what the person agreed to share.

    ``entry`` is the measure's entry (``items``, ``score``, ``flagged``); a flagged result is
    what the portal shows as a flag, never as a number alone.
    """
    assignment = session.get(Assignment, assignment_id)
    if assignment is None or assignment.status not in AGREED:
        return []
    result = AssignmentResult(
        completed_on=today(),
        measure=measure,
        score=entry.get("score"),
        flagged=bool(entry.get("flagged")),
        shared={"items": entry.get("items", {})},
    )
    _complete(assignment, result)
    return [Reply(words()["shared_measure"].format(therapist=_therapist_name(assignment)))]


def _complete(assignment: Assignment, result: AssignmentResult) -> None:
    """One completion: its result kept; reminders stop unless the homework repeats."""
    assignment.results.append(result)
    assignment.shared = result.shared
    assignment.status = COMPLETED
    if assignment.recurrence == "none":
        assignment.reminder_chat_id = None
    _event(assignment, COMPLETED)


def crisis_lines_shown(session: Session, *, sender_id: str) -> None:
    """Note on the person's agreed, open homework that crisis lines were shown (never why)."""
    user: User | None = find_user(session=session, sender_id=sender_id)
    if user is None:
        return
    query = select(Assignment).where(Assignment.user_id == user.id, Assignment.status.in_(AGREED))
    for assignment in session.scalars(query):
        _note_crisis_lines(assignment)


def crisis_lines_shown_on(session: Session, assignment_id: int) -> None:
    """Note crisis lines on one agreed assignment, even one just completed by the answer that called
    for them (PHQ-9's ninth item completes the measure in the same turn)."""
    assignment = session.get(Assignment, assignment_id)
    if assignment is not None and assignment.status in (*AGREED, COMPLETED):
        _note_crisis_lines(assignment)


def _note_crisis_lines(assignment: Assignment) -> None:
    if not assignment.crisis_shown:
        assignment.crisis_shown = True
        _event(assignment, "crisis_lines")
