"""The apology analyzer: help a parent or an adult child write an apology without conditions."""

from bot.apology.analyzer import Analysis, Problem, analyze_apology, check_lines

__all__ = ["Analysis", "Problem", "analyze_apology", "check_lines"]
