"""Whether the writer may be a child or a teenager, so that lines for young people come first.

Nobody is asked their age, and the roles a person chooses are all adults', yet children do
write (a child telling of abuse at home is exactly the message a helper must not miss). A few
plain cues are enough to put a children's line first; a false cue costs little, because the
adult lines still follow it.
"""

from __future__ import annotations

import re

from bot.safety.normalise import normalise

_AGES = r"(?:1[0-7]|[89]|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
_OWN_AGE = re.compile(
    rf"\b(?:i'?m|i am|im)\s+(?:only\s+|just\s+)?{_AGES}\b(?!\s*(?:-|\s)?(?:years? ago|ago|weeks?|months?|days?|"
    rf"minutes?|mins?|hours?|hrs?|times?|kg|kilos?|stone|pounds?|lbs?|%|percent|quid|dollars?|euros?|miles?|km|"
    rf"weeks? pregnant|and a half|o'?clock|am|pm))"
    rf"|\b{_AGES}\s*(?:yo|y/o|yrs? old|years? old)\b(?!\s+(?:son|daughter|child|kid|boy|girl|grandson|granddaughter))"
    rf"|\b(?:i'?m|i am|im) (?:a )?(?:teen|teenager|kid|child|minor|year \d+ student)\b"
)
_SCHOOL = re.compile(
    r"\b(?:my (?:teacher|teachers|form tutor|head ?teacher|school|class|classmates?)|"
    r"i'?m in (?:year|grade) \d+|i am in (?:year|grade) \d+|i'?m in (?:\d+(?:st|nd|rd|th)) grade|"
    r"(?:i|we) (?:got|get|have) detention|(?:at|after|before) school (?:i|my|me)|i (?:go|went) to school|"
    r"(?:grounded|grounds) me|i'?m not allowed (?:out|to go out))\b"
)
# Someone at home hurting the writer as a parent figure would ("my stepdad hits me"). An adult
# child can write this too; the children's line then comes first and the adult lines follow.
_HURT_AT_HOME = re.compile(
    r"\bmy (?:step ?dad|step ?mum|step ?mom|stepfather|stepmother|mum'?s boyfriend|mom'?s boyfriend|"
    r"dad'?s girlfriend|foster (?:dad|mum|mom|parents?)|mum|mom|dad|mother|father|parents)\s+"
    r"(?:(?:still|always|keeps?|sometimes|now)\s+)?"
    r"(?:hits?|beats?|slaps?|punch(?:es)?|kicks?|touch(?:es)?|chokes?|locks?|burns?|hurts?|"
    r"comes? into my (?:room|bed)|makes? me)\b"
)


def writer_may_be_young(text: str) -> bool:
    """Whether the message carries a cue that its writer is a child or a teenager."""
    if not text:
        return False
    normalised = normalise(text)
    return bool(_OWN_AGE.search(normalised) or _SCHOOL.search(normalised) or _HURT_AT_HOME.search(normalised))
