"""Counting the work a call does, for the tests that check time grows linearly."""

from __future__ import annotations

import sys
from typing import Callable


def profile_events(function: Callable[[str], object], argument: str) -> int:
    """Count the Python and C calls ``function(argument)`` makes: a measure of work
    that, unlike a clock, gives the same number on every run and every machine."""
    count = 0

    def profiler(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += 1

    previous = sys.getprofile()
    sys.setprofile(profiler)
    try:
        function(argument)
    finally:
        sys.setprofile(previous)
    return count
