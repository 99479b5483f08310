"""The progress chart: well-being and the relationship rating over time, as a PNG.

Rendered on this machine with matplotlib's Agg backend (no display, no network), sized for
a phone held upright: 720 × 900 pixels, large type, dates on the axis. Two panels share the
time axis, because the scales differ (0–100 and 0–10). Each check-in is a filled dot in its
panel's own colour, so the points can be counted in the image.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402 - the backend is chosen first
from matplotlib.figure import Figure  # noqa: E402

from bot.progress.scores import CheckInPoint  # noqa: E402

WIDTH_PX, HEIGHT_PX, DPI = 720, 900, 120
WELL_BEING_COLOUR = "#1f5f99"
RELATIONSHIP_COLOUR = "#a34a00"
LINE_COLOUR = "#9aa5b1"


def render_progress_chart(points: Sequence[CheckInPoint]) -> bytes:
    """The chart of ``points`` as PNG bytes (an empty chart, with its labels, when there are none)."""
    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    well_being, relationship = figure.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    _panel(
        well_being,
        [(point.when, point.score) for point in points if point.score is not None],
        title="Well-being (WHO-5, 0 to 100)",
        top=100,
        colour=WELL_BEING_COLOUR,
    )
    _panel(
        relationship,
        [(point.when, point.relationship) for point in points if point.relationship is not None],
        title="How you feel about the relationship (0 to 10)",
        top=10,
        colour=RELATIONSHIP_COLOUR,
    )
    locator = mdates.AutoDateLocator(minticks=2, maxticks=5)
    relationship.xaxis.set_major_locator(locator)
    relationship.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    if len(points) == 1:  # one day would be a zero-width axis
        only = mdates.date2num(points[0].when)
        relationship.set_xlim(only - 7, only + 7)
    figure.tight_layout(pad=1.2)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _panel(axes, values, *, title: str, top: int, colour: str) -> None:
    axes.set_title(title, fontsize=15, loc="left")
    axes.set_ylim(-top * 0.05, top * 1.05)
    axes.tick_params(labelsize=13)
    axes.grid(axis="y", color="#e5e8eb")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if not values:
        axes.text(0.5, 0.5, "No answers yet", transform=axes.transAxes, ha="center", va="center", fontsize=13)
        return
    dates, numbers = zip(*values, strict=True)
    axes.plot(dates, numbers, color=LINE_COLOUR, linewidth=2, zorder=2)
    axes.scatter(dates, numbers, s=110, color=colour, zorder=3, linewidths=0)
