"""Tests for ``quoteattr.analysis``: counting quotes across documents.

The two hand-built documents below have their expected counts worked out by hand in
the comments; the property tests check that summaries add up over any split.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import weakref

import pytest

import quoteattr
from quoteattr import Document, Entity, EntityKind, InputTypeError, Quote, QuoteKind, Span
from quoteattr.analysis import (
    Corpus,
    Counts,
    SpeakerStats,
    Summary,
    speaker_key,
    summarize,
)

hypothesis = pytest.importorskip("hypothesis", reason="the property tests need hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from quoteattr.strategies import documents  # noqa: E402

ANN = Entity("Ann Lee", EntityKind.PERSON, (), ())
REUTERS = Entity("Reuters", EntityKind.MEDIA, (), ())
AP = Entity("AP", EntityKind.MEDIA, (), ())
OFFICIALS = Entity("officials", EntityKind.ANONYMOUS, (), ())
SHE = Entity("she", EntityKind.PERSON, (), ())
HART = Entity("Tom Hart", EntityKind.PERSON, (), ())


def _span(text: str, part: str | None) -> Span | None:
    if part is None:
        return None
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def _document(text: str, quotes: list[tuple[str, QuoteKind, str | None, Entity | None,
                                             tuple[Entity, ...]]]) -> Document:
    built = tuple(
        Quote(_span(text, content), kind, _span(text, cue), None, speaker, chain, 0.9, "test")
        for content, kind, cue, speaker, chain in quotes
    )
    entities = tuple(dict.fromkeys(e for *_, speaker, chain in quotes for e in chain))
    return Document(text, built, entities)


# Doc A: four quotes. Words 4 + 4 + 3 + 1. "she" is a pronoun speaker.
DOC_A = _document(
    '"We won the vote," Ann Lee said. Lee claimed the count was fair, according to '
    'Reuters. Officials insisted nothing went wrong. "Fine," she admitted.',
    [
        ("We won the vote", QuoteKind.DIRECT, "said", ANN, (ANN,)),
        ("the count was fair", QuoteKind.INDIRECT, "claimed", ANN, (ANN, REUTERS)),
        ("nothing went wrong", QuoteKind.INDIRECT, "insisted", OFFICIALS, (OFFICIALS,)),
        ("Fine", QuoteKind.DIRECT, "admitted", SHE, (SHE,)),
    ],
)
# Doc B: four quotes. Words 4 + 2 + 2 + 3. One has no cue and no speaker; "sang" is
# not a listed verb.
DOC_B = _document(
    'Reuters reported Ann Lee had lost. Tom Hart told reporters it was "a sham," '
    'Reuters said, citing AP. "The end." Ann Lee sang that she would win.',
    [
        ("Ann Lee had lost", QuoteKind.INDIRECT, "reported", REUTERS, (REUTERS,)),
        ("a sham", QuoteKind.MIXED, "told reporters", HART, (HART, REUTERS, AP)),
        ("The end", QuoteKind.DIRECT, None, None, ()),
        ("she would win", QuoteKind.INDIRECT, "sang", ANN, (ANN,)),
    ],
)


@pytest.fixture(scope="module")
def summary() -> Summary:
    """The summary of the two hand-built documents."""
    return summarize([DOC_A, DOC_B])


def test_corpus_totals(summary: Summary) -> None:
    """2 documents, 8 quotes, 23 words; q7 has no speaker, q4's speaker is a pronoun."""
    assert (2, 8, 23) == (summary.documents, summary.quotes, summary.words)
    assert (1, 1) == (summary.unattributed, summary.unresolved)


def test_speakers_merge_across_documents_by_name_and_kind(summary: Summary) -> None:
    """Ann Lee is quoted in both documents: 1 direct + 2 indirect, 4 + 4 + 3 words."""
    assert [
        SpeakerStats("Ann Lee", "person", 3, 1, 2, 0, 11,
                     Counts.of({"neutral": 1, "distancing": 1, "unknown": 1})),
        SpeakerStats("Reuters", "media", 1, 0, 1, 0, 4, Counts.of({"neutral": 1})),
        SpeakerStats("Tom Hart", "person", 1, 0, 0, 1, 2, Counts.of({"neutral": 1})),
        SpeakerStats("officials", "anonymous", 1, 0, 1, 0, 3, Counts.of({"emphatic": 1})),
    ] == summary.speakers()
    assert ["Ann Lee"] == [row.name for row in summary.speakers(1)]


def test_a_pronoun_never_becomes_a_speaker(summary: Summary) -> None:
    """'she' is in no speaker count, but her quote keeps its source kind and stance."""
    assert "she" not in {row.name for row in summary.speakers()}
    assert 1 == summary.stances("person")["conceding"]


def test_source_kinds_and_stances(summary: Summary) -> None:
    """Person: q1, q2, q4, q6, q8; anonymous q3; media q5; none q7."""
    assert Counts.of({"person": 5, "anonymous": 1, "media": 1, "none": 1}) == summary.source_kinds()
    assert Counts.of({"neutral": 3, "distancing": 1, "emphatic": 1, "conceding": 1,
                      "none": 1, "unknown": 1}) == summary.stances()
    assert Counts.of({"neutral": 2, "distancing": 1, "conceding": 1, "unknown": 1}) == (
        summary.stances("person"))
    assert 0.625 == summary.source_kinds().share("person")


def test_relays_chain_lengths_and_cues(summary: Summary) -> None:
    """Reuters relays q2 and q6, AP q6; chains of 0, 1 (x5), 2 and 3; seven cues."""
    assert [(("Reuters", "media"), 2), (("AP", "media"), 1)] == summary.relays.most_common()
    assert Counts.of({0: 1, 1: 5, 2: 1, 3: 1}) == summary.chain_lengths
    assert Counts.of({
        ("say", "neutral"): 1, ("claim", "distancing"): 1, ("insist", "emphatic"): 1,
        ("admit", "conceding"): 1, ("report", "neutral"): 1, ("tell", "neutral"): 1,
        ("sang", "unknown"): 1,
    }) == summary.cues


def test_aliases_rename_speakers_and_relays() -> None:
    """An alias applies wherever the entity is counted, as speaker or as relay."""
    summary = summarize([DOC_A, DOC_B], aliases={"Reuters": "Thomson Reuters"})
    assert ("Thomson Reuters", "media") in summary.relays
    assert 2 == summary.relays[("Thomson Reuters", "media")]
    assert "Thomson Reuters" in {row.name for row in summary.speakers()}
    assert "Reuters" not in {row.name for row in summary.speakers()}


def test_alias_names_are_cleaned_like_speaker_names() -> None:
    """summarize cleans the alias table's names as it cleans speakers' names."""
    summary = summarize([DOC_B], aliases={"Tom  Hart’s": "T. Hart"})
    assert ("T. Hart", "person") in {(row.name, row.kind) for row in summary.speakers()}


def test_the_same_name_with_another_kind_is_another_speaker() -> None:
    """Names merge only with the same kind: Lee the person is not Lee the company."""
    text = "Lee said yes. Lee said no."
    person = Entity("Lee", EntityKind.PERSON, (), ())
    company = Entity("Lee", EntityKind.ORGANIZATION, (), ())
    doc = _document(text, [("yes", QuoteKind.INDIRECT, "said", person, (person,)),
                           ("no", QuoteKind.INDIRECT, "said", company, (company,))])
    assert [("Lee", "organization", 1), ("Lee", "person", 1)] == [
        (row.name, row.kind, row.quotes) for row in summarize([doc]).speakers()]


@pytest.mark.parametrize(
    ("name", "aliases", "expected"),
    [
        ("Ann  Lee", None, ("Ann Lee", "person")),
        ("Donald Trump’s", None, ("Donald Trump", "person")),
        ("James B. Comey Jr.", None, ("James B Comey Jr.", "person")),
        ("U.S. Senate", None, ("U.S. Senate", "person")),
        ("Loretta E. Lynch", {"Loretta E Lynch": "Loretta Lynch"}, ("Loretta Lynch", "person")),
        ("Obama", {"Obama": "Barack Obama"}, ("Barack Obama", "person")),
        ("They", None, None),
        ("himself", None, None),
        ("I’m", None, None),
        ("He's", None, None),
        ("O'Reilly", None, ("O'Reilly", "person")),
        ("  ", None, None),
    ],
)
def test_speaker_key(name: str, aliases: dict[str, str] | None,
                     expected: tuple[str, str] | None) -> None:
    """Whitespace and a final possessive are cleaned, aliases applied, pronouns refused."""
    assert expected == speaker_key(Entity(name, EntityKind.PERSON, (), ()), aliases)


def test_summary_records_are_flat_and_add_up(summary: Summary) -> None:
    """Records share one set of keys; speaker, stance and kind records add up to the quotes."""
    records = summary.to_records()
    assert {("table", "name", "kind", "measure", "value")} == {tuple(r) for r in records}

    def total(table: str, measure: str) -> int:
        return sum(int(r["value"]) for r in records
                   if r["table"] == table and r["measure"] == measure)

    assert 8 == total("stance", "quotes") == total("source_kind", "quotes")
    assert 8 == total("speaker", "quotes") + summary.unresolved + summary.unattributed
    assert 23 - 1 - 2 == total("speaker", "words")  # less the words of q4 and q7
    assert {"table": "relay", "name": "Reuters", "kind": "media", "measure": "quotes",
            "value": 2} in records
    assert {"table": "speaker", "name": "Ann Lee", "kind": "person",
            "measure": "stance:distancing", "value": 1} in records


def test_records_write_to_csv(summary: Summary) -> None:
    """The records go through csv.DictWriter with a fixed header and read back."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["table", "name", "kind", "measure", "value"])
    writer.writeheader()
    writer.writerows(summary.to_records())
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(summary.to_records()) == len(rows)
    assert {"table": "corpus", "name": "", "kind": "", "measure": "quotes", "value": "8"} in rows


def test_summary_json_holds_the_same_numbers(summary: Summary) -> None:
    """to_json parses back to to_dict, whose figures are the hand-counted ones."""
    data = json.loads(summary.to_json(indent=2))
    assert data == summary.to_dict()
    assert {"name": "Ann Lee", "kind": "person", "quotes": 3, "direct": 1, "indirect": 2,
            "mixed": 0, "words": 11,
            "stances": {"distancing": 1, "neutral": 1, "unknown": 1}} == data["speakers"][0]
    assert {"quotes": 1, "stances": {"none": 1}} == data["source_kinds"]["none"]
    assert {"0": 1, "1": 5, "2": 1, "3": 1} == data["chain_lengths"]
    assert [{"name": "Reuters", "kind": "media", "quotes": 2},
            {"name": "AP", "kind": "media", "quotes": 1}] == data["relays"]


def test_corpus_keeps_no_document() -> None:
    """After add(), the corpus holds no reference to the document it counted."""
    corpus = Corpus()
    doc = quoteattr.analyze('"We won," Ann Lee said.')
    ref = weakref.ref(doc)
    corpus.add(doc)
    del doc
    gc.collect()
    assert ref() is None
    assert 1 == corpus.summary().quotes


def test_corpus_add_refuses_what_is_not_a_document() -> None:
    """A string or dict is a typed error that says what to pass."""
    with pytest.raises(InputTypeError, match="quoteattr.analyze"):
        Corpus().add("some text")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="dict"):
        summarize([DOC_A.to_dict()])  # type: ignore[list-item]


@pytest.mark.parametrize("aliases", [["Obama"], {"Obama": 1}])
def test_bad_aliases_are_typed_errors(aliases: object) -> None:
    """Aliases must map str to str."""
    with pytest.raises(InputTypeError, match="aliases"):
        Corpus(aliases=aliases)  # type: ignore[arg-type]


def test_summary_of_an_analysed_article() -> None:
    """End to end on a short article whose counts are checked by hand."""
    text = (
        '"The plan will fail," Senator Ann Lee said on Monday, according to Reuters.\n\n'
        "Tom Hart, the governor, admitted that the plan was late.\n\n"
        '"We stand by it," Hart said.'
    )
    summary = summarize([quoteattr.analyze(text)])
    assert 3 == summary.quotes
    assert 4 + 4 + 4 == summary.words
    assert [("Tom Hart", "person", 2, 1, 1), ("Ann Lee", "person", 1, 1, 0)] == [
        (row.name, row.kind, row.quotes, row.direct, row.indirect)
        for row in summary.speakers()]
    assert Counts.of({"neutral": 2, "conceding": 1}) == summary.stances()
    assert [(("Reuters", "media"), 1)] == summary.relays.most_common()


def test_counts_behave_like_an_immutable_counter() -> None:
    """Zero counts vanish, missing keys count 0, order is by key, + merges."""
    counts = Counts.of({"b": 2, "a": 1, "z": 0})
    assert ["a", "b"] == list(counts)
    assert (0, False) == (counts["z"], "z" in counts)
    assert 3 == counts.total()
    assert Counts.of({"a": 2, "b": 2}) == counts + Counts.of({"a": 1})
    assert hash(counts) == hash(Counts.of({"a": 1, "b": 2}))
    assert 0.0 == Counts().share("a")


# Properties ------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(documents(max_size=4), max_size=6), st.data())
def test_summaries_of_two_halves_add_up_to_the_whole(docs: list[Document],
                                                     data: st.DataObject) -> None:
    """summarize(first part) + summarize(the rest) == summarize(all), at any split."""
    cut = data.draw(st.integers(0, len(docs)), label="cut")
    assert summarize(docs) == summarize(docs[:cut]) + summarize(docs[cut:])


@settings(max_examples=30, deadline=None, database=None)
@given(st.lists(documents(max_size=4), max_size=5))
def test_document_order_does_not_matter(docs: list[Document]) -> None:
    """Counting is commutative, and the empty summary adds nothing."""
    assert summarize(docs) == summarize(reversed(docs)) == summarize(docs) + Summary()


@settings(max_examples=30, deadline=None, database=None)
@given(st.lists(documents(max_size=4), max_size=5))
def test_every_quote_is_counted_once_by_kind_and_stance(docs: list[Document]) -> None:
    """Source kinds, stances and chain lengths each count every quote exactly once."""
    summary = summarize(docs)
    quotes = sum(len(doc.quotes) for doc in docs)
    assert quotes == summary.quotes == summary.source_kinds().total()
    assert quotes == summary.stances().total() == summary.chain_lengths.total()
    spoken = sum(row.quotes for row in summary.speakers())
    assert quotes == spoken + summary.unresolved + summary.unattributed
