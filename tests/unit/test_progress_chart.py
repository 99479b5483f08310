"""The progress chart, drawn from known scores, and the signed links that open it."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from matplotlib import colors
from matplotlib.image import imread
from scipy import ndimage

from bot.progress.chart import HEIGHT_PX, RELATIONSHIP_COLOUR, WELL_BEING_COLOUR, WIDTH_PX, render_progress_chart
from bot.progress.links import chart_png_for_url, chart_token, chart_url, read_chart_token
from bot.progress.scores import CheckInPoint
from bot.storage import session_scope, upgrade_schema
from bot.storage.models import ExerciseEntry
from bot.storage.repositories import erase_user, get_or_create_user

START = datetime(2026, 9, 1, tzinfo=timezone.utc)


def points(*pairs: tuple[int | None, int | None]) -> list[CheckInPoint]:
    return [CheckInPoint(START + timedelta(days=14 * n), score, rating) for n, (score, rating) in enumerate(pairs)]


def image_of(png: bytes) -> np.ndarray:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return imread(io.BytesIO(png), format="png")[:, :, :3]


def dots(image: np.ndarray, colour: str) -> int:
    """How many separate dots of ``colour`` the image shows (each marker is one blob of it)."""
    target = np.array(colors.to_rgb(colour))
    mask = np.all(np.abs(image - target) < 0.02, axis=2)
    labelled, count = ndimage.label(mask)
    sizes = ndimage.sum(mask, labelled, range(1, count + 1))
    return int(np.sum(np.asarray(sizes) >= 20))  # a marker is ~100 pixels; stray anti-aliasing is not


def test_the_chart_is_a_phone_sized_png_with_one_dot_per_check_in() -> None:
    image = image_of(render_progress_chart(points((40, 3), (28, 2), (56, 4), (None, 5), (72, 6))))
    assert image.shape[:2] == (HEIGHT_PX, WIDTH_PX)
    assert image.std() > 0.05  # not blank
    assert dots(image, WELL_BEING_COLOUR) == 4  # one check-in had a skipped item: no score to draw
    assert dots(image, RELATIONSHIP_COLOUR) == 5


@pytest.mark.parametrize("count", [1, 2, 9])
def test_every_check_in_is_drawn_however_many_there_are(count: int) -> None:
    image = image_of(render_progress_chart(points(*[(20 + 8 * n, n % 11) for n in range(count)])))
    assert dots(image, WELL_BEING_COLOUR) == count and dots(image, RELATIONSHIP_COLOUR) == count


def test_a_chart_without_check_ins_still_draws_its_labels() -> None:
    image = image_of(render_progress_chart([]))
    assert image.std() > 0.01 and dots(image, WELL_BEING_COLOUR) == 0


def test_a_chart_link_opens_only_its_own_person_and_only_for_a_day() -> None:
    token = chart_token("person-1", now=1_000_000)
    assert read_chart_token(token, now=1_000_000 + 3600) is not None
    assert read_chart_token(token, now=1_000_000 + 25 * 3600) is None  # expired
    sender_hash, expires, signature = token.split(".")
    assert read_chart_token(f"{sender_hash}.{int(expires) + 9999}.{signature}", now=1_000_000) is None  # altered
    other = chart_token("person-2", now=1_000_000).split(".")[0]
    assert read_chart_token(f"{other}.{expires}.{signature}", now=1_000_000) is None  # someone else's
    for junk in ("", "a.b", "a.b.c", "x" * 500, "..", "abc.12.zz"):
        assert read_chart_token(junk) is None


def test_a_chart_link_draws_the_persons_check_ins_until_they_erase_their_data() -> None:
    upgrade_schema()
    with session_scope() as session:
        user = get_or_create_user(session=session, sender_id="person-1", channel="rest")
        for score in (40, 60):
            session.add(ExerciseEntry(user=user, kind="checkin", answers={"score": score, "relationship": 5}))
    url = chart_url("person-1")
    image = image_of(chart_png_for_url(url))
    assert dots(image, WELL_BEING_COLOUR) == 2
    assert chart_png_for_url("https://example.org/picture.png") is None
    with session_scope() as session:
        erase_user(session=session, sender_id="person-1")
    assert chart_png_for_url(url) is None
