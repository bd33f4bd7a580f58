"""Tests for ``quoteattr._quotes``: pairing quotation marks into quoted stretches."""

from __future__ import annotations


import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr._quotes import MARKS, QuoteMarks, _mark_positions, find_quotes
from quoteattr._text import paragraphs
from work_counting import profile_events


def _quotes(text: str) -> list[QuoteMarks]:
    return find_quotes(text, paragraphs(text))


def _contents(text: str) -> list[str]:
    return [text[q.content_start:q.content_end] for q in _quotes(text)]


# double quotes --------------------------------------------------------------------------


def test_straight_and_curly_double_quotes() -> None:
    """Straight and curly double quotes each pair into a quote, marks excluded from content."""
    text = 'He said "yes" and “no” today.'
    assert ["yes", "no"] == _contents(text)
    first, second = _quotes(text)
    assert (8, 9, 12, 13, 0, True) == (
        first.open_start, first.content_start, first.content_end, first.close_end,
        first.depth, first.closed,
    )
    assert (18, 19, 21, 22) == (
        second.open_start, second.content_start, second.content_end, second.close_end
    )


def test_two_apostrophes_make_one_double_mark() -> None:
    """Archives that write double quotes as two apostrophes: one quote, both marks out."""
    text = "''We won,'' he said."
    (quote,) = _quotes(text)
    assert (0, 2, 9, 11, 0) == (
        quote.open_start, quote.content_start, quote.content_end, quote.close_end, quote.depth)


def test_single_quote_closing_inside_two_apostrophes() -> None:
    """Of three apostrophes, the first closes the inner single quote, the pair the outer."""
    text = "''She asked, 'Why?''' Biden said."
    assert ["She asked, 'Why?'", "Why?"] == _contents(text)


def test_two_apostrophes_continue_a_quote_into_the_next_paragraph() -> None:
    """A paragraph left open with two apostrophes runs on into one that reopens with them."""
    first, second = _quotes("''The first part.\n\n''The second part,'' he said.")
    assert (False, True, True) == (first.closed, first.continued, second.continuation)


def test_quotes_on_either_side_of_a_tag() -> None:
    """A quote, its tag, then another quote give two quotes and nothing for the tag."""
    assert ["A,", "B."] == _contents('"A," she said. "B."')


def test_german_low_high_quotes() -> None:
    """„ opens and “ closes in German typography."""
    assert ["Hallo"] == _contents("Er sagte „Hallo“ gestern.")


def test_guillemets() -> None:
    """« opens and » closes (French and Swiss order)."""
    assert ["bonjour"] == _contents("Il a dit «bonjour» hier.")


def test_reversed_guillemets() -> None:
    """» opens and « closes (German order), told apart by the words beside them."""
    assert ["Hallo"] == _contents("Er sagte »Hallo« gestern.")


def test_spaced_french_guillemets() -> None:
    """French typography puts a no-break space inside guillemets: « bonjour »."""
    assert ["bonjour"] == [c.strip() for c in _contents("Il a dit «\u00a0bonjour\u00a0» hier.")]


# single quotes and apostrophes ----------------------------------------------------------


def test_single_quotes() -> None:
    """Straight single quotes around words pair into a quote."""
    assert ["fine"] == _contents("She called it 'fine' today.")


def test_apostrophes_inside_and_around_a_curly_single_quote() -> None:
    """Russia’s, don’t and ’90s are apostrophes; only the ‘...’ pair is a quote."""
    text = "Russia’s leader said ‘we don’t care’ about the ’90s."
    assert ["we don’t care"] == _contents(text)


def test_apostrophes_inside_and_around_a_straight_single_quote() -> None:
    """The same with straight marks: Russia's, don't and '90s are not quote marks."""
    assert ["we don't care"] == _contents("Russia's leader said 'we don't care' about the '90s.")


def test_decade_elision_at_the_start_of_a_quote() -> None:
    """’90s right after an opening mark is an apostrophe, not a closing mark."""
    assert ["The ’90s were wild,"] == _contents("‘The ’90s were wild,’ he said.")


@pytest.mark.parametrize("mark", ["'", "’"])
def test_rock_n_roll_is_not_quoted(mark: str) -> None:
    """The two marks of rock ’n’ roll are apostrophes; the later ‘yes’ still pairs."""
    opening = "‘" if mark == "’" else "'"
    text = f"He loves rock {mark}n{mark} roll and said {opening}yes{mark}."
    assert ["yes"] == _contents(text)


def test_elided_tis_is_not_an_opening_mark() -> None:
    """'Tis opens no quote, so a later 'yes' pairs on its own."""
    assert ["yes"] == _contents("'Tis the season, he said 'yes'.")


@pytest.mark.parametrize("mark", ["'", "’"])
def test_plural_possessive_outside_a_quote_is_not_a_mark(mark: str) -> None:
    """The Clintons’ house: a plural possessive opens nothing and closes nothing."""
    assert [] == _contents(f"The Clintons{mark} house is big.")
    opening = "‘" if mark == "’" else "'"
    assert ["big"] == _contents(f"The Clintons{mark} house, he said, is {opening}big{mark}.")


def test_plural_possessive_inside_a_single_quote() -> None:
    """The ’ of Clintons’ inside ‘...’ is an apostrophe; the quote ends at the later ’."""
    assert ["We visited the Clintons’ house,"] == _contents(
        "‘We visited the Clintons’ house,’ he said."
    )


def test_unclosed_single_quote_is_dropped() -> None:
    """A single quote that never closes is taken for an apostrophe: no quote."""
    assert [] == _quotes("He said 'this runs on to the end")


# inch marks -----------------------------------------------------------------------------


def test_feet_and_inches_are_not_quotes() -> None:
    """5'10" is a height: neither mark opens a quote, and a later quote pairs normally."""
    assert [] == _quotes('He is 5\'10" tall.')
    assert ["yes"] == _contents('He is 5\'10" tall and said "yes".')


def test_two_inch_marks_do_not_pair() -> None:
    """Two inch marks in one sentence do not make a quote of the words between them."""
    assert [] == _quotes('He is 5\'10" and she is 5\'6".')


# nesting --------------------------------------------------------------------------------


def test_nested_straight_quotes() -> None:
    """A single-quoted stretch inside a double-quoted one has depth 1."""
    text = 'He said "it is \'fine\' now."'
    assert [("it is 'fine' now.", 0), ("fine", 1)] == [
        (text[q.content_start:q.content_end], q.depth) for q in _quotes(text)
    ]


def test_nested_curly_quotes() -> None:
    """‘fine’ inside “...” has depth 1; the outer quote comes first in the list."""
    text = "“It is ‘fine’ now,” he said."
    assert [("It is ‘fine’ now,", 0), ("fine", 1)] == [
        (text[q.content_start:q.content_end], q.depth) for q in _quotes(text)
    ]


# paragraphs -----------------------------------------------------------------------------


def test_unclosed_double_quote_runs_to_the_paragraph_end() -> None:
    """An unclosed double quote runs to the end of its paragraph and is marked closed=False."""
    text = 'He said "this runs on\n\nNext paragraph.'
    (quote,) = _quotes(text)
    assert "this runs on" == text[quote.content_start:quote.content_end]
    assert (False, 21, 21) == (quote.closed, quote.content_end, quote.close_end)
    assert (False, False) == (quote.continued, quote.continuation)


def test_quote_continued_into_the_next_paragraph() -> None:
    """Newspaper style: a paragraph left open, then one reopening with the same mark."""
    text = "“The first part.\n\n“The second part,” he said."
    first, second = _quotes(text)
    assert "The first part." == text[first.content_start:first.content_end]
    assert (False, True, False) == (first.closed, first.continued, first.continuation)
    assert "The second part," == text[second.content_start:second.content_end]
    assert (True, False, True) == (second.closed, second.continued, second.continuation)


def test_quote_continued_over_three_paragraphs() -> None:
    """A middle paragraph of a run-on quote both continues one and is continued."""
    text = "“A.\n\n“B.\n\n“C,” he said."
    assert [(False, True, False), (False, True, True), (True, False, True)] == [
        (q.closed, q.continued, q.continuation) for q in _quotes(text)
    ]


def test_unclosed_quote_not_followed_by_a_quote_paragraph_is_not_continued() -> None:
    """An open quote whose next paragraph starts without a mark is not continued."""
    text = '"The first part.\n\nHe said nothing.'
    (quote,) = _quotes(text)
    assert (False, False, False) == (quote.closed, quote.continued, quote.continuation)


def test_quotes_do_not_pair_across_paragraphs() -> None:
    """A closing mark in the next paragraph does not close a quote left open in this one."""
    text = 'He said "one\n\ntwo" she said.'
    assert ["one"] == _contents(text)


# many marks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"' * 100_000,
        "“" * 100_000,
        "”" * 100_000,
        "'" * 100_000,
        "«" * 100_000,
        "»" * 100_000,
        '"a' * 100_000,
        ' "a' * 100_000,
        "'a" * 100_000,
        '"a" ' * 50_000,
        '"a "' * 50_000,
    ],
    ids=["straight", "left-curly", "right-curly", "single", "open-guillemet",
         "close-guillemet", "straight-letter", "opening-only", "single-letter", "pairs",
         "inward-pairs"],
)
def test_many_marks_in_a_row_give_a_bounded_sane_result(text: str) -> None:
    """100,000 marks return at most one quote per mark, each inside the text and ordered
    (in a run of apostrophes the last two are one double mark)."""
    marks = len(_mark_positions(text))
    assert marks == (99_999 if text == "'" * 100_000 else 100_000)
    found = _quotes(text)
    assert len(found) <= marks
    for quote in found:
        assert 0 <= quote.open_start < quote.content_start <= quote.content_end
        assert quote.content_end <= quote.close_end <= len(text)
        assert MARKS.fullmatch(text[quote.open_start])
    assert sorted(found, key=lambda q: q.open_start) == found


def test_many_opening_quotes_make_one_unclosed_quote() -> None:
    """Opening marks that never close leave one unclosed quote, not one per mark."""
    text = ' "a' * 1000
    (quote,) = _quotes(text)
    assert (1, False, len(text)) == (quote.open_start, quote.closed, quote.content_end)


def test_repeated_pairs_each_make_a_quote() -> None:
    """``"a" "a" ...``: every pair of marks makes one quote of ``a``, at depth 0."""
    text = '"a" ' * 1000
    found = _quotes(text)
    assert 1000 == len(found)
    assert {("a", 0, True)} == {
        (text[q.content_start:q.content_end], q.depth, q.closed) for q in found
    }
    assert list(range(0, 4000, 4)) == [q.open_start for q in found]


def test_nested_marks_take_linear_work() -> None:
    """Four times as many nested guillemets cost about four times the work, not sixteen."""
    small = profile_events(_quotes, "«" * 250 + "»" * 250)
    large = profile_events(_quotes, "«" * 1000 + "»" * 1000)
    assert large <= 6 * small


@given(st.text(alphabet="\"'“”„‟«»‹›‘’‚‛「」『』a ", max_size=30))
def test_the_marks_are_those_the_class_finds(text: str) -> None:
    """Found one character at a time, the marks are those ``MARKS.finditer`` finds, in
    text order (a double apostrophe counted once)."""
    assert sorted(_mark_positions(text)) == _mark_positions(text)
    if "''" not in text:
        assert _mark_positions(text) == [m.start() for m in MARKS.finditer(text)]
