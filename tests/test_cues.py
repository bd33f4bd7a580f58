"""Tests for ``quoteattr._cues``: reporting verbs and cue phrases as offsets."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import _cues as _cues_module
from quoteattr._cues import Cue, CueIndex, find_cues

POLNEAR = pathlib.Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def _cues(text: str) -> list[Cue]:
    return find_cues(text, 0, len(text))


def _cue_texts(text: str) -> list[str]:
    return [text[c.start:c.end] for c in _cues(text)]


def _only(text: str) -> Cue:
    (cue,) = _cues(text)
    return cue


# widening -------------------------------------------------------------------------------


def test_plain_verb_is_a_cue() -> None:
    """``said`` is a cue on its own, with its head at the same offsets."""
    text = "Putin said it."
    cue = _only(text)
    assert (6, 10, 6, 10) == (cue.start, cue.end, cue.head_start, cue.head_end)
    assert ("say", "said", False, False) == (cue.lemma, cue.form, cue.phrase, cue.has_auxiliary)


def test_auxiliary_widens_the_cue_left() -> None:
    """``has said``: the cue takes in the auxiliary, the head stays on ``said``."""
    text = "Putin has said it."
    cue = _only(text)
    assert "has said" == text[cue.start:cue.end]
    assert "said" == text[cue.head_start:cue.head_end]
    assert cue.has_auxiliary


def test_adverb_widens_the_cue_left() -> None:
    """``also said``: an adverb widens the cue but is not an auxiliary."""
    text = "Putin also said it."
    cue = _only(text)
    assert "also said" == text[cue.start:cue.end]
    assert "said" == text[cue.head_start:cue.head_end]
    assert not cue.has_auxiliary


def test_auxiliary_and_adverb_widen_together() -> None:
    """``has also said`` is one cue headed by ``said``."""
    text = "Putin has also said it."
    cue = _only(text)
    assert ("has also said", "say") == (text[cue.start:cue.end], cue.lemma)


def test_widening_stops_at_the_range_start() -> None:
    """A modifier before the searched range is not taken into the cue."""
    text = "Putin has said it."
    (cue,) = find_cues(text, 10, len(text))
    assert "said" == text[cue.start:cue.end]


# phrases --------------------------------------------------------------------------------


def test_according_to_is_a_prepositional_phrase_cue() -> None:
    """``According to`` is one phrase cue, lemma lowercased, whose source follows it."""
    text = "According to Reuters, it rained."
    cue = _only(text)
    assert ("According to", "according to") == (text[cue.start:cue.end], cue.lemma)
    assert cue.phrase
    assert cue.prepositional
    assert not cue.participle


def test_phrase_lemma_normalises_spacing() -> None:
    """A line break inside ``according to`` still gives the lemma ``according to``."""
    text = "it rained, according\nto Reuters."
    cue = _only(text)
    assert ("according\nto", "according to") == (text[cue.start:cue.end], cue.lemma)


def test_verb_inside_a_phrase_is_not_a_second_cue() -> None:
    """``as reported by`` is one cue; ``reported`` inside it is not counted again."""
    assert ["said", "as reported by"] == _cue_texts("He said, as reported by Reuters, no.")


def test_verb_cue_is_not_prepositional() -> None:
    """A verb cue (``told``) has its source before it, so it is not prepositional."""
    assert not _only("Officials told reporters.").prepositional


# not cues -------------------------------------------------------------------------------


def test_head_of_state_is_not_a_cue() -> None:
    """In ``the head of state said``, only ``said`` is a cue."""
    assert ["said"] == _cue_texts("The head of state said no.")


@pytest.mark.parametrize(
    ("text", "verb", "control"),
    [
        ("He declined to comment.", "comment", "They comment daily."),
        ("He denied the claims.", "claims", "He claims it."),
        ("It was a case of warning them.", "warning", "He left, warning them."),
    ],
    ids=["to", "the", "of"],
)
def test_verb_after_to_the_or_of_is_not_a_cue(text: str, verb: str, control: str) -> None:
    """A verb form right after ``to``, ``the`` or ``of`` is an infinitive or a noun."""
    assert [verb] == _cue_texts(control)
    assert verb not in _cue_texts(text)


def test_capitalised_name_mid_sentence_is_not_a_cue() -> None:
    """``United States`` and the surname ``Said`` mid-sentence are names, not verbs."""
    assert [] == _cues("He flew to the United States.")
    assert ["wrote"] == _cue_texts("The scholar Edward Said wrote the book.")


def test_capitalised_verb_at_sentence_start_is_a_cue() -> None:
    """``Said`` opening a sentence is the verb (``Said the minister: ...``)."""
    text = "It ended. Said the minister: no."
    cue = _only(text)
    assert ("Said", "say", "said") == (text[cue.start:cue.end], cue.lemma, cue.form)


# participles ----------------------------------------------------------------------------


def test_bare_ing_form_is_a_participle() -> None:
    """``..., saying`` with no auxiliary is a participle cue."""
    cue = _only("He left, saying he was tired.")
    assert ("say", "saying") == (cue.lemma, cue.form)
    assert cue.participle


def test_adverb_before_a_participle_keeps_it_a_participle() -> None:
    """``also saying`` is still a participle: ``also`` is no auxiliary."""
    text = "He left, also saying no."
    cue = _only(text)
    assert "also saying" == text[cue.start:cue.end]
    assert cue.participle


@pytest.mark.parametrize("auxiliary", ["is", "was"])
def test_progressive_is_not_a_participle(auxiliary: str) -> None:
    """``is saying`` / ``was saying`` have an auxiliary, so are not participle cues."""
    text = f"He {auxiliary} saying he was tired."
    cue = _only(text)
    assert f"{auxiliary} saying" == text[cue.start:cue.end]
    assert cue.has_auxiliary
    assert not cue.participle


# ranges and order -----------------------------------------------------------------------


def test_cues_come_in_text_order_with_lemmas() -> None:
    """Several cues in one sentence come in text order, each with its lemma."""
    text = "She said that he told reporters he had warned them."
    assert [("said", "say"), ("told", "tell"), ("had warned", "warn")] == [
        (text[c.start:c.end], c.lemma) for c in _cues(text)
    ]


def test_phrase_and_verb_cues_are_merged_in_order() -> None:
    """A phrase cue found before a verb cue keeps its place in text order."""
    assert ["According to", "said"] == _cue_texts("According to Reuters, the firm said no.")


def test_an_adjunct_phrase_is_not_a_cue_of_its_own() -> None:
    """``In a statement, X said``: the verb is the cue; the adjunct phrase alone is not."""
    assert ["said"] == _cue_texts("In a statement, the firm said no.")


def test_only_cues_inside_the_range_are_found() -> None:
    """find_cues searches only ``text[start:end]`` and reports offsets into the whole text."""
    text = "Putin said it. Smith told them."
    (cue,) = find_cues(text, 15, len(text))
    assert (21, 25, "tell") == (cue.start, cue.end, cue.lemma)


# the index of a whole document ------------------------------------------------------------

_PIECES = ["said", "Said", "has", "also", "told", "according to", "According", "to", "the",
           "he", "Smith", "U.S.", "noted", "warned", "as", "per", "'", "’", "-", ".", ",",
           " ", " ", " ", "\n", '"', "in a statement", "x", "_", "7", "ſaid", "²", "İ", "\u212a",
           "said in", "made", "clear", "As", "reported", "in", "\xa0"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.data())
def test_the_index_gives_the_cues_of_every_window(text: str, data: st.DataObject) -> None:
    """``CueIndex.within`` equals a fresh scan of the window, wherever its edges fall."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert CueIndex(text).within(start, end) == find_cues(text, start, end)


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.data())
def test_the_index_gives_the_same_cues_whatever_windows_came_before(
    text: str, data: st.DataObject
) -> None:
    """The cue of a verb, read once by the index for the windows that start far enough
    left of it, is the one a fresh scan of each window finds."""
    index = CueIndex(text)
    for _ in range(4):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        assert index.within(start, end) == find_cues(text, start, end)


@given(st.lists(st.sampled_from(["a", "É", "7", "_", "\u0301", ".", "'", "’", "-", " ", "\n",
                                  ",", '"', "x"]), min_size=2, max_size=8).map("".join),
       st.data())
def test_a_mark_before_no_word_joins_nothing(text: str, data: st.DataObject) -> None:
    """``_joins_inside`` is ``_INSIDE_A_WORD`` matched one character before a position."""
    position = data.draw(st.integers(1, len(text) - 1))
    expected = _cues_module._INSIDE_A_WORD.match(text, position - 1) is not None
    assert expected == _cues_module._joins_inside(text, position)


def test_a_window_that_starts_among_the_modifiers_of_a_cue_reads_its_cue_afresh() -> None:
    """A window starting before ``previously``, far left of ``said``, widens its cue only
    over ``previously repeatedly``: the cue read once for windows from further left,
    which takes in ``has also``, is not its cue."""
    text = "he has also previously repeatedly said it"
    index = CueIndex(text)
    for start in (0, 11, 12, 0):
        assert index.within(start, len(text)) == find_cues(text, start, len(text))


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.data(),
       st.floats(0, 1), st.sampled_from(["say", "quote", "according to"]))
def test_a_window_the_index_rules_out_holds_no_wanted_cue(
    text: str, data: st.DataObject, floor: float, lemma: str
) -> None:
    """``CueIndex.may_hold`` is false only for a window none of whose cues is wanted."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))

    def wanted(cue_lemma: str, precision: float) -> bool:
        return precision >= floor or cue_lemma == lemma

    index = CueIndex(text)
    if not index.may_hold(start, end, wanted):
        assert not any(wanted(c.lemma, c.precision) for c in index.within(start, end))


_NOUN_PIECES = ["Trump", "’s", "'s", "s", "national", "al", "ial", "report", "É", "x", " ", " ",
                "\n", "\t", "\xa0", ",", "'", "-", "the"]


@given(st.lists(st.sampled_from(_NOUN_PIECES), max_size=20).map("".join), st.data())
def test_a_modifier_before_a_noun_ends_the_word_before_it(text: str, data: st.DataObject) -> None:
    """``_after_a_modifier`` holds only where the word ``_word_before`` finds ends in
    what ``_may_modify_a_noun`` looks for, which lets ``_word_cue`` skip its regex."""
    start = data.draw(st.integers(0, len(text)))
    position = data.draw(st.integers(start, len(text)))
    if _cues_module._after_a_modifier(text, start, position):
        left = _cues_module._word_before(text, start, position)
        assert left is not None and _cues_module._may_modify_a_noun(left[1])


@given(st.lists(st.sampled_from(_NOUN_PIECES + ["has also", "é", "'", "(", "  "]), max_size=20)
       .map("".join), st.data())
def test_the_word_before_is_the_one_the_regex_finds(text: str, data: st.DataObject) -> None:
    """``_word_before``, which reads a plain word without the regex, finds what
    ``_LEFT_WORD`` does."""
    start = data.draw(st.integers(0, len(text)))
    position = data.draw(st.integers(start, len(text)))
    left = _cues_module._LEFT_WORD.match(text, max(start, position - _cues_module._LOOK_LEFT),
                                          position)
    expected = None if left is None else (left.start(1), left.group(1))
    assert _cues_module._word_before(text, start, position) == expected


def test_the_index_gives_the_cues_of_every_sentence_of_real_news() -> None:
    """On news text, windows from word edge to word edge use the index, not a rescan."""
    files = sorted(POLNEAR.glob("dev/text/*.txt"))[:20]
    if not files:
        pytest.skip("PolNeAR is not in ../shared/data/polnear")
    for path in files:
        text = path.read_text(encoding="utf-8")
        index = CueIndex(text)
        edges = [0] + [i + 1 for i, c in enumerate(text) if c in " \n,;"] + [len(text)]
        for start, end in zip(edges, edges[5:]):
            assert index.within(start, end) == find_cues(text, start, end), (path.name, start)


@pytest.mark.parametrize("text", [
    "He re-said in a statement that it was over.",
    "He x²said in a statement that it was over.",
    "ſaid in a ſtatement, \u212aelly said.",
    "ACCORDING TO Reuters, talks failed.",
    "He_according to Reuters",
])
def test_the_index_finds_phrases_where_a_scan_of_the_whole_text_does(text: str) -> None:
    """The index tries phrases only where one may start: at a word whose lower case
    opens one, or after a non-word character inside a word; a scan tries everywhere."""
    assert CueIndex(text).within(0, len(text)) == find_cues(text, 0, len(text))


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.integers(1, 12))
def test_the_word_scan_is_the_same_in_blocks(text: str, block: int) -> None:
    """Reading the text in blocks, which bounds the scan's memory, finds the same verbs
    and phrase starts as reading it whole, wherever the blocks are cut."""
    whole = _cues_module._scan_words(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_cues_module, "_BLOCK", block)
        assert whole == _cues_module._scan_words(text)


@given(st.lists(st.sampled_from(_PIECES + ["says", "unsaid", "saying", "As", "accord"]),
                max_size=40).map("".join))
def test_the_byte_scan_finds_the_runs_a_split_finds(text: str) -> None:
    """Reading the known words from the text's bytes finds the same runs, verbs and
    phrase openers as splitting the lowercased text into its runs of letters."""
    lowered = text.lower().replace("ſ", "s")
    openers = _cues_module._phrase_openers() or frozenset()
    assert (list(_cues_module._known_runs(lowered, openers))
            == list(_cues_module._known_runs_of_any_letters(lowered, openers, 0)))


@given(st.lists(st.sampled_from(_PIECES + ["SAID", "ACCORDING", "Σ", "é", "K"]),
                max_size=40).map("".join))
def test_the_byte_scan_reads_capitals_as_the_lowered_text(text: str) -> None:
    """Read without lowering the text first, a text finds the runs that its lower case
    finds (a text whose lower case is longer is scanned word by word instead)."""
    openers = _cues_module._phrase_openers() or frozenset()
    lowered = text.lower()
    if len(lowered) == len(text):
        assert (list(_cues_module._known_runs(_cues_module._lowered(text), openers))
                == list(_cues_module._known_runs(lowered, openers)))
