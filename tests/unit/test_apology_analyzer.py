"""Behaviour of the apology analyzer: flaws, traps, spans, elements, rewrites, odd input."""

from __future__ import annotations

import json
import re
import time

import pytest

from bot.apology import Analysis, analyze_apology, check_lines
from bot.apology.analyzer import CODES, ELEMENTS


def flags(draft: str) -> list[str]:
    return analyze_apology(draft).flags


@pytest.mark.parametrize(
    "draft",
    [
        "I'm sorry if you felt hurt.",
        "If I did something wrong, I apologise.",
        "sorry if I upset you",
        "I apologise if that came across badly.",
        "I'm sorry to the extent that my choices caused you pain.",
    ],
)
def test_an_if_attached_to_the_apology_is_conditional(draft: str) -> None:
    assert flags(draft) == ["conditional"]


@pytest.mark.parametrize(
    "draft",
    [
        "I'm sorry, but you have to see my side.",
        "I apologise. However, I stand by what I said about him.",
        "I regret missing your wedding, yet I still think you rushed into it.",
        "Although I still think I was right, I'm sorry for raising my voice.",
        "I'm sorry for everything, except the part about your husband.",
    ],
)
def test_a_but_that_undoes_the_apology_is_a_qualifier(draft: str) -> None:
    assert flags(draft) == ["qualifier"]


@pytest.mark.parametrize(
    "draft",
    [
        "I'm sorry you feel that way.",
        "I'm sorry you took it wrong.",
        "I'm sorry you were offended.",
        "I'm sorry that you see it like that.",
    ],
)
def test_sorry_for_their_reaction_is_a_deflection(draft: str) -> None:
    assert flags(draft) == ["deflection"]


@pytest.mark.parametrize(
    "draft",
    [
        "You made me so angry. I'm sorry I shouted.",
        "If you hadn't lied to me, none of this would have happened.",
        "You know how you get when you drink.",
        "You pushed me to it.",
        "You started it.",
        "You gave me no choice.",
    ],
)
def test_making_them_the_cause_is_a_blame_shift(draft: str) -> None:
    assert flags(draft) == ["blame_shift"]


@pytest.mark.parametrize(
    "draft",
    [
        "I'm sorry. None of it was your fault.",
        "I hit you and I told you it was your fault. I'm sorry.",
        "You spent years thinking it was your fault and it never was. I'm sorry.",
    ],
)
def test_denying_their_fault_or_owning_the_blame_once_put_on_them_is_not_a_blame_shift(draft: str) -> None:
    assert "blame_shift" not in flags(draft)


def test_your_fault_after_a_but_is_still_a_blame_shift() -> None:
    assert "blame_shift" in flags("I'm sorry I said those things, but it's your fault for reading my messages.")


@pytest.mark.parametrize(
    "draft",
    [
        "It was only a joke. I'm sorry I said it.",
        "I'm sorry I was a little harsh.",
        "It was no big deal. I'm sorry.",
        "I'm sorry about our small misunderstanding.",
        "It wasn't that bad. I'm sorry I missed it.",
        "You're overreacting. I'm sorry it happened like that, I mean I'm sorry I said it.",
        "It all got blown out of proportion. I'm sorry I said it.",
    ],
)
def test_shrinking_the_harm_is_minimizing(draft: str) -> None:
    assert "minimizing" in flags(draft)


@pytest.mark.parametrize(
    "draft",
    [
        "I'm sorry I shouted. I was only trying to help.",
        "I'm sorry I left. I had no choice.",
        "I'm sorry I missed it because I was busy.",
        "I'm sorry I snapped. I was stressed.",
        "I'm sorry. I did my best.",
        "I'm sorry I hit you. That's how I was raised.",
        "I'm sorry I read your diary. Anyone would have done the same.",
    ],
)
def test_excuses_are_justifications(draft: str) -> None:
    assert flags(draft) == ["justification"]


@pytest.mark.parametrize(
    "draft",
    [
        "Mistakes were made, and I'm sorry.",
        "Things were said that night. I regret that.",
        "I'm sorry feelings got hurt.",
        "Things happened between us, and I'm sorry.",
        "It got out of hand, and I apologise.",
    ],
)
def test_harm_without_a_doer_is_passive(draft: str) -> None:
    assert flags(draft) == ["passive"]


@pytest.mark.parametrize(
    "draft",
    [
        "I'm sorry. You need to forgive me.",
        "I'm sorry, so can we move on now?",
        "I'm sorry. Please let me see the grandchildren.",
        "I'm sorry. Call me back.",
        "I'm sorry, and I expect you to come to Christmas.",
        "I've apologised. Now it's your turn to apologise.",
        "I'm sorry. Can you forgive me?",
    ],
)
def test_asking_for_something_back_is_a_demand(draft: str) -> None:
    assert flags(draft) == ["demand"]


def test_a_soft_hope_for_forgiveness_is_not_a_demand() -> None:
    assert flags("I'm sorry I missed your wedding. I hope one day you can forgive me.") == []


def test_a_hope_does_not_soften_asking_for_the_grandchildren() -> None:
    assert flags("I'm sorry. I hope you'll let me see the grandchildren soon.") == ["demand"]


@pytest.mark.parametrize(
    "draft",
    [
        "If you ever want to talk, I'll be here.",
        "Not only did I miss your birthday, but I never called afterwards.",
        "I'm sorry I yelled at you. I was wrong, and there is no excuse.",
        "I'm sorry that I didn't listen when you told me how much it hurt.",
        "I know it was not a little thing.",
        "I had a choice and I chose badly.",
        "I'm sorry because I know my silence hurt you more than anything I said.",
        "I'm sorry I only called when I needed something.",
        "I'm sorry for the years I drank. You had to look after me when you were a little girl.",
        "I'm sorry I promised to come to your show and then never showed up.",
        "I was stressed that year, but that is no excuse for how I spoke to you. I'm sorry.",
        "I'm sorry I ever said you were too sensitive.",
        "I'm sorry I started the fight. I started it, not you.",
        "I'm sorry I let it get out of hand that night.",
        "I'm sorry I was harsh with you, even though I knew you were trying.",
        "I'm sorry I missed your wedding, and I'll understand if you can't forgive me.",
    ],
)
def test_sound_apologies_that_merely_contain_the_words_are_not_flagged(draft: str) -> None:
    assert flags(draft) == []


def test_one_draft_can_carry_several_flaws() -> None:
    draft = "I'm sorry if you were hurt, but you made me so angry. It was only a few words."
    assert flags(draft) == ["blame_shift", "conditional", "minimizing", "qualifier"]


def test_every_span_is_exactly_the_text_at_its_offsets() -> None:
    draft = (
        "I’m sorry if you were hurt, but you made me do it. Mistakes were made, it was only a joke, "
        "I was stressed, and now you need to forgive me. I'm sorry you feel that way."
    )
    analysis = analyze_apology(draft)
    assert set(analysis.flags) == set(CODES)
    for problem in analysis.problems:
        assert draft[problem.start : problem.end] == problem.text
        assert problem.text.strip() == problem.text and problem.text


def test_problems_come_in_order_of_appearance() -> None:
    analysis = analyze_apology("You started it. I'm sorry if that hurt. Call me back.")
    assert [problem.code for problem in analysis.problems] == ["blame_shift", "conditional", "demand"]
    assert [problem.start for problem in analysis.problems] == sorted(
        problem.start for problem in analysis.problems
    )


def test_the_conditional_span_is_the_if_clause() -> None:
    problem = analyze_apology("I'm sorry if you were hurt by what I said.").problems[0]
    assert problem.text == "if you were hurt by what I said"


def test_a_sound_apology_shows_its_elements() -> None:
    draft = (
        "I'm sorry I missed your graduation. I know how much it hurt you. It was my fault, "
        "and I'll be there for the next thing that matters to you."
    )
    assert analyze_apology(draft).elements == list(ELEMENTS)


def test_hedged_words_do_not_count_as_elements() -> None:
    assert analyze_apology("I'm sorry you feel hurt.").elements == []


def test_every_problem_has_a_kind_explanation_and_a_rewrite() -> None:
    draft = (
        "I'm sorry if you were hurt, but you made me do it. Mistakes were made, it was only a joke, "
        "I was stressed. I'm sorry you feel that way. Call me back."
    )
    for problem in analyze_apology(draft).problems:
        assert problem.explanation and "\n" not in problem.explanation
        assert problem.rewrite.strip()
        assert not re.search(rf"\b{re.escape(problem.text.lower())}\b", problem.rewrite.lower())


def test_a_conditional_is_repaired_by_dropping_the_if() -> None:
    assert analyze_apology("Sorry if I upset you.").problems[0].rewrite == "Sorry I upset you."
    assert analyze_apology("If I hurt you, I'm sorry.").problems[0].rewrite == "I'm sorry I hurt you."


def test_a_conditional_with_nothing_concrete_gets_the_template() -> None:
    assert analyze_apology("I'm sorry if you were hurt.").problems[0].rewrite == (
        "I'm sorry I hurt you when I [what you did]."
    )


def test_a_qualifier_is_repaired_by_cutting_at_but() -> None:
    problems = analyze_apology("I'm sorry I missed Dad's birthday, but I had a work deadline.").problems
    assert {problem.rewrite for problem in problems} == {"I'm sorry I missed Dad's birthday."}


def test_a_softener_is_repaired_by_taking_it_out() -> None:
    problem = analyze_apology("I'm sorry I was a little harsh in my last email.").problems[0]
    assert problem.rewrite == "I'm sorry I was harsh in my last email."


def test_curly_apostrophes_and_run_together_contractions_are_understood() -> None:
    assert flags("I’m sorry you’re upset.") == ["deflection"]
    assert flags("im sorry if i hurt you") == ["conditional"]
    assert flags("Im sorry, but its not like i meant it") == ["minimizing", "qualifier"]
    assert flags("I dont think its a big deal. Im sorry.") == ["minimizing"]


def test_an_empty_draft_has_nothing_to_say() -> None:
    for draft in ("", "   ", "\n"):
        analysis = analyze_apology(draft)
        assert analysis == Analysis(problems=[], elements=[])
        assert analysis.to_contract() == {"flags": [], "spans": [], "elements": []}


def test_a_long_draft_is_analysed_quickly_and_completely() -> None:
    paragraph = (
        "I'm sorry I missed your wedding. It was my fault and I have no excuse. I'm sorry if you felt alone. "
    )
    draft = paragraph * 60
    analyze_apology(paragraph)
    started = time.perf_counter()
    analysis = analyze_apology(draft)
    elapsed = time.perf_counter() - started
    assert analysis.flags == ["conditional"]
    assert len(analysis.problems) == 60
    assert elapsed < 2.0


def test_a_typical_draft_takes_a_few_milliseconds() -> None:
    draft = "I'm sorry, but you made me do it. I was stressed and it was only a joke."
    analyze_apology(draft)
    started = time.perf_counter()
    for _ in range(20):
        analyze_apology(draft)
    assert (time.perf_counter() - started) / 20 < 0.05


def test_the_contract_lists_each_flag_once_in_order() -> None:
    contract = analyze_apology("You made me. You pushed me. I'm sorry if it hurt.").to_contract()
    assert contract["flags"] == ["blame_shift", "conditional"]
    assert [span["code"] for span in contract["spans"]] == ["blame_shift", "blame_shift", "conditional"]
    assert set(contract["spans"][0]) == {"code", "start", "end", "text"}
    json.dumps(contract)


def test_check_lines_gives_one_result_per_line_and_empty_results_for_blank_lines() -> None:
    results = list(check_lines(["I'm sorry you feel that way.\n", "\n", "I'm sorry I lied to you.\n"]))
    assert results[0]["flags"] == ["deflection"]
    assert results[1] == {"flags": [], "spans": [], "elements": []}
    assert results[2]["flags"] == []
