"""Tests for the spaCy component, ``quoteattr/spacy_component.py``.

Every pipeline is ``spacy.blank("en")``: a tokenizer and nothing to download.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy", reason="the spaCy component needs spacy: pip install spacy")

from spacy.tokens import Doc, DocBin  # noqa: E402  (after the importorskip)

import quoteattr  # noqa: E402
from quoteattr import Document, Quote, QuoteKind, Span  # noqa: E402
from quoteattr.errors import QuoteAttrError  # noqa: E402
from quoteattr import spacy_component  # noqa: E402
from quoteattr.spacy_component import SpacyQuote  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEMO = (ROOT / "quoteattr" / "data" / "demo.txt").read_text(encoding="utf-8")

TEXT = (
    '"The dam will hold," Water Minister Helena Varga told reporters, according to the'
    ' Coastal News Agency. "It will not," Reyes said.'
)


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    """A blank English pipeline with the component."""
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    return nlp


def _summary(doc: Doc) -> list[tuple[object, ...]]:
    """What a quote of ``doc._.quotes`` says, with token offsets, for comparisons."""
    return [
        (q.quote, (q.content.start, q.content.end),
         None if q.cue is None else (q.cue.start, q.cue.end),
         None if q.source is None else (q.source.start, q.source.end), q.speaker, q.chain)
        for q in doc._.quotes
    ]


def test_a_sentence_gives_quotes_aligned_to_its_tokens(nlp):
    """Content, cue and source are the expected tokens; speaker and chain are names."""
    doc = nlp(TEXT)
    first, second = doc._.quotes
    # Tokens: " The dam will hold , " Water Minister Helena Varga told reporters , ...
    assert (1, 5, "The dam will hold") == (first.content.start, first.content.end,
                                           first.content.text)
    assert (7, 11, "Water Minister Helena Varga") == (first.source.start, first.source.end,
                                                      first.source.text)
    assert (11, 12, "told") == (first.cue.start, first.cue.end, first.cue.text)
    assert "Helena Varga" == first.speaker
    assert ("Helena Varga", "Coastal News Agency") == first.chain
    assert ("It will not", "said", "Reyes", "Reyes") == (
        second.content.text, second.cue.text, second.source.text, second.speaker)
    assert all(q.content.doc is doc for q in doc._.quotes)


def test_each_record_holds_the_quote_analyze_finds(nlp):
    """``SpacyQuote.quote`` is the quoteattr Quote, with its exact character offsets."""
    doc = nlp(TEXT)
    assert quoteattr.analyze(TEXT).quotes == tuple(q.quote for q in doc._.quotes)


def test_the_span_group_holds_contents_cues_and_sources_once_in_text_order(nlp):
    """``doc.spans["quoteattr"]``: kinds for contents, ``cue`` and ``source`` labels."""
    doc = nlp(TEXT)
    expected = [
        ("The dam will hold", "direct"),
        ("Water Minister Helena Varga", "source"),
        ("told", "cue"),
        ("It will not", "direct"),
        ("Reyes", "source"),
        ("said", "cue"),
    ]
    assert expected == [(span.text, span.label_) for span in doc.spans["quoteattr"]]


def test_the_demo_article(nlp):
    """The demo gives analyze's fourteen quotes (one a question with no asker), each
    aligned to the tokens it overlaps."""
    doc = nlp(DEMO)
    quotes = doc._.quotes
    assert quoteattr.analyze(DEMO).quotes == tuple(q.quote for q in quotes)
    assert 14 == len(quotes)
    farms = next(q for q in quotes if q.content.text.startswith("Farms"))
    assert ("Farms will be spared in the first round", "told", "the minister", "Helena Varga") == (
        farms.content.text, farms.cue.text, farms.source.text, farms.speaker)
    agency = next(q for q in quotes if q.cue is not None and q.cue.text == "according to")
    assert "Coastal News Agency" == agency.speaker
    assert QuoteKind.MIXED == next(q for q in quotes if q.cue.text == "called").quote.kind
    speakers = [q.speaker for q in quotes]
    assert 7 == speakers.count("Helena Varga") and 5 == speakers.count("Tomas Reyes")


def test_spans_are_the_smallest_run_of_tokens_that_covers_the_characters(nlp):
    """Alignment rule ``expand``: the token span covers the characters, and its first and
    last tokens each overlap them."""
    doc = nlp(DEMO + "\n\n" + TEXT)
    pairs = [(q.quote.content, q.content) for q in doc._.quotes]
    pairs += [(q.quote.cue, q.cue) for q in doc._.quotes]
    pairs += [(q.quote.source, q.source) for q in doc._.quotes if q.source is not None]
    for chars, tokens in pairs:
        assert tokens.start_char <= chars.start and chars.end <= tokens.end_char
        first, last = tokens[0], tokens[-1]
        assert chars.start < first.idx + len(first) and last.idx < chars.end


def test_a_span_inside_a_token_grows_to_the_whole_token():
    """With a tokenizer that keeps ``"We`` as one token, the content grows to include it,
    while ``quote.content`` keeps the exact characters."""
    nlp = spacy.blank("en")
    nlp.tokenizer = spacy.tokenizer.Tokenizer(nlp.vocab)  # splits on spaces only
    nlp.add_pipe("quoteattr")
    doc = nlp('"We won," she said.')
    (quote,) = doc._.quotes
    assert "We won" == quote.quote.content.text
    assert '"We won,"' == quote.content.text
    assert "said." == quote.cue.text


def test_an_unalignable_span_is_none_and_an_unalignable_content_drops_its_quote(monkeypatch):
    """A span of only a token's trailing space overlaps no token: a cue becomes None, and a
    quote whose content is such a span is left out."""
    text = "Yes she said."
    space = Span.of(text, 3, 4)
    kept = Quote(Span.of(text, 0, 3), QuoteKind.INDIRECT, space, None, None, (), 0.5, "test")
    dropped = Quote(space, QuoteKind.INDIRECT, None, None, None, (), 0.5, "test")
    monkeypatch.setattr(spacy_component, "analyze", lambda _: Document(text, (kept, dropped), ()))
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    (quote,) = nlp(text)._.quotes
    assert (kept, "Yes", None) == (quote.quote, quote.content.text, quote.cue)


def test_speech_only_leaves_out_beliefs():
    """With ``speech_only``, a belief (``believes``) is left out, reported speech kept."""
    text = "The minister believes the plan will work. It will fail, Reyes said."
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr", config={"speech_only": True})
    everything = quoteattr.analyze(text).quotes
    assert [False, True] == [q.speech for q in everything]  # else this test proves nothing
    doc = nlp(text)
    assert ["It will fail"] == [q.content.text for q in doc._.quotes]
    assert ["It will fail"] == [span.text for span in doc.spans["quoteattr"]
                                if span.label_ == "indirect"]


def test_a_doc_not_processed_has_no_quotes():
    """``doc._.quotes`` is empty on a doc the component did not see."""
    assert () == spacy.blank("en")(TEXT)._.quotes


def test_nlp_pipe_over_several_docs(nlp):
    """``nlp.pipe`` gives each doc the quotes of its own text, as ``nlp(text)`` does."""
    texts = [TEXT, "No quotation here.", DEMO, '"Yes," he said.']
    docs = list(nlp.pipe(texts))
    assert [_summary(nlp(text)) for text in texts] == [_summary(doc) for doc in docs]
    assert [2, 0, 14, 1] == [len(doc._.quotes) for doc in docs]
    assert ["Yes"] == [q.content.text for q in docs[3]._.quotes]


def test_nlp_pipe_with_two_processes(nlp):
    """Docs analysed in worker processes come back with their quotes and span groups."""
    texts = [TEXT, DEMO, '"Yes," he said.', "No quotation here."]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [_summary(nlp(text)) for text in texts] == [_summary(doc) for doc in docs]
    assert [6, 0] == [len(docs[0].spans["quoteattr"]), len(docs[3].spans["quoteattr"])]


def test_doc_to_bytes_round_trips(nlp):
    """``Doc.from_bytes(doc.to_bytes())`` keeps the quotes and the span group."""
    doc = nlp(DEMO)
    loaded = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _summary(doc) == _summary(loaded)
    assert [(s.start, s.end, s.label_) for s in doc.spans["quoteattr"]] == [
        (s.start, s.end, s.label_) for s in loaded.spans["quoteattr"]]


def test_docbin_and_pickle_round_trip(nlp):
    """A DocBin storing user data, and pickle, keep the quotes."""
    docs = [nlp(TEXT), nlp(DEMO)]
    docbin = DocBin(store_user_data=True, docs=docs)
    loaded = list(DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab))
    assert [_summary(doc) for doc in docs] == [_summary(doc) for doc in loaded]
    assert _summary(docs[0]) == _summary(pickle.loads(pickle.dumps(docs[0])))


def test_a_saved_pipeline_loads_with_spacy_load(tmp_path):
    """``nlp.to_disk`` then ``spacy.load`` gives the component back, with its config."""
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr", config={"speech_only": True, "spans_key": "sourced"})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert ["quoteattr"] == loaded.pipe_names
    assert (True, "sourced") == (loaded.get_pipe("quoteattr").speech_only,
                                 loaded.get_pipe("quoteattr").spans_key)
    text = "The minister believes the plan will work. It will fail, Reyes said."
    doc = loaded(text)
    assert ["It will fail"] == [q.content.text for q in doc._.quotes]
    assert "sourced" in doc.spans and "quoteattr" not in doc.spans


def test_spacy_quote_is_frozen_and_checks_its_fields(nlp):
    """A SpacyQuote cannot be changed, and refuses a field of the wrong type."""
    quote = nlp(TEXT)._.quotes[0]
    with pytest.raises(AttributeError):
        quote.speaker = "someone else"
    with pytest.raises(TypeError):
        SpacyQuote(quote.quote, quote.content.text, None, None, None, ())


def test_another_packages_quotes_extension_is_not_taken_over():
    """If ``doc._.quotes`` belongs to someone else, registering ours raises QuoteAttrError."""
    ours = Doc.get_extension("quotes")
    Doc.set_extension("quotes", default=None, force=True)
    try:
        with pytest.raises(QuoteAttrError, match="already registered"):
            spacy_component._register_extension()
    finally:
        default, method, getter, setter = ours
        Doc.set_extension("quotes", getter=getter, force=True)
    assert ours == Doc.get_extension("quotes")


def test_import_quoteattr_does_not_import_spacy():
    """Users without the spaCy extra pay nothing for it."""
    code = "import sys, quoteattr; print('spacy' in sys.modules, 'dask' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert "False False" == result.stdout.strip()
