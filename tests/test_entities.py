"""Tests for ``quoteattr._entities``: name mentions and their resolution."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quoteattr import analyze
from quoteattr._entities import (_PROSE_WORD, _SALIENCE_WINDOW, _in_title_case, _name_mention,
                                 _name_mentions, _Names, _person_candidates)
from quoteattr._text import WORD, paragraphs


def _names(text: str) -> list[str]:
    return [m.name for m in _name_mentions(text, [], paragraphs(text))]


def test_a_title_abbreviation_inside_a_word_starts_no_name() -> None:
    """``ms.`` at the end of ``systems.`` is not the title ``Ms.``."""
    assert _names("Voters distrust the systems. With Lopez gone, nobody runs them.") == [
        "Lopez"]


def test_a_capital_after_a_digit_starts_no_name() -> None:
    """``2Pac`` is one token; ``Pac`` is not the first name of ``Shakur``."""
    assert "Pac Shakur" not in _names("He met 2Pac Shakur.")


def test_a_title_before_a_name_is_not_part_of_the_name() -> None:
    assert _names("Then Sen. Ann Lopez spoke.") == ["Ann Lopez"]


def test_an_article_before_a_name_is_not_part_of_it() -> None:
    """``A Trump spokesman``: the run is ``A Trump``, the name ``Trump``."""
    assert _names("A Trump spokesman said so.") == ["Trump"]


def test_the_opens_the_name_of_an_outlet() -> None:
    """``The Post`` keeps its ``The``: outlets are named with it."""
    assert _names("The Post reported it.") == ["The Post"]


def test_a_title_case_headline_gives_no_names_but_first_names() -> None:
    """Capitalised runs in a headline are not names (``Trump Wins Big``), except from a
    known first name on."""
    assert _names("Trump Wins Big in Nevada Caucus Race\n\nHe won.") == []
    assert _names("Senate Says Hillary Clinton Must Testify\n\nShe will.") == ["Hillary Clinton"]


def test_a_speaker_is_not_named_after_a_headline() -> None:
    """``U.S. Nominates ... Kim`` once named the speaker ``S Nominates Jim Yong Kim``."""
    doc = analyze('U.S. Nominates Jim Yong Kim for New Term\n\n"We are pleased," Mr. Kim said.')
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Kim"]


def test_the_scan_from_capitals_finds_what_the_full_scan_finds() -> None:
    """Runs are looked for from capital letters only, unless a lower-case title
    abbreviation could start one; either way the runs are those of the full scan."""
    from quoteattr._entities import _capitalised_runs, _run_patterns

    full = _run_patterns().anywhere
    for text in ("Then Sen. Ann Lee spoke.", "then sen. Ann Lee spoke.", "ask mr. and MR. X",
                 "systems. Lopez", "Gen. gen. Ms. ms.Lee", "ſen. Kelvin", ""):
        assert [m.span() for m in _capitalised_runs(text)] == [
            m.span() for m in full.finditer(text)], text


_HEADLINE_PIECES = ["Putin", "Says", "says", "the", "Talks", "talks", "of", "It", "will", "Will",
                    "résumé", "don't", "x2y", "U.S.", "2abc", "İstanbul", "ab", "AB", " ", " ",
                    "  ", "\t", ",", "-", "’s", "é"]


@given(st.lists(st.sampled_from(_HEADLINE_PIECES), max_size=60).map("".join))
def test_prose_is_ruled_out_as_a_headline_as_word_by_word(text: str) -> None:
    """Each plain lower case word that rules prose out is a word counted in lower case,
    so ruling prose out by them gives what counting every word does."""
    capitalised = lowercase = 0
    for word in WORD.finditer(text):
        if word.end() - word.start() > 2:
            capitalised += text[word.start()].isupper()
            lowercase += not text[word.start()].isupper()
    assert len(_PROSE_WORD.findall(text)) <= lowercase
    words = capitalised + lowercase
    counted = lowercase < 12 and 4 <= words <= 30 and capitalised > 0.6 * words
    assert _in_title_case(text, 0, len(text)) == counted


_STARTS = st.lists(st.integers(0, 30), max_size=60)


@given(_STARTS, st.lists(st.booleans(), max_size=60), _STARTS, st.integers(0, 70))
def test_pronoun_candidates_come_in_the_order_of_a_stable_sort_by_start(
        mention_starts: list[int], quoted: list[bool], resolved_starts: list[int],
        position: int) -> None:
    """The candidates made one at a time are the candidates sorted by start, latest first,
    as the resolver sorted them before: the name mentions, then the people resolved."""
    mentions = [_name_mention((2 * s, 2 * s + 1, f"N{i}", (), q, f"N{i}"))
                for i, (s, q) in enumerate(zip(sorted(set(mention_starts)), quoted))]
    names = _Names(mentions, [])
    for index, start in enumerate(sorted(resolved_starts)):
        names.resolved.append((start, start + index % 3, f"R{index}"))
    expected = [(m.start, m.end, m.name, m.titles)
                for m in names.before(position, _SALIENCE_WINDOW) if not m.quoted]
    expected += [(s, e, k, ()) for s, e, k in names.resolved if e <= position]
    expected.sort(key=lambda candidate: candidate[0], reverse=True)
    assert expected == list(_person_candidates(position, names))
