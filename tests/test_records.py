"""Document.to_records: one flat dict of plain values per quote, for tables and pandas."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest

import quoteattr
from quoteattr import Document, Entity, EntityKind, Quote, QuoteKind, Span

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_72ecf83f3f5c3ec6.txt"
KEYS = [
    "quote", "text", "kind", "speech", "speaker", "speaker_kind", "cue", "source", "chain",
    "chain_length", "rule", "confidence", "start", "end", "cue_start", "cue_end",
    "source_start", "source_end", "parent",
]
PLAIN = (str, int, float, bool, type(None))


def _demo() -> Document:
    text = (importlib.resources.files("quoteattr") / "data" / "demo.txt").read_text("utf-8")
    return quoteattr.analyze(text)


def test_first_demo_record_by_hand():
    """The demo's first direct quote, with offsets found in the text independently (the
    stance before it, ``ordered nightly cuts``, is record 0)."""
    doc = _demo()
    record = doc.to_records()[1]
    content = "We cannot keep pretending the rain will save us"
    start = doc.text.index(content)
    cue = doc.text.index("said", start)
    assert {
        "quote": 1, "text": content, "kind": "direct", "speech": True,
        "speaker": "Helena Varga", "speaker_kind": "person", "cue": "said", "source": "she",
        "chain": "Helena Varga", "chain_length": 1, "rule": "cue_after", "confidence": 0.9,
        "start": start, "end": start + len(content), "cue_start": cue, "cue_end": cue + 4,
        "source_start": cue - 4, "source_end": cue - 1, "parent": None,
    } == record


def test_every_record_has_the_same_keys_in_order_and_plain_values():
    """Records are uniform, so they make a table with one column per key."""
    records = _demo().to_records()
    assert 14 == len(records)  # 13 by the demo's speakers, 1 question with no asker
    for record in records:
        assert KEYS == list(record)
        assert all(isinstance(value, PLAIN) for value in record.values())


def test_offsets_slice_the_text():
    """start/end, cue_start/cue_end and source_start/source_end slice back to the texts."""
    doc = _demo()
    for record in doc.to_records():
        assert record["text"] == doc.text[record["start"]:record["end"]]
        assert record["cue"] == doc.text[record["cue_start"]:record["cue_end"]]
        if record["source"] is None:
            assert record["source_start"] is None is record["source_end"]
        else:
            assert record["source"] == doc.text[record["source_start"]:record["source_end"]]


def test_seed_chain_is_a_string_of_names():
    """Shoigu's report, inside Putin's quote, reaches the reader through Putin and TASS."""
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent")
    doc = quoteattr.analyze(SEED.read_text(encoding="utf-8"))
    (inner,) = [r for r in doc.to_records() if r["parent"] is not None]
    assert "Sergey Shoigu -> Vladimir Putin -> TASS" == inner["chain"]
    assert 3 == inner["chain_length"]
    assert "Sergey Shoigu" == inner["speaker"] and "reported" == inner["cue"]
    assert doc.to_records()[inner["parent"]]["text"].startswith("Two hours ago")


def test_a_quote_without_speaker_cue_or_source():
    """Missing parts are None, and an empty chain is the empty string."""
    quote = Quote(Span.of("ab", 0, 2), QuoteKind.INDIRECT, None, None, None, (), 0.25, "r",
                  speech=False)
    (record,) = Document("ab", (quote,), ()).to_records()
    assert (None, None, None, None, "", 0, False) == (
        record["speaker"], record["speaker_kind"], record["cue"], record["cue_start"],
        record["chain"], record["chain_length"], record["speech"],
    )


def test_chain_uses_entity_names_even_for_media():
    """A relay's chain names each entity by its canonical name."""
    text = "x"
    a = Entity("Ann Lee", EntityKind.PERSON, (), ())
    b = Entity("Reuters", EntityKind.MEDIA, (), ())
    quote = Quote(Span.of(text, 0, 1), "indirect", None, None, a, (a, b), 0.5, "according_to")
    assert "Ann Lee -> Reuters" == Document(text, (quote,), (a, b)).to_records()[0]["chain"]


def test_generated_documents_give_plain_records():
    """For any valid Document: one record per quote, plain values, parents by index."""
    hypothesis = pytest.importorskip("hypothesis")
    from quoteattr.strategies import documents

    @hypothesis.settings(max_examples=100, deadline=None, database=None)
    @hypothesis.given(documents())
    def check(doc: Document) -> None:
        records = doc.to_records()
        assert len(doc.quotes) == len(records)
        for i, (quote, record) in enumerate(zip(doc.quotes, records)):
            assert i == record["quote"]
            assert all(isinstance(value, PLAIN) for value in record.values())
            assert len(quote.chain) == record["chain_length"]
            if quote.parent is not None:
                assert quote.parent == doc.quotes[record["parent"]]

    check()


def test_pandas_counts_who_is_quoted():
    """pandas.DataFrame takes the records as they are; the demo's counts, checked by hand."""
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(_demo().to_records())
    assert KEYS == list(frame.columns)
    counts = frame.groupby("speaker").size().sort_values(ascending=False)
    assert {"Helena Varga": 7, "Tomas Reyes": 5, "Coastal News Agency": 1} == counts.to_dict()
    by_kind = pandas.crosstab(frame["speaker"], frame["kind"])
    assert {"direct": 3, "indirect": 3, "mixed": 1} == by_kind.loc["Helena Varga"].to_dict()


def test_records_take_linear_time():
    """Four times the quotes, and the speaker's mentions, take at most about four times
    the work: quotes, which hash over their speaker's mentions, are never hashed."""
    from test_html import _said_by_one_speaker
    from work_counting import profile_events

    small, large = _said_by_one_speaker(200), _said_by_one_speaker(800)
    assert 800 == len(large.to_records())
    small_work = profile_events(lambda _: small.to_records(), "")
    large_work = profile_events(lambda _: large.to_records(), "")
    assert large_work <= 4.4 * small_work


def test_a_parent_equal_to_a_quote_but_not_the_same_object():
    """A hand-built parent that equals a quote of the document still finds its index."""
    text = "abcd"
    outer = Quote(Span.of(text, 0, 4), QuoteKind.DIRECT, None, None, None, (), 0.5, "r")
    copy = Quote(Span.of(text, 0, 4), QuoteKind.DIRECT, None, None, None, (), 0.5, "r")
    inner = Quote(Span.of(text, 1, 3), QuoteKind.INDIRECT, None, None, None, (), 0.5, "r",
                  parent=copy)
    assert [None, 0] == [r["parent"] for r in Document(text, (outer, inner), ()).to_records()]
