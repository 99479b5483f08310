"""A person's saved reflections: listed, shown in full, and deleted one at a time.

"Show my reflections" lists the newest saved entries (the exercise, the day, the first words);
the person opens one by its number and can delete it on its own. Plain Python over the
database; the conversation's side is ``actions/reflections.py``. Only entries kept with the
person's consent exist, and a person only ever reaches their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answers import normalise_answer
from bot.content import CONVERSATION_FILE, load_content, say
from bot.exercises import exercise_by_name
from bot.progress.dates import day_label
from bot.replies import Button, Reply, buttons_from
from bot.storage.models import ExerciseEntry
from bot.storage.repositories import find_user

LISTED = 10
FIRST_WORDS = 8


@dataclass(frozen=True)
class Reflection:
    """One saved entry as the list shows it."""

    entry_id: int
    title: str
    day: str
    first_words: str


def list_reflections(*, session: Session, sender_id: str, limit: int = LISTED) -> list[Reflection]:
    """The person's newest saved entries, newest first (of exercises that still exist)."""
    user = find_user(session=session, sender_id=sender_id)
    if user is None:
        return []
    entries = session.scalars(
        select(ExerciseEntry)
        .where(ExerciseEntry.user_id == user.id)
        .order_by(ExerciseEntry.created_at.desc(), ExerciseEntry.id.desc())
        .limit(limit)
    )
    return [reflection for entry in entries if (reflection := _summary(entry)) is not None]


def open_reflection(*, session: Session, sender_id: str, entry_id: int) -> list[Reply] | None:
    """One entry in full, or None when it is not this person's (or no longer exists)."""
    entry = _own_entry(session, sender_id, entry_id)
    exercise = exercise_by_name(entry.kind) if entry is not None else None
    if entry is None or exercise is None:
        return None
    heading = Reply(say("reflection_heading", title=_title(entry.kind), day=day_label(entry.created_at)))
    return [heading, *exercise.describe_entry(dict(entry.answers))]


def delete_reflection(*, session: Session, sender_id: str, entry_id: int) -> bool:
    """Delete one of the person's entries; False if it was not theirs or is already gone."""
    entry = _own_entry(session, sender_id, entry_id)
    if entry is None:
        return False
    session.delete(entry)
    return True


def list_replies(reflections: list[Reflection]) -> list[Reply]:
    """The numbered list, with a button per entry and one to finish."""
    if not reflections:
        return [Reply(say("reflections_none"))]
    lines = [say("reflections_list")]
    lines += [
        f"{number}. {item.title}, {item.day}: \"{item.first_words}\"" for number, item in enumerate(reflections, 1)
    ]
    buttons = tuple(Button(f"{number}. {item.title}", str(number)) for number, item in enumerate(reflections, 1))
    return [Reply("\n".join(lines), (*buttons, Button(say("reflections_done_button"), "done")))]


def confirm_buttons() -> tuple[Button, ...]:
    """"Delete this reflection for good?" yes or no."""
    return buttons_from(load_content(CONVERSATION_FILE)["reflection_confirm_buttons"])


def entry_buttons() -> tuple[Button, ...]:
    """What can be done with an open entry."""
    return (
        Button(say("reflection_delete_button"), "delete"),
        Button(say("reflections_back_button"), "back to the list"),
        Button(say("reflections_done_button"), "done"),
    )


OPEN, DELETE, BACK, DONE, YES, NO = "open", "delete", "back", "done", "yes", "no"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "last": -1}
_DONE = re.compile(r"^(done|i'?m done|finished|that'?s all|that'?s it|no thanks|close|exit|stop|menu|main menu|"
                   r"nothing|never ?mind|leave it|quit)$")
_BACK = re.compile(r"\b(back|list|other ones|the others)\b")
_DELETE = re.compile(r"\b(delete|remove|erase|get rid of|bin|throw away)\b")
_YES = re.compile(r"^(yes|yeah|yep|yup|sure|ok|okay|y|please do|do it|yes please|yes,? delete( it)?)$")
_NO = re.compile(r"^(no|nope|n|keep it|don'?t|cancel|no,? keep( it)?|leave it)$")


@dataclass(frozen=True)
class Choice:
    """What a person said while looking at their reflections."""

    action: str | None
    number: int | None = None


def read_choice(text: str) -> Choice:
    """"2", "open the second one", "delete it", "delete 3", "back", "done", "yes", "no"."""
    answer = normalise_answer(text)
    if _YES.match(answer):
        return Choice(YES)
    if _NO.match(answer):
        return Choice(NO)
    if _DONE.match(answer):
        return Choice(DONE)
    number = _number_in(answer)
    if _DELETE.search(answer):
        return Choice(DELETE, number)
    if number is not None:
        return Choice(OPEN, number)
    if _BACK.search(answer):
        return Choice(BACK)
    return Choice(None)


def _number_in(answer: str) -> int | None:
    digits = re.findall(r"\b\d{1,2}\b", answer)
    if len(digits) == 1:
        return int(digits[0])
    words = [_ORDINALS[word] for word in re.findall(r"[a-z]+", answer) if word in _ORDINALS]
    return words[0] if len(words) == 1 else None


def _own_entry(session: Session, sender_id: str, entry_id: int) -> ExerciseEntry | None:
    user = find_user(session=session, sender_id=sender_id)
    entry = session.get(ExerciseEntry, entry_id) if user is not None else None
    return entry if entry is not None and entry.user_id == user.id else None


def _title(kind: str) -> str:
    exercise = exercise_by_name(kind)
    return exercise.words().get("entry_label", exercise.menu_title) if exercise else kind


def _summary(entry: ExerciseEntry) -> Reflection | None:
    exercise = exercise_by_name(entry.kind)
    if exercise is None:
        return None
    text = " ".join(reply.text for reply in exercise.describe_entry(dict(entry.answers)))
    words = text.split()
    first = " ".join(words[:FIRST_WORDS]) + (" …" if len(words) > FIRST_WORDS else "")
    return Reflection(entry.id, _title(entry.kind), day_label(entry.created_at), first)


# What the person is looking at, kept in the slot ``reflections_view`` between turns: the ids of
# the listed entries (ids only, never text), the one open, whether its deletion awaits a yes, and
# whether the last reply was unclear. None means the reflections are closed.
View = dict[str, Any]


def _view(ids: list[int], open_id: int | None = None, confirming: bool = False) -> View:
    return {"ids": ids, "open": open_id, "confirming": confirming}


def show_list(*, session: Session, sender_id: str) -> tuple[list[Reply], View | None]:
    """The numbered list and the view that goes with it (None when nothing is saved)."""
    listed = list_reflections(session=session, sender_id=sender_id)
    return list_replies(listed), (_view([item.entry_id for item in listed]) if listed else None)


def respond(*, session: Session, sender_id: str, view: View, text: str) -> tuple[list[Reply], View | None]:
    """What to say to one reply while the reflections are open, and the view after it."""
    choice = read_choice(text)
    ids, open_id = list(view.get("ids") or []), view.get("open")
    confirm = Reply(say("reflection_confirm_delete"), confirm_buttons())
    if choice.action == DONE:
        return [], None
    if view.get("confirming"):
        if choice.action in (YES, DELETE):
            delete_reflection(session=session, sender_id=sender_id, entry_id=open_id)
            replies, after = show_list(session=session, sender_id=sender_id)
            return [Reply(say("reflection_deleted")), *replies], after
        if choice.action == NO:
            return [Reply(say("reflection_kept"), entry_buttons())], _view(ids, open_id)
        return [confirm], view
    number = choice.number
    if choice.action == DELETE and number is None and open_id is not None:
        return [confirm], _view(ids, open_id, True)
    if choice.action in (OPEN, DELETE) and number is not None:
        index = len(ids) if number == -1 else number
        if not 1 <= index <= len(ids):
            return [Reply(say("reflections_no_such_number", number=number))], view
        entry_id = ids[index - 1]
        shown = open_reflection(session=session, sender_id=sender_id, entry_id=entry_id)
        if shown is None:
            return [Reply(say("reflection_gone"))], view
        if choice.action == DELETE:
            return [*shown, confirm], _view(ids, entry_id, True)
        return [*shown[:-1], Reply(shown[-1].text, entry_buttons())], _view(ids, entry_id)
    if choice.action == BACK or (choice.action == NO and open_id is not None):
        return show_list(session=session, sender_id=sender_id)
    if view.get("unclear"):  # twice in a row: the person likely wants something else
        return [Reply(say("reflections_closing"))], None
    return [Reply(say("reflections_unclear"))], {**view, "unclear": True}
