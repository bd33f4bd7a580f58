"""Tests for ``quoteattr._entities``: name mentions and their resolution."""

from __future__ import annotations

from quoteattr._entities import _name_mentions


def _names(text: str) -> list[str]:
    return [m.name for m in _name_mentions(text, [])]


def test_a_title_abbreviation_inside_a_word_starts_no_name() -> None:
    """``ms.`` at the end of ``systems.`` is not the title ``Ms.``."""
    assert _names("Voters distrust the systems. With Lopez gone, nobody runs them.") == [
        "Lopez"]


def test_a_capital_after_a_digit_starts_no_name() -> None:
    """``2Pac`` is one token; ``Pac`` is not the first name of ``Shakur``."""
    assert "Pac Shakur" not in _names("He met 2Pac Shakur.")


def test_a_title_before_a_name_is_not_part_of_the_name() -> None:
    assert _names("Then Sen. Ann Lopez spoke.") == ["Ann Lopez"]
