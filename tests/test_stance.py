"""Tests for ``quoteattr._stance``, the cue-stance lexicon and ``Quote.stance``."""

from __future__ import annotations

from importlib import resources

import pytest

import quoteattr
from quoteattr import Quote, QuoteKind, Span
from quoteattr._lexicons import cue_phrases, read_lexicon, reporting_verbs
from quoteattr._stance import STANCES, UNKNOWN, cue_head, cue_stance, stance_lexicon


def _lexicon_text() -> str:
    path = resources.files("quoteattr") / "lexicons" / "en" / "cue_stance.txt"
    return path.read_text(encoding="utf-8")


def test_the_lexicon_header_states_its_criteria_and_basis() -> None:
    """The header defines every class and names the literature the classes follow."""
    header = "\n".join(line for line in _lexicon_text().splitlines() if line.startswith("#"))
    assert "Columns (tab-separated)" in header
    assert "Criteria." in header and "Basis." in header
    for source in ("Caldas-Coulthard", "Thompson", "Bergler", "Martin"):
        assert source in header
    for stance in STANCES:
        assert f"#   {stance} " in header, stance


def test_the_lexicon_rows_are_sorted_lowercase_pairs_of_known_classes() -> None:
    """Two columns, lowercase sorted unique entries, and only the classes of STANCES."""
    rows = read_lexicon("cue_stance")
    entries = [row[0] for row in rows]
    assert {2} == {len(row) for row in rows}
    assert sorted(set(entries)) == entries
    assert [entry.lower() for entry in entries] == entries
    assert set(STANCES) == {row[1] for row in rows}


def test_every_reporting_verb_lemma_has_a_stance() -> None:
    """The verbs the pipeline takes as cues are all classed, so none falls to unknown."""
    lemmas = {form.lemma for form in reporting_verbs().values()}
    assert set() == lemmas - set(stance_lexicon())


def test_every_cue_phrase_has_a_head() -> None:
    """Each multi-word cue the pipeline knows (according to, pointed out) finds a head."""
    assert [] == [phrase for phrase in cue_phrases() if cue_head(phrase) is None]


@pytest.mark.parametrize(
    ("cue", "head", "stance"),
    [
        ("said", "say", "neutral"),
        ("told reporters", "tell", "neutral"),
        ("According to", "according to", "neutral"),
        ("has repeatedly claimed", "claim", "distancing"),
        ("alleging", "allege", "distancing"),
        ("stressed", "stress", "emphatic"),
        ("insists", "insist", "emphatic"),
        ("made it clear", "made it clear", "emphatic"),
        ("admitted", "admit", "conceding"),
        ("acknowledges", "acknowledge", "conceding"),
        ("pointed out", "point out", "endorsing"),
        ("noted", "note", "endorsing"),
        ("suggested", "suggest", "tentative"),
        ("denied", "deny", "contesting"),
        ("shot back", "shot back", "contesting"),
        ("lashed out at", "lash out", "critical"),
        ("criticizing", "criticize", "critical"),
        ("praised", "praise", "praising"),
        ("called for", "call for", "directive"),
        ("called", "call", "neutral"),
        ("vowed", "vow", "commissive"),
        ("quipped", "quip", "manner"),
        ("believes", "believe", "belief"),
        ("referred to", "refer", "neutral"),
        ("issued a statement saying", "say", "neutral"),
        ("did not immediately respond", "respond", "neutral"),
        ("wrote:", "write", "neutral"),
    ],
)
def test_cue_head_and_stance_of_inflected_cues(cue: str, head: str, stance: str) -> None:
    """Inflected forms, auxiliaries, adverbs and phrases reach the listed entry."""
    assert (head, stance) == (cue_head(cue), cue_stance(cue))


@pytest.mark.parametrize("cue", [":", "", "in the view of", "sang"])
def test_a_cue_without_a_listed_verb_is_unknown(cue: str) -> None:
    """No listed word or phrase: no head, and the stance is 'unknown'."""
    assert (None, UNKNOWN) == (cue_head(cue), cue_stance(cue))


def _quote(cue: Span | None) -> Quote:
    return Quote(Span(20, 22, "no"), QuoteKind.INDIRECT, cue, None, None, (), 0.5, "test")


def test_quote_stance_comes_from_its_cue() -> None:
    """A quote's stance is its cue's; unknown for an unlisted verb; None with no cue."""
    assert "conceding" == _quote(Span(0, 8, "conceded")).stance
    assert UNKNOWN == _quote(Span(0, 4, "sang")).stance
    assert _quote(None).stance is None


def test_analyze_exposes_the_stance_of_each_quote() -> None:
    """On analysed text the stance follows the verb the writer chose."""
    doc = quoteattr.analyze(
        '"We won," Ann Lee insisted. Tom Hart claimed the count was wrong. '
        '"Fine," Lee admitted.'
    )
    assert ["emphatic", "distancing", "conceding"] == [quote.stance for quote in doc.quotes]


def test_stance_is_not_part_of_the_serialised_document() -> None:
    """Stance is derived from the cue, so to_dict stays as it was and round-trips."""
    doc = quoteattr.analyze('"We won," she insisted.')
    data = doc.to_dict()
    assert "stance" not in data["quotes"][0]
    assert "emphatic" == quoteattr.Document.from_dict(data).quotes[0].stance
