"""The crisis mode's turns, as plain Python."""

from __future__ import annotations

import pytest

from bot.safety import crisis_mode


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("yes, I'm safe right now", crisis_mode.SAFE),
        ("yeah", crisis_mode.SAFE),
        ("I'm ok", crisis_mode.SAFE),
        ("no, I'm not safe", crisis_mode.NOT_SAFE),
        ("no", crisis_mode.NOT_SAFE),
        ("I don't know", crisis_mode.NOT_SAFE),
        ("I was only joking", crisis_mode.DENIAL),
        ("you misunderstood me", crisis_mode.DENIAL),
        ("I didn't mean it like that", crisis_mode.DENIAL),
        ("go back to my exercise", crisis_mode.LEAVE),
        ("menu", crisis_mode.LEAVE),
        ("my daughter never writes", crisis_mode.UNCLEAR),
    ],
)
def test_replies_to_are_you_safe_are_understood(text: str, kind: str) -> None:
    assert crisis_mode.classify(text) == kind


def handle(state, text, **overrides):
    options = {"country": "GB", "has_paused_exercise": False, "has_plan": False, **overrides}
    return crisis_mode.handle(state, text, **options)


def test_no_repeats_the_lines_and_the_emergency_number_and_keeps_the_mode() -> None:
    turn = handle(crisis_mode.start_state("suicide"), "no")
    text = "\n".join(reply.text for reply in turn.replies)
    assert "999" in text and "116 123" in text
    assert not turn.closed


def test_unclear_answers_keep_the_mode_and_ask_again_with_buttons() -> None:
    turn = handle(crisis_mode.start_state("suicide"), "my son")
    assert not turn.closed and turn.replies[-1].buttons


def test_safe_closes_the_mode_offering_a_plan_and_the_paused_exercise() -> None:
    turn = handle(crisis_mode.start_state("suicide"), "yes", has_paused_exercise=True)
    payloads = [button.payload for reply in turn.replies for button in reply.buttons]
    assert turn.closed and not turn.resume
    assert "make a safety plan" in payloads and "go back to my exercise" in payloads


def test_an_existing_plan_is_offered_to_be_shown() -> None:
    turn = handle(crisis_mode.start_state("suicide"), "yes", has_plan=True)
    assert "show my safety plan" in [b.payload for reply in turn.replies for b in reply.buttons]


def test_one_denial_does_not_close_the_mode_silently() -> None:
    turn = handle(crisis_mode.start_state("suicide"), "lol I was joking")
    text = "\n".join(reply.text for reply in turn.replies)
    assert not turn.closed
    assert "116 123" in text and text.rstrip().endswith("?")
    after = handle(turn.state, "fine I guess", has_paused_exercise=True)
    assert after.closed and after.resume


def test_asking_to_go_back_always_leaves_and_resumes() -> None:
    turn = handle(crisis_mode.start_state("abuse"), "go back to my exercise", has_paused_exercise=True)
    assert turn.closed and turn.resume


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("yes", crisis_mode.YES),
        ("Yeah, sometimes", crisis_mode.YES),
        ("I'm not sure", crisis_mode.YES),
        ("idk", crisis_mode.YES),
        ("I'm not okay", crisis_mode.YES),
        ("no, I'm safe", crisis_mode.NO),
        ("nah i'm fine", crisis_mode.NO),
        ("No", crisis_mode.NO),
        ("I was only joking", crisis_mode.NO),
        ("go back to my exercise", crisis_mode.LEAVE),
        ("my daughter never writes", crisis_mode.UNCLEAR),
    ],
)
def test_answers_to_the_direct_question_are_understood(text: str, answer: str) -> None:
    assert crisis_mode.read_ask_answer(text) == answer


@pytest.mark.parametrize("category", ["suicide", "self_harm", "abuse", "violence"])
def test_the_direct_question_fits_the_category_and_offers_yes_no_and_help(category: str) -> None:
    question = crisis_mode.ask_question(category)
    assert question.text.endswith("?")
    assert [button.payload for button in question.buttons] == ["yes", "no, I'm safe", "help now"]


def test_yes_to_the_question_asks_for_the_crisis_reply_and_keeps_the_mode() -> None:
    turn = handle(crisis_mode.ask_state("abuse"), "yes")
    assert turn.escalate and not turn.closed
    assert turn.state == crisis_mode.start_state("abuse")


def test_no_to_the_question_goes_back_to_where_the_person_was_without_a_lecture() -> None:
    turn = handle(crisis_mode.ask_state("suicide"), "no, I'm safe", has_paused_exercise=True)
    assert turn.closed and turn.resume and not turn.escalate
    assert len(turn.replies) == 1 and "carry on" in turn.replies[0].text


def test_an_unclear_answer_is_asked_once_more_then_taken_as_a_yes() -> None:
    first = handle(crisis_mode.ask_state("suicide"), "my daughter never writes")
    assert not first.escalate and not first.closed and first.replies[0].buttons
    second = handle(first.state, "it's complicated")
    assert second.escalate


def test_safe_after_abuse_gives_the_abuse_steps_and_never_the_suicide_plan() -> None:
    turn = handle(crisis_mode.start_state("abuse"), "yes, I'm safe right now", has_paused_exercise=True)
    text = "\n".join(reply.text for reply in turn.replies)
    payloads = [button.payload for reply in turn.replies for button in reply.buttons]
    assert turn.closed
    assert "domestic abuse line" in text and "Delete my data" in text
    assert "make a safety plan" not in payloads and "show my safety plan" not in payloads
    assert "go back to my exercise" in payloads and "help now" in payloads


def test_a_message_tomorrow_is_offered_only_where_it_can_be_sent_and_never_after_abuse() -> None:
    def offers(category: str, can_check_back: bool) -> list[str]:
        turn = handle(crisis_mode.start_state(category), "yes, I'm safe", can_check_back=can_check_back)
        return [button.payload for reply in turn.replies for button in reply.buttons]

    assert "message me tomorrow" in offers("suicide", can_check_back=True)
    assert "message me tomorrow" not in offers("suicide", can_check_back=False)
    assert "message me tomorrow" not in offers("abuse", can_check_back=True)


@pytest.mark.parametrize("text", ["stop", "leave me alone", "later", "not now", "I don't want to talk about it"])
def test_being_asked_to_stop_is_respected_after_the_lines_once_more(text: str) -> None:
    turn = handle(crisis_mode.start_state("suicide"), text)
    assert turn.closed and not turn.resume
    assert "116 123" in turn.replies[0].text and "?" not in turn.replies[0].text


def test_are_you_safe_is_never_asked_more_than_twice_in_a_row() -> None:
    state, questions = crisis_mode.start_state("suicide"), 1  # the crisis reply asks first
    for text in ["my son", "hmm", "whatever", "my son again"]:
        turn = handle(state, text)
        questions += any("are you safe" in reply.text.lower() for reply in turn.replies)
        state = turn.state
    assert questions == 2
    assert "leave this" in [button.payload for reply in turn.replies for button in reply.buttons]
    assert "116 123" in turn.replies[0].text and not turn.closed
