"""The fast paths of the indirect stage find what the patterns they stand for find."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from quoteattr import _indirect

_PIECES = [",", ";", " ", " ", "\n", "\r", "\t", "\x85", "\xa0", "\u2028", "\x1c", "—", "–", "-",
           "and", "or", "when", "asked", "according to", "but", "as", "which", "that", "he",
           "Lee", "the", "said", "adding", "voters", "is", "quickly", "on Monday", "x", "ſ", "é",
           "\u1c8a", "É", "was", "do", ", on", " ,", ".", "--", "last", "This", "week", "adding",
           "after", "-", "The", "one", "A"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _window(text: str, data: st.DataObject) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(text)))
    return start, data.draw(st.integers(start, len(text)))


@given(_TEXTS, st.data())
def test_content_stops_where_its_pattern_is_first_found(text: str, data: st.DataObject) -> None:
    """``_content_stop`` tries ``_CONTENT_STOP`` only where a match may start, and finds
    where a search of the whole window does."""
    start, end = _window(text, data)
    found = _indirect._CONTENT_STOP.search(text, start, end)
    assert _indirect._content_stop(text, start, end) == (found.start() if found else end)


@given(_TEXTS, st.data())
def test_that_after_matches_as_its_pattern(text: str, data: st.DataObject) -> None:
    """``_that_after`` skips the pattern only where it cannot match: no ``that`` follows."""
    start, end = _window(text, data)
    found = _indirect._that_after(text, start, end)
    expected = _indirect._THAT_AFTER.match(text, start, end)
    assert (found and found.span()) == (expected and expected.span())


@given(_TEXTS, st.data())
def test_a_joined_clause_is_found_as_a_search_finds_it(text: str, data: st.DataObject) -> None:
    """``_joined``, which rules out a window by its last word, then tries ``_JOINED``
    backwards from the window's end, finds the match that a search of its pattern finds,
    with the same groups."""
    start, end = _window(text, data)
    found = _indirect._joined(text, start, end)
    expected = _indirect._JOINED._forward.search(text, start, end)
    assert (found and (found.span(), found.groups())) == (
        expected and (expected.span(), expected.groups()))


@given(_TEXTS, st.data())
def test_a_window_ruled_out_ends_in_no_dangling_conjunction(text: str, data: st.DataObject) -> None:
    """``_may_dangle`` is false only where ``_DANGLING_CONJUNCTION`` finds nothing."""
    start, end = _window(text, data)
    if not _indirect._may_dangle(text, start, end):
        assert _indirect._DANGLING_CONJUNCTION.search(text, start, end) is None


_HEADLINE_PIECES = [" ", ",", "-", ".", "'", "’", "2", "\u0301", "Lee", "Says", "SAYS", "says",
                    "Slams", "Sides", "With", "Rips", "\u212a", "K", "eeps", "İ", "É", "s", "ays",
                    "Touts", "O", "Ann", "slams", "rips", "sides"]
_HEADLINES = st.lists(st.sampled_from(_HEADLINE_PIECES), max_size=12).map("".join)


@given(_HEADLINES, st.data(), st.booleans())
def test_a_window_ruled_out_holds_no_headline_verb(
        text: str, data: st.DataObject, first_line: bool) -> None:
    """``_may_hold_headline_verb`` is false only where no capitalised word that
    ``_headline_verb`` reads is a reporting verb or opens a headline verb, nor, on the
    first line, any word opens a headline verb."""
    start, end = _window(text, data)
    if not _indirect._may_hold_headline_verb(text, start, end, first_line):
        for word in _indirect.WORD.finditer(text, start, end):
            capitalised = word.group()[0].isupper()
            if capitalised:
                assert word.group().lower() not in _indirect._lexicons.reporting_verbs()
            if capitalised or first_line:
                assert _indirect._headline_cue(text, word.start(), end, capitalised) is None


@given(_TEXTS, st.data())
def test_enough_words_counts_the_words_of_its_pattern(text: str, data: st.DataObject) -> None:
    """``_enough_words``, which may answer before its pattern is tried, holds two words
    of ``WORD`` or is an answer, as a count of the pattern's matches finds."""
    start, end = _window(text, data)
    words = len(_indirect.WORD.findall(text, start, end))
    expected = words >= 2 or text[start:end].lower() in ("yes", "no")
    assert _indirect._enough_words(text, (start, end)) == expected


@given(_TEXTS, st.data())
def test_a_window_ruled_out_opens_with_no_aside_time_or_participle(
        text: str, data: st.DataObject) -> None:
    """``_may_open_aside``, ``_may_open_time``, ``_reporting_participle_next``'s first
    test, ``_may_open_comma`` and ``_verb_first`` rule out only windows where their
    patterns do not match."""
    start, end = _window(text, data)
    if not _indirect._may_open_aside(text, start, end):
        assert _indirect._DASH_ASIDE_AFTER.match(text, start, end) is None
    if not _indirect._may_open_time(text, start):
        assert _indirect._LEADING_TIME.match(text, start, end) is None
    if text[start:start + 1] in _indirect._NO_PARTICIPLE_OPENING:
        assert _indirect._PARTICIPLE_AFTER_COMMA.match(text, start, end) is None
    if not _indirect._may_open_comma(text, start, end):
        assert _indirect._COMMA_AFTER_TAG.match(text, start, end) is None
    found = _indirect._verb_first(text, start, end)
    expected = _indirect._VERB_FIRST.match(text, start, end)
    assert (found and found.span()) == (expected and expected.span())


@example(";and x")
@example(" and others said")
@example(" and x")
@given(_TEXTS)
def test_content_stops_where_its_pattern_is_first_found_in_a_whole_text(text: str) -> None:
    """``_content_stop`` over the whole of ``text`` finds where a search does, also
    where a candidate before ``and`` is passed over."""
    found = _indirect._CONTENT_STOP.search(text)
    assert _indirect._content_stop(text, 0, len(text)) == (found.start() if found else len(text))


@given(_TEXTS, st.data())
def test_np_lead_matches_as_its_pattern(text: str, data: st.DataObject) -> None:
    """``_np_lead`` skips ``_NP_LEAD`` only where it cannot match."""
    start, end = _window(text, data)
    found = _indirect._np_lead(text, start, end)
    expected = _indirect._NP_LEAD.fullmatch(text, start, end)
    assert (found and found.span(1)) == (expected and expected.span(1))


@given(_TEXTS, st.data())
def test_ends_line_as_its_pattern_matches(text: str, data: st.DataObject) -> None:
    """``_ends_line`` finds a line's end where ``_LINE_END`` matches."""
    end = data.draw(st.integers(0, len(text)))
    assert _indirect._ends_line(text, end) == (_indirect._LINE_END.match(text, end) is not None)


@given(_TEXTS, st.booleans())
def test_the_rules_left_out_for_a_kind_of_cue_read_none_of_it(text: str, later: bool) -> None:
    """A clause rule that ``_PARTICIPLE_RULES`` or ``_FINITE_RULES`` leaves out for a cue
    finds nothing for it."""
    index = _indirect.CueIndex(text)
    sentence = _indirect._Sentence(index, 0, len(text), 0, False)
    for cue in index.within(0, len(text)):
        if cue.prepositional:
            continue
        kept = (_indirect._PARTICIPLE_RULES if cue.participle else _indirect._FINITE_RULES)[later]
        for rule in set(_indirect._CLAUSE_RULES) - set(kept):
            assert rule(sentence, cue, None, later) is None
