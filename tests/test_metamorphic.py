"""Metamorphic relations (#5): rewrites of a text that must not change who said what.

- ``X said`` / ``said X`` / ``according to X`` name the same speaker;
- swapping straight for curly quotation marks changes no attribution;
- renaming a speaker renames the entity and nothing else;
- the order of unrelated paragraphs does not change their attributions.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import quoteattr

FIRST = ["Ann", "Maria", "Olga", "Ruth", "John", "David", "Peter", "Omar"]
LAST = ["Cole", "Reyes", "Ivanova", "Bauer", "Okafor", "Lindqvist", "Marsh", "Haddad"]
TITLES = ["Senator", "Mayor", "Governor", "Minister"]
CLAIMS = [
    "the budget is balanced",
    "the bridge will reopen in May",
    "the talks have stalled",
    "taxes will not rise this year",
]

people = st.tuples(st.sampled_from(TITLES), st.sampled_from(FIRST), st.sampled_from(LAST))


def _speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quoteattr.analyze(text).quotes]


@given(people, st.sampled_from(CLAIMS))
def test_cue_positions_give_the_same_speaker(person: tuple[str, str, str], claim: str) -> None:
    """``X said``, ``said X`` and ``according to X`` attribute a claim to the same speaker."""
    title, first, last = person
    name = f"{title} {first} {last}"
    forms = [
        f"{claim.capitalize()}, {name} said.",
        f"{claim.capitalize()}, said {name}.",
        f"According to {name}, {claim}.",
        f"{name} said {claim}.",
    ]
    assert [[f"{first} {last}"]] * len(forms) == [_speakers(form) for form in forms]


@given(people, st.sampled_from(CLAIMS), st.sampled_from(CLAIMS))
def test_curly_quotes_change_no_attribution(
    person: tuple[str, str, str], claim: str, other: str
) -> None:
    """The same article with straight or curly quotation marks is attributed alike."""
    title, first, last = person
    straight = (
        f'{title} {first} {last} spoke to reporters.\n\n'
        f'"{claim.capitalize()}," {last} said. "{other.capitalize()}."'
    )
    assert _attributions(straight) == _attributions(_curly(straight))


def _curly(text: str) -> str:
    """Straight double quotes turned into opening and closing curly ones, in turn."""
    marks = iter(["\u201c", "\u201d"] * text.count('"'))
    return "".join(next(marks) if char == '"' else char for char in text)


def _attributions(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (q.kind.value, q.content.text, q.speaker.name if q.speaker else None)
        for q in quoteattr.analyze(text).quotes
    ]


@given(people, st.sampled_from(LAST), st.sampled_from(CLAIMS))
def test_renaming_a_speaker_renames_only_the_entity(
    person: tuple[str, str, str], new_last: str, claim: str
) -> None:
    """Replacing a speaker's surname changes the entity's name and nothing else."""
    title, first, last = person
    text = f'{title} {first} {last} arrived.\n\n"{claim.capitalize()}," {last} said.'
    renamed = text.replace(last, new_last)
    before, after = quoteattr.analyze(text), quoteattr.analyze(renamed)
    assert [q.content.text for q in before.quotes] == [q.content.text for q in after.quotes]
    assert [f"{first} {new_last}"] == [e.name for e in after.entities]
    assert [f"{first} {last}"] == [e.name for e in before.entities]


@given(st.lists(st.tuples(people, st.sampled_from(CLAIMS)), min_size=2, max_size=4,
                unique_by=(lambda item: item[0][2], lambda item: item[1])))
def test_unrelated_paragraph_order_keeps_attributions(
    items: list[tuple[tuple[str, str, str], str]]
) -> None:
    """Paragraphs that each name their own speaker keep their attributions in any order."""
    paragraphs = [f'"{claim.capitalize()}," said {t} {f} {l}.' for (t, f, l), claim in items]
    forward = _by_content("\n\n".join(paragraphs))
    backward = _by_content("\n\n".join(reversed(paragraphs)))
    assert forward == backward


def _by_content(text: str) -> dict[str, str | None]:
    return {
        q.content.text: q.speaker.name if q.speaker else None
        for q in quoteattr.analyze(text).quotes
    }
