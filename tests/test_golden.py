"""Golden cases: texts with hand-checked quotes, read from tests/golden/*.json.

Each case has an ``id``, a one-line ``label`` and the ``expected`` direct and
mixed quotes: their content, kind and speaker, and where given their cue and
source. A case passes when ``analyze`` returns exactly those quotes of kinds
DIRECT and MIXED. Cases in ``known-failures.json`` run as strict xfails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quoteattr

GOLDEN = Path(__file__).parent / "golden"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _load(name: str) -> list[dict[str, Any]]:
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def _params(name: str, *marks: Any) -> list[Any]:
    return [pytest.param(case, id=case["id"], marks=marks) for case in _load(name)]


def _text_of(case: dict[str, Any]) -> str:
    if "file" not in case:
        return case["text"]
    path = SHARED / case["file"]
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path.read_text(encoding="utf-8")


def _expected_content(text: str, expected: dict[str, Any]) -> str:
    if "content" in expected:
        return expected["content"]
    start = text.index(expected["content_from"])
    end = text.index(expected["content_to"], start) + len(expected["content_to"])
    return text[start:end]


FIELDS = ("kind", "speaker", "cue", "source", "speaker_kind", "speech", "chain")


def _names(entity: quoteattr.Entity, wanted: str) -> str:
    """The entity's name, or the mention the case names it by (EVALUATION.md)."""
    forms = [entity.name, *(m.text for m in entity.mentions)]
    return wanted if wanted in forms else entity.name


def _chain(quote: quoteattr.Quote, wanted: list[str]) -> list[str]:
    named = [_names(entity, name) for entity, name in zip(quote.chain, wanted)]
    return named + [entity.name for entity in quote.chain[len(wanted):]]


def _observed(quote: quoteattr.Quote, expected: dict[str, Any]) -> dict[str, Any]:
    seen = {
        "kind": quote.kind.value,
        "speaker": quote.speaker.name if quote.speaker else None,
        "cue": quote.cue.text if quote.cue else None,
        "source": quote.source.text if quote.source else None,
        "speaker_kind": quote.speaker.kind.value if quote.speaker else None,
        "speech": quote.speech,
        "chain": _chain(quote, expected.get("chain", [])),
    }
    return {key: value for key, value in seen.items() if key in expected}


def check_case(case: dict[str, Any]) -> None:
    """Assert that ``analyze`` finds exactly the expected quotes of the case.

    Only quotes of the case's ``kinds`` are compared (direct and mixed unless
    the case says otherwise).
    """
    text = _text_of(case)
    doc = quoteattr.analyze(text)
    kinds = [quoteattr.QuoteKind(k) for k in case.get("kinds", ["direct", "mixed"])]
    quotes = [q for q in doc.quotes if q.kind in kinds]
    expected = [(_expected_content(text, e), e) for e in case["expected"]]
    assert [c for c, _ in expected] == [q.content.text for q in quotes]
    for (content, want), quote in zip(expected, quotes):
        wanted = {k: want[k] for k in FIELDS if k in want}
        assert (content, wanted) == (content, _observed(quote, want))


@pytest.mark.parametrize("case", _params("synthetic.json"))
def test_synthetic(case: dict[str, Any]) -> None:
    """Texts written for the purpose, one per feature of the quote finder."""
    check_case(case)


@pytest.mark.parametrize("case", _params("negative.json"))
def test_negative(case: dict[str, Any]) -> None:
    """Quotation marks that are not speech (titles, scare quotes, nicknames)."""
    check_case(case)


@pytest.mark.parametrize("case", _params("indirect.json"))
def test_indirect(case: dict[str, Any]) -> None:
    """Reported speech without quotation marks, its cues and its source kinds."""
    check_case(case)


@pytest.mark.parametrize("case", _params("in-the-wild.json"))
def test_in_the_wild(case: dict[str, Any]) -> None:
    """Real articles read from ../shared (skipped where it is absent)."""
    check_case(case)


@pytest.mark.parametrize(
    "case", _params("known-failures.json", pytest.mark.xfail(strict=True))
)
def test_known_failures(case: dict[str, Any]) -> None:
    """Cases we know we get wrong; a fix turns them red until promoted."""
    check_case(case)


def test_case_ids_are_unique() -> None:
    """Every golden case id appears once across all files."""
    ids = [case["id"] for path in sorted(GOLDEN.glob("*.json")) for case in _load(path.name)
           if "expected" in case]
    assert len(ids) == len(set(ids))
