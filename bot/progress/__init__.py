"""Progress over time: a person's check-ins, drawn as a chart that only they can open."""

from bot.progress.chart import render_progress_chart
from bot.progress.links import chart_png_for_url, chart_url, read_chart_token
from bot.progress.scores import CheckInPoint, checkins_of, checkins_of_user

__all__ = [
    "CheckInPoint",
    "chart_png_for_url",
    "chart_url",
    "checkins_of",
    "checkins_of_user",
    "read_chart_token",
    "render_progress_chart",
]
