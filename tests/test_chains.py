"""Reporting chains on the golden cases of tests/golden/chains.json (issue #4).

Each case lists some of its quotes by their exact content, with the speaker,
the chain (each element named by the entity's name or one of its mentions)
and, where given, the content of the enclosing quote. Cases that quoteattr
gets wrong are listed with a reason in chains-known-failures.json and run as
strict xfails, so a fix turns them red until they are promoted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quoteattr
from quoteattr import _chains
from quoteattr.evaluation import chain_is_right, score_chains

GOLDEN = Path(__file__).parent / "golden"
CASES = json.loads((GOLDEN / "chains.json").read_text(encoding="utf-8"))
KNOWN_FAILURES = {
    entry["id"]: entry["reason"]
    for entry in json.loads((GOLDEN / "chains-known-failures.json").read_text(encoding="utf-8"))
}


def _params() -> list[Any]:
    marks = {
        case_id: pytest.mark.xfail(strict=True, reason=reason)
        for case_id, reason in KNOWN_FAILURES.items()
    }
    return [pytest.param(case, id=case["id"], marks=marks.get(case["id"], ())) for case in CASES]


def _found(doc: quoteattr.Document, content: str) -> quoteattr.Quote | None:
    return next((q for q in doc.quotes if q.content.text == content), None)


def _observed(doc: quoteattr.Document, want: dict[str, Any]) -> dict[str, Any]:
    quote = _found(doc, want["content"])
    if quote is None:
        return {"found": False}
    seen: dict[str, Any] = {
        "found": True,
        "speaker": quote.speaker.name if quote.speaker else None,
        "chain right": chain_is_right(quote.chain, want["chain"]),
        "chain": [e.name for e in quote.chain],
    }
    if "parent" in want:
        seen["parent"] = quote.parent.content.text if quote.parent else None
    return seen


def _wanted(want: dict[str, Any]) -> dict[str, Any]:
    wanted = {"found": True, "speaker": want["speaker"], "chain right": True}
    if "parent" in want:
        wanted["parent"] = want["parent"]
    return wanted


@pytest.mark.parametrize("case", _params())
def test_chain_case(case: dict[str, Any]) -> None:
    """Every listed quote is found with its speaker, its chain and its parent."""
    doc = quoteattr.analyze(case["text"])
    for want in case["expected"]:
        observed = _observed(doc, want)
        observed.pop("chain", None)
        assert (want["content"], _wanted(want)) == (want["content"], observed)


def test_known_failures_name_existing_cases() -> None:
    """Every known failure names a case of chains.json."""
    assert set(KNOWN_FAILURES) <= {case["id"] for case in CASES}


def test_chain_accuracy_counts_every_listed_quote() -> None:
    """The chain scorer sees one pair per listed quote, and a missing quote is wrong."""
    pairs = []
    for case in CASES:
        doc = quoteattr.analyze(case["text"])
        for want in case["expected"]:
            quote = _found(doc, want["content"])
            pairs.append((None if quote is None else quote.chain, want["chain"]))
    score = score_chains(pairs)
    assert score.total == sum(len(case["expected"]) for case in CASES)
    assert score.right <= score.total


_RELAY_PIECES = ["in an ", "IN A ", "during an ", "interview", "INTERVİEW", "with ", " with",
                 "speaking", "SPEA\u212aİNG", "ſpeaking", "talking", " to ", "TO ", "quoted",
                 " by ", "İ", "\u212a", "ſ", "Σ", "é", "\ud800", " ", "\n"]


@given(st.lists(st.sampled_from(_RELAY_PIECES), max_size=30).map("".join), st.data())
def test_a_relay_pattern_matching_a_window_has_its_clue_in_the_window(
    text: str, data: st.DataObject
) -> None:
    """Where a relay pattern matches in a window of the text, its clue is found in the
    same window of the text's ASCII letters lowercased, read once for the text."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lowered = _chains._ascii_lowered(text)
    for pattern, clue in _chains._RELAY_PATTERNS:
        if pattern.search(text, start, end) is not None:
            assert clue.search(lowered, start, end) is not None


@pytest.mark.parametrize("text", [
    "Lee said in an INTERVİEW with CNN", "SPEA\u212aİNG TO Reuters", "ſpeaking to us",
    "TALKİNG TO Fox", "TAL\u212aING to AP", "in an Interview with AP", "quoted by Tass",
])
def test_a_relay_pattern_matching_letters_of_any_case_has_its_clue(text: str) -> None:
    """``İ`` and ``K`` match ``i`` and ``k``, and are a ``?`` among the ASCII letters."""
    lowered = _chains._ascii_lowered(text)
    assert any(pattern.search(text) for pattern, _ in _chains._RELAY_PATTERNS)
    for pattern, clue in _chains._RELAY_PATTERNS:
        if pattern.search(text) is not None:
            assert clue.search(lowered) is not None
