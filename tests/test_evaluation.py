"""Tests for quoteattr.evaluation: reading BRAT stand-off and the EVALUATION.md metric."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quoteattr.errors import CorpusError
from quoteattr.evaluation import (
    METRIC_NAMES,
    VIEW_NAMES,
    GoldAttribution,
    GoldDocument,
    Metric,
    _content_offsets,
    _holds_quotation_mark,
    evaluate,
    format_report,
    is_speech_cue,
    read_corpus,
    score,
)
from quoteattr.model import Document, Quote, QuoteKind, Span

FIXTURE = Path(__file__).parent / "fixtures" / "brat"
POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
DIRECT, INDIRECT, MIXED = QuoteKind.DIRECT, QuoteKind.INDIRECT, QuoteKind.MIXED


def at(text: str, fragment: str, occurrence: int = 0) -> tuple[int, int]:
    """The extent of the ``occurrence``-th appearance of ``fragment`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return start, start + len(fragment)


def quote(
    text: str,
    content: tuple[int, int],
    cue: tuple[int, int] | None = None,
    source: tuple[int, int] | None = None,
    kind: QuoteKind = INDIRECT,
) -> Quote:
    """A hand-built predicted quote over extents of ``text``."""

    def span(extent: tuple[int, int] | None) -> Span | None:
        return None if extent is None else Span.of(text, *extent)

    return Quote(span(content), kind, span(cue), span(source), None, (), 1.0, "by hand")


def gold_doc(text: str, *attributions: GoldAttribution) -> GoldDocument:
    """A one-article gold corpus document."""
    return GoldDocument("doc", text, attributions)


def score_one(gold: GoldDocument, *quotes: Quote) -> dict[str, dict[str, Metric]]:
    """Score one document's quotes; return view -> metric name -> Metric."""
    report = score([gold], [Document(gold.text, quotes, ())])
    return {view.name: view.metrics() for view in report.views}


def perfect_prediction(gold: GoldDocument) -> Document:
    """Turn gold into quotes: one per content piece, sharing the attribution's cue and source."""
    text = gold.text

    def first_span(extents: tuple[tuple[int, int], ...]) -> Span | None:
        return Span.of(text, *extents[0]) if extents else None

    quotes = tuple(
        Quote(
            Span.of(text, start, end),
            DIRECT if _holds_quotation_mark(text, attribution.content) else INDIRECT,
            first_span(attribution.cues),
            first_span(attribution.sources),
            None,
            (),
            1.0,
            "gold",
        )
        for attribution in gold.attributions
        for start, end in attribution.content
    )
    return Document(text, quotes, ())


# ---------------------------------------------------------------------------
# Reading the synthetic fixture


def test_read_corpus_reads_every_article_in_name_order():
    """Each text/<article>.txt becomes one GoldDocument, sorted by name, text verbatim."""
    docs = read_corpus(FIXTURE)
    assert ("alpha", "beta") == tuple(doc.name for doc in docs)
    assert (FIXTURE / "text" / "beta.txt").read_text(encoding="utf-8") == docs[1].text


def test_read_corpus_uses_first_annotator_file_in_sorted_order():
    """alpha has two annotators' files; alpha_a1.ann (four attributions) wins over alpha_b2."""
    alpha = read_corpus(FIXTURE)[0]
    assert 4 == len(alpha.attributions)
    assert ((0, 38), (55, 90)) == alpha.attributions[0].content


def test_read_corpus_joins_discontinuous_spans_and_content2():
    """A `start end;start end` Content and a Content2 role both become content pieces."""
    alpha = read_corpus(FIXTURE)[0]
    mayor, _, report, _ = alpha.attributions
    assert GoldAttribution(((0, 38), (55, 90)), ((39, 48),), ((49, 53),)) == mayor
    assert GoldAttribution(((134, 151), (170, 189)), ((153, 163),), ((164, 168),)) == report


def test_read_corpus_keeps_attribution_without_source():
    """An Attribution-no-source event keeps its content and cue, with no source."""
    feared = read_corpus(FIXTURE)[0].attributions[3]
    assert GoldAttribution(((204, 229),), (), ((191, 203),)) == feared


def test_read_corpus_skips_events_without_content_and_other_annotations():
    """The content-less E5, the Discuss span and the AnnotatorNotes line leave no trace."""
    alpha = read_corpus(FIXTURE)[0]
    extents = {e for a in alpha.attributions for e in a.content + a.sources + a.cues}
    assert not extents & {(231, 254), (240, 245)}
    assert 4 == len(alpha.attributions)


@pytest.mark.parametrize("layout", ["missing", "empty"])
def test_read_corpus_without_articles_says_what_it_expected(tmp_path, layout):
    """A missing folder, or one with empty text/ and attributions/, raises CorpusError."""
    root = tmp_path / "corpus"
    if layout == "empty":
        (root / "text").mkdir(parents=True)
        (root / "attributions").mkdir()
    with pytest.raises(CorpusError, match=r"expected text/<article>\.txt"):
        read_corpus(root)


def test_read_corpus_article_without_annotations_raises(tmp_path):
    """A text with no <article>_<annotator>.ann is an incomplete corpus, not zero gold."""
    shutil.copytree(FIXTURE, tmp_path / "corpus")
    (tmp_path / "corpus" / "text" / "gamma.txt").write_text("Unannotated.", encoding="utf-8")
    with pytest.raises(CorpusError, match="gamma"):
        read_corpus(tmp_path / "corpus")


def test_read_corpus_undefined_reference_raises(tmp_path):
    """An E line naming a T id that no T line defines is reported with its file."""
    shutil.copytree(FIXTURE, tmp_path / "corpus")
    ann = tmp_path / "corpus" / "attributions" / "beta_c3.ann"
    ann.write_text(ann.read_text(encoding="utf-8") + "E2\tContent:T9\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"beta_c3\.ann: an E line names T9,"):
        read_corpus(tmp_path / "corpus")


def test_read_corpus_offsets_past_the_text_raise(tmp_path):
    """Offsets beyond the article's end mean the text and annotations don't belong together."""
    shutil.copytree(FIXTURE, tmp_path / "corpus")
    ann = tmp_path / "corpus" / "attributions" / "beta_c3.ann"
    ann.write_text("T1\tContent 27 400\tx\nT2\tCue 12 16\ttold\nE1\tContent:T1 Cue:T2\n")
    with pytest.raises(CorpusError, match="past the end of the text"):
        read_corpus(tmp_path / "corpus")


# ---------------------------------------------------------------------------
# Content offset sets


def test_content_offsets_drop_whitespace_punctuation_quotes_and_leading_that():
    """In 'He said that "we won."' the content keeps only the letters of we and won."""
    text = 'He said that "we won."'
    assert frozenset({14, 15, 17, 18, 19}) == _content_offsets(text, [(8, 22)])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("That's it", {0, 1, 2, 3, 5, 7, 8}),  # a contraction is not the complementiser
        ("Thatcher won", {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11}),  # nor a longer word
        ("so that", {0, 1, 3, 4, 5, 6}),  # only a leading "that" goes
        ("THAT it", {5, 6}),  # case-insensitive
    ],
)
def test_content_offsets_strip_only_a_leading_that_word(text, expected):
    """Only a first word that is exactly 'that' (any case) is dropped."""
    assert frozenset(expected) == _content_offsets(text, [(0, len(text))])


def test_content_offsets_keep_a_that_which_opens_quoted_words():
    """'That' right after a quotation mark is the speaker's word, inside or outside the span."""
    text = 'He said: "That is wrong."'
    that_is_wrong = {10, 11, 12, 13, 15, 16, 18, 19, 20, 21, 22}
    assert frozenset(that_is_wrong) == _content_offsets(text, [(9, 25)])
    assert frozenset(that_is_wrong) == _content_offsets(text, [(10, 23)])


def test_content_offsets_keep_a_content_that_is_only_that():
    """A content of just 'that' ("that, he said") is a pronoun, not a complementiser."""
    assert frozenset({0, 1, 2, 3}) == _content_offsets("That, he said.", [(0, 4)])


def test_content_offsets_drop_every_quotation_mark_style():
    """Straight, curly, low, angle and backtick marks all fall out; letters stay."""
    text = "«Oui», “yes” ‘no’ „ja“ ‹si› ``da'' 'ok'"
    letters = {i for i, char in enumerate(text) if char.isalpha()}
    assert frozenset(letters) == _content_offsets(text, [(0, len(text))])


def test_punctuation_and_that_do_not_stop_an_exact_match():
    """Gold 'that the plan is too costly.' and predicted 'the plan is too costly' are exact."""
    text = "Critics argue that the plan is too costly."
    gold = gold_doc(text, GoldAttribution((at(text, "that the plan is too costly."),), (), ()))
    result = score_one(gold, quote(text, at(text, "the plan is too costly")))
    assert Metric(1, 1, 1) == result["all"]["exact"]


# ---------------------------------------------------------------------------
# Matching


def test_jaccard_of_exactly_one_half_matches_and_below_does_not():
    """Gold has 10 letters: 5 of them (Jaccard 0.5) match, 4 of them (0.4) do not."""
    text = "Ann said abcdefghij."
    gold = gold_doc(text, GoldAttribution((at(text, "abcdefghij"),), (), ()))
    half = score_one(gold, quote(text, at(text, "abcde")))
    below = score_one(gold, quote(text, at(text, "abcd")))
    assert Metric(1, 1, 1) == half["all"]["content"]
    assert Metric(0, 1, 1) == below["all"]["content"]


def test_a_superset_twice_the_gold_still_matches():
    """Predicted 'said abcde' holds gold 'abcde' and 4 more letters: 5/9 >= 0.5 matches."""
    text = "Ann said abcde."
    gold = gold_doc(text, GoldAttribution((at(text, "abcde"),), (), ()))
    assert Metric(1, 1, 1) == score_one(gold, quote(text, at(text, "said abcde")))["all"]["content"]


def test_matching_is_one_to_one():
    """Two predictions over one gold attribution: one is right, the other a false positive."""
    text = "Ann said abcdefghij."
    gold = gold_doc(text, GoldAttribution((at(text, "abcdefghij"),), (), ()))
    result = score_one(gold, quote(text, at(text, "abcdefghij")), quote(text, at(text, "abcdefgh")))
    assert Metric(1, 2, 1) == result["all"]["content"]


def test_matching_takes_the_best_overlap_first():
    """Over 'abcdefghij': gold A = its first 8 letters, gold B = all 10; prediction P1 = all
    10, P2 = the first 5. Jaccard: B-P1 1.0, A-P1 0.8, A-P2 5/8, B-P2 0.5. Best first pairs
    B-P1 (exact) then A-P2; taking gold A first would pair A-P1 and B-P2, none exact."""
    text = "abcdefghij"
    gold = gold_doc(
        text, GoldAttribution(((0, 8),), (), ()), GoldAttribution(((0, 10),), (), ())
    )
    result = score_one(gold, quote(text, (0, 10)), quote(text, (0, 5)))
    assert Metric(2, 2, 2) == result["all"]["content"]
    assert Metric(1, 2, 2) == result["all"]["exact"]


# ---------------------------------------------------------------------------
# Grouping predictions


SPLIT = '"We won," she said, "and we will win again."'
SPLIT_GOLD = gold_doc(
    SPLIT,
    GoldAttribution(
        (at(SPLIT, '"We won,"'), at(SPLIT, '"and we will win again."')),
        (at(SPLIT, "she"),),
        (at(SPLIT, "said"),),
    ),
)


def test_split_quote_as_two_quotes_sharing_cue_and_source_is_one_prediction():
    """Two halves sharing cue and source are grouped into one exact prediction."""
    cue, source = at(SPLIT, "said"), at(SPLIT, "she")
    halves = score_one(
        SPLIT_GOLD,
        quote(SPLIT, at(SPLIT, "We won"), cue, source, DIRECT),
        quote(SPLIT, at(SPLIT, "and we will win again"), cue, source, DIRECT),
    )
    assert all(Metric(1, 1, 1) == halves["all"][name] for name in METRIC_NAMES)


def test_split_quote_as_one_quote_scores_the_same_content_as_two():
    """One quote over the whole stretch and two halves sharing the cue both match once."""
    cue, source = at(SPLIT, "said"), at(SPLIT, "she")
    whole = score_one(SPLIT_GOLD, quote(SPLIT, (1, len(SPLIT) - 1), cue, source, DIRECT))
    halves = score_one(
        SPLIT_GOLD,
        quote(SPLIT, at(SPLIT, "We won"), cue, source, DIRECT),
        quote(SPLIT, at(SPLIT, "and we will win again"), cue, source, DIRECT),
    )
    for name in ("content", "source", "cue", "full"):
        assert halves["all"][name] == whole["all"][name] == Metric(1, 1, 1)


def test_split_indirect_content_keeps_the_that_of_its_second_piece():
    """Gold keeps 'that' opening the second piece (only a leading one goes); two quotes
    sharing cue and source are read the same way, so they match exactly."""
    text = "It was so bad, he said, that nobody came."
    first, second = at(text, "It was so bad"), at(text, "that nobody came")
    cue, source = at(text, "said"), at(text, "he")
    gold = gold_doc(text, GoldAttribution((first, second), (source,), (cue,)))
    result = score_one(gold, quote(text, first, cue, source), quote(text, second, cue, source))
    assert Metric(1, 1, 1) == result["all"]["exact"]


def test_quotes_without_a_cue_stand_alone():
    """Two cue-less halves are two predictions: one matches, the other is a false positive."""
    result = score_one(
        SPLIT_GOLD,
        quote(SPLIT, at(SPLIT, "We won")),
        quote(SPLIT, at(SPLIT, "and we will win again")),
    )
    assert Metric(1, 2, 1) == result["all"]["content"]


def test_same_cue_with_different_sources_are_two_predictions():
    """The group key is the (cue, source) pair, not the cue alone."""
    cue = at(SPLIT, "said")
    result = score_one(
        SPLIT_GOLD,
        quote(SPLIT, at(SPLIT, "We won"), cue, at(SPLIT, "she")),
        quote(SPLIT, at(SPLIT, "and we will win again"), cue, at(SPLIT, "We")),
    )
    assert 2 == result["all"]["content"].predicted


# ---------------------------------------------------------------------------
# Source and cue


NO_SOURCE = "It is feared that the bridge will sink."
NO_SOURCE_GOLD = gold_doc(
    NO_SOURCE,
    GoldAttribution((at(NO_SOURCE, "that the bridge will sink"),), (), (at(NO_SOURCE, "feared"),)),
)


def test_source_absent_on_both_sides_is_right():
    """No gold source and no predicted source: source and full are right."""
    content, cue = at(NO_SOURCE, "the bridge will sink"), at(NO_SOURCE, "feared")
    result = score_one(NO_SOURCE_GOLD, quote(NO_SOURCE, content, cue))
    assert Metric(1, 1, 1) == result["all"]["source"]
    assert Metric(1, 1, 1) == result["all"]["full"]


def test_predicted_source_where_gold_has_none_is_wrong():
    """Inventing a source the annotators did not mark is a source error."""
    content, cue = at(NO_SOURCE, "the bridge will sink"), at(NO_SOURCE, "feared")
    result = score_one(NO_SOURCE_GOLD, quote(NO_SOURCE, content, cue, at(NO_SOURCE, "It")))
    assert Metric(0, 1, 1) == result["all"]["source"]
    assert Metric(1, 1, 1) == result["all"]["cue"]
    assert Metric(0, 1, 1) == result["all"]["full"]


def test_source_and_cue_are_right_on_any_overlap():
    """'the mayor' overlaps gold 'mayor'; 'said so' overlaps gold 'said'."""
    text = "The plan works, the mayor said so."
    content = at(text, "The plan works")
    gold = gold_doc(text, GoldAttribution((content,), (at(text, "mayor"),), (at(text, "said"),)))
    result = score_one(gold, quote(text, content, at(text, "said so"), at(text, "the mayor")))
    assert Metric(1, 1, 1) == result["all"]["full"]


# ---------------------------------------------------------------------------
# Views


VIEWS_TEXT = (
    'Ann said “we are ready.” Bob said the mayor\'s plan fails. '
    "Cy believes taxes rise. Di thinks “never.”"
)


def views_gold() -> GoldDocument:
    """Ann (quoted, speech), Bob (apostrophe only: speech), Cy (belief), Di (quoted belief)."""
    t = VIEWS_TEXT
    return gold_doc(
        t,
        GoldAttribution((at(t, "“we are ready.”"),), (at(t, "Ann"),), (at(t, "said"),)),
        GoldAttribution((at(t, "the mayor's plan fails"),), (at(t, "Bob"),), (at(t, "said", 1),)),
        GoldAttribution((at(t, "taxes rise"),), (at(t, "Cy"),), (at(t, "believes"),)),
        GoldAttribution((at(t, "“never.”"),), (at(t, "Di"),), (at(t, "thinks"),)),
    )


def views_prediction() -> tuple[Quote, ...]:
    """Right about all four, with kinds DIRECT, INDIRECT, INDIRECT, MIXED."""
    t = VIEWS_TEXT
    return (
        quote(t, at(t, "we are ready"), at(t, "said"), at(t, "Ann"), DIRECT),
        quote(t, at(t, "the mayor's plan fails"), at(t, "said", 1), at(t, "Bob"), INDIRECT),
        quote(t, at(t, "taxes rise"), at(t, "believes"), at(t, "Cy"), INDIRECT),
        quote(t, at(t, "never"), at(t, "thinks"), at(t, "Di"), MIXED),
    )


def test_quoted_view_keeps_gold_with_quotation_marks_and_direct_or_mixed_predictions():
    """Ann and Di hold curly quotes; Bob's apostrophe does not count. Ann's DIRECT and Di's
    MIXED predictions are kept; the INDIRECT ones are not."""
    result = score_one(views_gold(), *views_prediction())
    assert Metric(2, 2, 2) == result["quoted"]["content"]
    assert Metric(4, 4, 4) == result["all"]["content"]


def test_quoted_view_drops_an_indirect_prediction_of_quoted_gold():
    """An INDIRECT prediction of Ann's quoted words does not count in the quoted view."""
    t = VIEWS_TEXT
    prediction = quote(t, at(t, "we are ready"), at(t, "said"), at(t, "Ann"), INDIRECT)
    assert Metric(0, 0, 2) == score_one(views_gold(), prediction)["quoted"]["content"]


def test_speech_view_keeps_speech_cues_on_both_sides():
    """Ann and Bob 'said' (speech); Cy 'believes' and Di 'thinks' are not speech."""
    result = score_one(views_gold(), *views_prediction())
    assert Metric(2, 2, 2) == result["speech"]["content"]


def test_speech_view_drops_predictions_without_a_cue():
    """A cue-less prediction cannot be speech, so it is neither right nor counted."""
    t = VIEWS_TEXT
    prediction = quote(t, at(t, "we are ready"))
    assert Metric(0, 0, 2) == score_one(views_gold(), prediction)["speech"]["content"]


@pytest.mark.parametrize(
    "cue",
    ["said", "says", "told", "according to", "According  to", "said in a statement", "added:",
     "wrote", "tweeted", "pointed out", "made it clear", "has repeatedly said", "reportedly"],
)
def test_speech_cues(cue):
    """Verbs of communication, in any inflection, and 'according to' are speech."""
    assert is_speech_cue(cue)


@pytest.mark.parametrize(
    "cue",
    ["believes", "thinks", "knows", "expected", "wants", "hopes", "showed", "found", "sees",
     "felt", "seemed", "appears", ":", "", "accordingly", "pointed to"],
)
def test_not_speech_cues(cue):
    """Belief, knowledge, perception and wanting are not speech; nor is bare punctuation."""
    assert not is_speech_cue(cue)


def test_speech_lexicon_is_lowercase_one_entry_per_line_with_a_header():
    """The lexicon loads from the package, states what belongs, and holds no belief verbs."""
    import importlib.resources

    resource = importlib.resources.files("quoteattr") / "lexicons" / "en" / "speech_verbs.txt"
    lines = resource.read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines if line and not line.startswith("#")]
    assert lines[0].startswith("#")
    assert all(entry == entry.strip().lower() for entry in entries)
    assert len(entries) == len(set(entries))
    assert not {"think", "believe", "know", "expect", "want", "hope", "show", "find", "see",
                "feel", "seem"} & set(entries)


# ---------------------------------------------------------------------------
# Arithmetic


ARITHMETIC = (
    "Ann said alpha beta. Bob said gamma delta. Cy said epsilon zeta. "
    "Di said eta theta. Ed said iota kappa."
)


def arithmetic_report() -> dict[str, Metric]:
    """Four gold, five predictions: see the test below for what each prediction gets."""
    t = ARITHMETIC

    def gold(content: str, source: str, nth: int) -> GoldAttribution:
        return GoldAttribution((at(t, content),), (at(t, source),), (at(t, "said", nth),))

    doc = gold_doc(
        t,
        gold("alpha beta", "Ann", 0),
        gold("gamma delta", "Bob", 1),
        gold("epsilon zeta", "Cy", 2),
        gold("eta theta", "Di", 3),
    )
    return score_one(
        doc,
        quote(t, at(t, "alpha beta"), at(t, "said", 0), at(t, "Ann")),  # exact, full
        quote(t, at(t, "gamma"), at(t, "said", 1), at(t, "Bob")),  # 5/10 letters: match, full
        quote(t, at(t, "epsilon zeta"), at(t, "said", 2), at(t, "Ed")),  # exact, wrong source
        quote(t, at(t, "iota kappa"), at(t, "said", 4), at(t, "Ed")),  # no gold
        quote(t, at(t, "eta"), at(t, "said", 3), at(t, "Di")),  # 3/8 letters: no match
    )["all"]


def test_precision_recall_f1_on_a_hand_computed_example():
    """Right: content 3, exact 2, source 2, cue 3, full 2, of 5 predicted and 4 gold.
    So content and cue: P 3/5 = 60, R 3/4 = 75, F1 = 2*60*75/135 = 200/3;
    exact, source and full: P 2/5 = 40, R 2/4 = 50, F1 = 2*40*50/90 = 400/9."""
    result = arithmetic_report()
    for name, right in [("content", 3), ("exact", 2), ("source", 2), ("cue", 3), ("full", 2)]:
        assert Metric(right, 5, 4) == result[name]
    for name in ("content", "cue"):
        assert (60.0, 75.0) == (result[name].precision, result[name].recall)
        assert pytest.approx(200 / 3) == result[name].f1
    for name in ("exact", "source", "full"):
        assert (40.0, 50.0) == (result[name].precision, result[name].recall)
        assert pytest.approx(400 / 9) == result[name].f1


def test_no_predictions_and_no_gold_score_zero_not_an_error():
    """Empty denominators give 0.0 rather than raising ZeroDivisionError."""
    metric = Metric(0, 0, 0)
    assert (0.0, 0.0, 0.0) == (metric.precision, metric.recall, metric.f1)


def test_score_refuses_predictions_that_do_not_line_up():
    """A missing prediction, or one made on another text, is a caller error."""
    gold = gold_doc("He said no.")
    with pytest.raises(ValueError, match="one prediction per gold document"):
        score([gold], [])
    with pytest.raises(ValueError, match="another text"):
        score([gold], [Document("She said yes.", (), ())])


# ---------------------------------------------------------------------------
# Running and reporting


def test_evaluate_counts_documents_that_raised_as_empty_predictions():
    """beta raises: it is named in raised and contributes no predictions; alpha is perfect."""

    def analyze(text: str) -> Document:
        if text.startswith("The senator"):
            raise RuntimeError("boom")
        return perfect_prediction(read_corpus(FIXTURE)[0])

    report = evaluate(FIXTURE, analyze=analyze)
    assert ("beta",) == report.raised
    assert Metric(4, 4, 5) == report.view("all").content
    assert 2 == report.n_documents
    texts = [(FIXTURE / "text" / f"{name}.txt").read_text("utf-8") for name in ("alpha", "beta")]
    assert sum(map(len, texts)) == report.n_characters
    assert report.seconds is not None and report.seconds > 0
    assert report.chars_per_second == pytest.approx(report.n_characters / report.seconds)


def test_evaluate_perfect_prediction_on_the_fixture_scores_100_everywhere():
    """Gold turned into quotes scores 100 F1 on every view and metric of the fixture."""
    golds = {doc.text: doc for doc in read_corpus(FIXTURE)}
    report = evaluate(FIXTURE, analyze=lambda text: perfect_prediction(golds[text]))
    assert all(
        100.0 == metric.f1 for view in report.views for metric in view.metrics().values()
    )


def test_format_report_has_a_row_per_view_and_metric_and_the_run_figures():
    """The table shows P/R/F1 for 15 rows and names the documents that raised."""
    report = evaluate(FIXTURE, analyze=lambda text: 1 / 0)
    lines = format_report(report).splitlines()
    rows = [line.split() for line in lines[1:16]]
    assert [(v, m) for v in VIEW_NAMES for m in METRIC_NAMES] == [(r[0], r[1]) for r in rows]
    assert ["all", "content", "0.0", "0.0", "0.0", "0", "0", "5"] == rows[0]
    assert "documents that raised  2" in lines
    assert ["alpha", "beta"] == [line.strip() for line in lines[-2:]]


def test_report_to_dict_is_json_ready_and_nested_view_metric_score():
    """to_dict nests views -> metrics -> P/R/F1 and counts, beside the run figures."""
    data = json.loads(json.dumps(evaluate(FIXTURE, analyze=lambda text: 1 / 0).to_dict()))
    assert 2 == data["documents"] and 2 == data["documents_raised"]
    assert list(VIEW_NAMES) == list(data["views"])
    assert list(METRIC_NAMES) == list(data["views"]["quoted"])
    assert {"precision": 0.0, "recall": 0.0, "f1": 0.0, "right": 0, "predicted": 0, "gold": 5} == (
        data["views"]["all"]["content"]
    )


# ---------------------------------------------------------------------------
# The real PolNeAR dev corpus (read from ../shared, never copied)


@pytest.fixture(scope="module")
def polnear_dev() -> tuple[GoldDocument, ...]:
    """The PolNeAR dev split, or a skip when ../shared is absent."""
    if not (POLNEAR / "dev").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR}")
    return read_corpus(POLNEAR / "dev")


def test_polnear_dev_counts_are_plausible(polnear_dev):
    """84 articles, each with attributions, over 1000 in all, of which some are quoted."""
    report = score(polnear_dev, [Document(doc.text, (), ()) for doc in polnear_dev])
    assert 84 == len(polnear_dev)
    assert all(doc.attributions for doc in polnear_dev)
    assert report.view("all").content.gold > 1000
    assert 0 < report.view("quoted").content.gold < report.view("all").content.gold
    assert 0 < report.view("speech").content.gold < report.view("all").content.gold


def test_perfect_prediction_scores_100_on_polnear_dev(polnear_dev):
    """Gold turned into quotes (one per content piece, sharing its cue and source) scores
    100 content F1 in every view: the grouping puts split pieces back together, and no two
    dev attributions share both a cue and a source span."""
    report = score(polnear_dev, [perfect_prediction(doc) for doc in polnear_dev])
    for name in VIEW_NAMES:
        assert 100.0 == report.view(name).content.f1
