"""Exercise runs: the life of one exercise for one person, kept in its own table.

The conversation's slots hold only the exercise's name and the run's id; everything else
(the answers so far, the steps to go back to, whether it is paused) lives in
``exercise_runs``, so it is not re-sent with every turn, survives a server restart and a
new session, and can be read by a therapist's portal or a chart. The caller owns the
database session: ``ExerciseRuns(session=..., sender_id=..., channel=...)``.

A person has at most one running run and at most one paused run per exercise. When a run
ends, its working state is emptied: what was written survives only as an entry, and only
when the person chose saving.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import homework
from bot.content import say
from bot.exercises.engine import (
    ABANDONED,
    FINISHED,
    FRESH,
    PAUSED,
    RESUME,
    RUNNING,
    STOP,
    Context,
    Exercise,
    Turn,
    current_prompt,
    go_back,
    handle_reply,
    new_state,
    parse_control,
    read_resume_answer,
    skip_step,
    words,
)
from bot.exercises.measures import Measure
from bot.exercises.registry import exercise_by_name
from bot.progress.dates import day_label
from bot.replies import Reply
from bot.storage.models import ExerciseEntry, ExerciseRun, User, utc_now
from bot.storage.repositories import find_user, get_or_create_user, latest_entry

# While homework from a therapist waits for the person's consent, for a choice after declining,
# or for what to share at the end, the run's state says so under this key.
HOMEWORK_STAGE = "homework_stage"
CONSENT, DECLINED, SHARE = "consent", "declined", "share"


class RunNotFoundError(LookupError):
    """The run does not exist, belongs to someone else, or has ended."""


@dataclass(frozen=True)
class RunTurn:
    """What a run made of one step: what to say, and where the run now stands."""

    run_id: str
    exercise: str
    replies: list[Reply]
    status: str
    saved: bool = False
    # A risk category when an answer itself calls for the crisis reply (PHQ-9's ninth item).
    crisis: str | None = None


class ExerciseRuns:
    """Start, answer, pause, resume, finish and abandon one person's exercise runs."""

    def __init__(self, *, session: Session, sender_id: str, channel: str = "unknown") -> None:
        self._session = session
        self._sender_id = sender_id
        self._channel = channel

    # Starting and resuming

    def start(self, exercise: Exercise, context: Context, *, assignment_id: int | None = None) -> RunTurn:
        """A run of ``exercise``: a paused one offered back first, else a fresh one.

        Whatever else was running is paused, so a person only ever has one run going.
        """
        self.pause_running()
        paused = self._paused_run_of(exercise.name)
        if paused is not None:
            paused.status = RUNNING
            paused.state = {**paused.state, "offer_resume": True}
            return self._turn(paused, [])
        run = self._new_run(exercise, context, assignment_id=assignment_id)
        return self._turn(run, [])

    def start_homework(self, exercise: Exercise, context: Context, *, assignment_id: int) -> RunTurn:
        """A fresh run of a therapist's homework, which first asks whether sharing is OK."""
        self.pause_running()
        run = self._new_run(exercise, context, assignment_id=assignment_id)
        run.state = {**run.state, HOMEWORK_STAGE: CONSENT}
        return self._turn(run, [])

    def resume_latest(self) -> RunTurn | None:
        """The most recently paused run, running again where it stopped; None when nothing is paused."""
        self.pause_running()
        run = self._latest(PAUSED)
        if run is None:
            return None
        run.status = RUNNING
        run.state = _without_offer(run.state)
        return self._turn(run, [Reply(words()["resumed"])])

    # One message at a time

    def prompt(self, run_id: str, context: Context) -> list[Reply]:
        """What the running run asks now."""
        run = self._running(run_id)
        stage = run.state.get(HOMEWORK_STAGE)
        if stage == CONSENT:
            return [homework.consent_question(self._session, run.assignment_id)]
        if stage == DECLINED:
            return [homework.declined_question(self._session, run.assignment_id)]
        if stage == SHARE:
            return [homework.share_question(self._session, run.assignment_id)]
        return current_prompt(_exercise_of(run), run.state, context)

    def reply(self, run_id: str, text: str, context: Context) -> RunTurn:
        """Apply one message (already screened for risk) to the running run.

        Controls ("stop", "skip", "go back", "start over", "help") are understood here;
        a finished run is saved when the person chose saving.
        """
        run = self._running(run_id)
        if run.state.get(HOMEWORK_STAGE):
            return self._answer_homework(run, text)
        if run.state.get("offer_resume"):
            return self._answer_resume_offer(run, text, context)
        return self._apply(run, handle_reply(_exercise_of(run), run.state, text, context), context)

    def back(self, run_id: str) -> RunTurn:
        """One step back in the running run."""
        run = self._running(run_id)
        return self._apply(run, go_back(run.state), Context())

    def skip(self, run_id: str, context: Context) -> RunTurn:
        """Past the current step of the running run, where the exercise allows it."""
        run = self._running(run_id)
        return self._apply(run, skip_step(_exercise_of(run), run.state, context), context)

    # Setting aside and ending

    def pause(self, run_id: str) -> RunTurn:
        """Set the run aside exactly where it stopped (for a crisis, another exercise, a new session)."""
        run = self._running(run_id)
        self._set_aside(run)
        return self._turn(run, [])

    def pause_running(self) -> list[str]:
        """Pause whatever is running for this person; the names of what was paused."""
        user = self._user()
        if user is None:
            return []
        running = self._session.scalars(
            select(ExerciseRun).where(ExerciseRun.user_id == user.id, ExerciseRun.status == RUNNING)
        ).all()
        for run in running:
            self._set_aside(run)
        return [run.exercise for run in running]

    def abandon(self, run_id: str) -> None:
        """End a run without finishing it; what was written in it is forgotten."""
        run = self._owned(run_id)
        if run.status in (RUNNING, PAUSED):
            self._end(run, ABANDONED)

    def paused_exercises(self) -> list[str]:
        """The names of this person's paused exercises, the most recently paused first."""
        user = self._user()
        if user is None:
            return []
        return list(
            self._session.scalars(
                select(ExerciseRun.exercise)
                .where(ExerciseRun.user_id == user.id, ExerciseRun.status == PAUSED)
                .order_by(ExerciseRun.updated_at.desc())
            )
        )

    def status(self, run_id: str) -> RunTurn:
        """Where a run stands, and whether it was saved as an entry."""
        run = self._owned(run_id)
        return self._turn(run, [])

    # Inside

    def _apply(self, run: ExerciseRun, turn: Turn, context: Context) -> RunTurn:
        run.state = turn.state
        replies = turn.replies
        if turn.status == PAUSED:
            self._set_aside(run)
        elif turn.status == FINISHED:
            exercise = _exercise_of(run)
            data = run.state["data"]
            worth_keeping = exercise.worth_keeping(data)
            reporting_to = homework.shared_assignment_id(
                self._session, sender_id=self._sender_id, assignment_id=run.assignment_id
            )
            measure = isinstance(exercise, Measure)
            # A measure's answers were agreed to when it was accepted; an exercise's wait for a choice.
            awaits_share = reporting_to is not None and not measure
            if awaits_share:
                # The answers wait, sealed in the assignment, for the person's choice of what to share.
                answers = exercise.describe_entry(exercise.entry(data))
                homework.run_finished(self._session, reporting_to, [reply.text for reply in answers])
            self._keep(run, context, worth_keeping)
            if worth_keeping:  # say whether it was kept, as the person chose
                replies = [*replies, Reply(say("saved" if run.entry_id is not None else "not_saved"))]
            if reporting_to is not None and measure:
                replies += homework.measure_finished(
                    self._session, reporting_to, measure=exercise.name, entry=exercise.entry(data)
                )
            if awaits_share:
                run.state = {HOMEWORK_STAGE: SHARE}
            else:
                self._end(run, FINISHED)
            if measure and exercise.needs_crisis_reply(data):
                if reporting_to is not None:  # the therapist is told, as the person agreed
                    homework.crisis_lines_shown_on(self._session, reporting_to)
                # The crisis reply comes first and alone: what the run would have said is not said.
                crisis = exercise.crisis_category
                return RunTurn(run.id, run.exercise, [], run.status, run.entry_id is not None, crisis=crisis)
        return self._turn(run, replies)

    def _answer_homework(self, run: ExerciseRun, text: str) -> RunTurn:
        """Consent before a therapist's homework, a choice after declining, what to share at the end."""
        stage = run.state[HOMEWORK_STAGE]
        stopping = parse_control(text) == STOP
        if stage == SHARE:
            choice = homework.SHARE_FINISHED if stopping else homework.read_share(text)
            if choice is None:
                return self._turn(run, [homework.unclear(SHARE)])
            replies = homework.choose_share(
                self._session, sender_id=self._sender_id, assignment_id=run.assignment_id, choice=choice
            )
            self._end(run, FINISHED)
            return self._turn(run, replies)
        if stopping and stage == CONSENT:  # undecided: kept, to be picked up with "resume"
            self._set_aside(run)
            return self._turn(run, [Reply(words()["paused"])])
        if stage == CONSENT:
            agreed = homework.read_consent(text)
            if agreed is None:
                return self._turn(run, [homework.unclear(CONSENT)])
            replies = homework.answer_consent(
                self._session, sender_id=self._sender_id, assignment_id=run.assignment_id, agreed=agreed
            )
            if agreed:
                homework.run_started(self._session, run.assignment_id)
                run.state = _without(run.state, HOMEWORK_STAGE)
            else:
                run.state = {**run.state, HOMEWORK_STAGE: DECLINED}
            return self._turn(run, replies)
        privately = False if stopping else homework.read_private_choice(text)
        if privately is None:
            return self._turn(run, [homework.unclear(DECLINED)])
        if not privately:
            self._end(run, ABANDONED)
            return self._turn(run, homework.not_now(self._session, run.assignment_id))
        run.assignment_id = None  # declined: nothing of this run reaches the therapist
        run.state = _without(run.state, HOMEWORK_STAGE)
        return self._turn(run, [])

    def _answer_resume_offer(self, run: ExerciseRun, text: str, context: Context) -> RunTurn:
        answer = read_resume_answer(text)
        if answer == RESUME:
            run.state = _without_offer(run.state)
            return self._turn(run, [Reply(words()["resumed"])])
        if answer == FRESH:
            exercise = _exercise_of(run)
            self._end(run, ABANDONED)
            fresh = self._new_run(exercise, context, assignment_id=run.assignment_id)
            return self._turn(fresh, [])
        if answer == STOP:
            run.state = _without_offer(run.state)
            self._set_aside(run)
            return self._turn(run, [Reply(words()["paused"])])
        return self._turn(run, [Reply(words()["resume_unclear"])])

    def _keep(self, run: ExerciseRun, context: Context, worth_keeping: bool) -> None:
        """Save a finished run as an entry, when the person chose saving."""
        if context.consent_to_save and worth_keeping:
            entry = ExerciseEntry(user=run.user, kind=run.exercise, answers=_exercise_of(run).entry(run.state["data"]))
            self._session.add(entry)
            self._session.flush()
            run.entry_id = entry.id

    def _set_aside(self, run: ExerciseRun) -> None:
        # One paused run per exercise: an older one of the same exercise is given up.
        for older in self._session.scalars(
            select(ExerciseRun).where(
                ExerciseRun.user_id == run.user_id,
                ExerciseRun.exercise == run.exercise,
                ExerciseRun.status == PAUSED,
                ExerciseRun.id != run.id,
            )
        ):
            self._end(older, ABANDONED)
        run.status = PAUSED
        run.updated_at = utc_now()

    def _end(self, run: ExerciseRun, status: str) -> None:
        run.status = status
        run.state = None
        run.ended_at = utc_now()

    def _new_run(self, exercise: Exercise, context: Context, *, assignment_id: int | None) -> ExerciseRun:
        user = get_or_create_user(session=self._session, sender_id=self._sender_id, channel=self._channel)
        wants_last = exercise.editable or exercise.compares_with_last
        previous = (
            self._last_saved(exercise.name, with_date=exercise.compares_with_last)
            if wants_last and context.consent_to_save
            else None
        )
        run = ExerciseRun(
            user=user,
            exercise=exercise.name,
            assignment_id=assignment_id,
            status=RUNNING,
            state=new_state(exercise, context, previous),
        )
        self._session.add(run)
        self._session.flush()
        return run

    def _last_saved(self, kind: str, *, with_date: bool = False) -> dict[str, Any] | None:
        """The answers of the newest saved entry of ``kind``, with its day under "date" if asked."""
        entry = latest_entry(session=self._session, sender_id=self._sender_id, kind=kind)
        if entry is None:
            return None
        return {**entry.answers, "date": day_label(entry.created_at)} if with_date else dict(entry.answers)

    def _user(self) -> User | None:
        return find_user(session=self._session, sender_id=self._sender_id)

    def _owned(self, run_id: str | None) -> ExerciseRun:
        user = self._user()
        run = self._session.get(ExerciseRun, run_id) if run_id else None
        if run is None or user is None or run.user_id != user.id:
            raise RunNotFoundError(f"no run {run_id!r} for this person")
        return run

    def _running(self, run_id: str | None) -> ExerciseRun:
        run = self._owned(run_id)
        if run.status != RUNNING:
            raise RunNotFoundError(f"run {run_id!r} is {run.status}, not running")
        return run

    def _paused_run_of(self, exercise: str) -> ExerciseRun | None:
        user = self._user()
        if user is None:
            return None
        return self._session.scalars(
            select(ExerciseRun).where(
                ExerciseRun.user_id == user.id, ExerciseRun.exercise == exercise, ExerciseRun.status == PAUSED
            )
        ).first()

    def _latest(self, status: str) -> ExerciseRun | None:
        user = self._user()
        if user is None:
            return None
        return self._session.scalars(
            select(ExerciseRun)
            .where(ExerciseRun.user_id == user.id, ExerciseRun.status == status)
            .order_by(ExerciseRun.updated_at.desc())
        ).first()

    @staticmethod
    def _turn(run: ExerciseRun, replies: list[Reply]) -> RunTurn:
        return RunTurn(run.id, run.exercise, replies, run.status, saved=run.entry_id is not None)


def _without(state: dict[str, Any], key: str) -> dict[str, Any]:
    """A new state without ``key`` (a new dict, so the change is saved)."""
    return {name: value for name, value in state.items() if name != key}


def _without_offer(state: dict[str, Any]) -> dict[str, Any]:
    """A new state without the offer to resume."""
    return _without(state, "offer_resume")


def _exercise_of(run: ExerciseRun) -> Exercise:
    exercise = exercise_by_name(run.exercise)
    if exercise is None:
        raise RunNotFoundError(f"run {run.id!r} is of an exercise that no longer exists: {run.exercise!r}")
    return exercise
