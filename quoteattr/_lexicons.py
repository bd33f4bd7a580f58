"""The English lexicons shipped in ``quoteattr/lexicons/en/``, loaded lazily and cached.

Each lexicon is a UTF-8 text file: a ``#`` comment header saying what belongs in it,
then one entry per line with tab-separated columns. Nothing is read at import time;
each loader reads its file through :mod:`importlib.resources` on first call and returns
the same immutable object afterwards. The files are rebuilt by
``scripts/build_lexicons.py`` from ``scripts/curated/`` and PolNeAR train; do not edit
them by hand.

>>> reporting_verbs()["told"].lemma
'tell'
>>> titles()["spokeswoman"]
'f'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

import attrs
import regex

from quoteattr.errors import QuoteAttrError

_count = [attrs.validators.instance_of(int), attrs.validators.ge(0)]

__all__ = [
    "LexiconNotFoundError",
    "Pronoun",
    "VerbForm",
    "abbreviations",
    "anonymous_heads",
    "cue_phrases",
    "evidence_heads",
    "group_heads",
    "media_heads",
    "media_outlets",
    "organization_heads",
    "pronouns",
    "read_lexicon",
    "reporting_verbs",
    "stance_verbs",
    "titles",
]

_LANGUAGE = "en"


class LexiconNotFoundError(QuoteAttrError, LookupError):
    """No lexicon file of that name ships with quoteattr."""


@attrs.frozen
class VerbForm:
    """One inflected form of a reporting verb, with how it behaved in PolNeAR train.

    ``precision`` is ``cue_count / text_count``: the share of the form's occurrences in
    train text that head an annotated cue (0 when the form never occurs).

    >>> VerbForm("said", "say", 9, 10, 0.9).precision
    0.9
    """

    form: str = attrs.field(validator=attrs.validators.instance_of(str))
    lemma: str = attrs.field(validator=attrs.validators.instance_of(str))
    cue_count: int = attrs.field(validator=_count)
    text_count: int = attrs.field(validator=_count)
    precision: float = attrs.field(
        validator=[
            attrs.validators.instance_of(float),
            attrs.validators.ge(0.0),
            attrs.validators.le(1.0),
        ]
    )


@attrs.frozen
class Pronoun:
    """A personal pronoun and the features it marks.

    ``gender`` is ``m``, ``f``, ``n`` (*it*) or ``-``; ``number`` is ``sg``, ``pl`` or
    ``-`` (*you*); ``cases`` holds ``nom``, ``acc``, ``gen`` (possessive) or ``refl``.

    >>> Pronoun("she", "f", "sg", 3, ("nom",)).person
    3
    """

    form: str = attrs.field(validator=attrs.validators.instance_of(str))
    gender: str = attrs.field(validator=attrs.validators.in_(("m", "f", "n", "-")))
    number: str = attrs.field(validator=attrs.validators.in_(("sg", "pl", "-")))
    person: int = attrs.field(validator=attrs.validators.in_((1, 2, 3)))
    cases: tuple[str, ...] = attrs.field(
        converter=tuple,
        validator=attrs.validators.deep_iterable(
            attrs.validators.in_(("nom", "acc", "gen", "refl"))
        ),
    )

_EDGE_PUNCTUATION = regex.compile(r"^[\p{P}`´]+|[\p{P}`´]+$")


@functools.cache
def read_lexicon(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of lexicon ``name``, each split on tabs.

    Comment lines (``#``) and blank lines are dropped; fields are stripped of
    surrounding spaces but otherwise returned as written.

    Args:
        name: the file name without ``.txt``, e.g. ``"titles"``.

    Returns:
        The rows in file order.

    Raises:
        LexiconNotFoundError: no such lexicon ships with quoteattr.

    >>> read_lexicon("pronouns")[0]
    ('he', 'm', 'sg', '3', 'nom')
    """
    resource = resources.files("quoteattr") / "lexicons" / _LANGUAGE / f"{name}.txt"
    try:
        if not name.isidentifier():
            raise FileNotFoundError(name)
        text = resource.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        raise LexiconNotFoundError(
            f"no lexicon {name!r} in quoteattr/lexicons/{_LANGUAGE}/; pass a file name "
            "without '.txt', e.g. 'reporting_verbs' or 'titles'"
        ) from None
    return tuple(
        tuple(field.strip() for field in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@functools.cache
def reporting_verbs() -> Mapping[str, VerbForm]:
    """Map each lowercase reporting-verb form to its lemma and PolNeAR train counts.

    Every form of every curated lemma is present, including forms unseen in train
    (counts and precision 0).

    >>> said = reporting_verbs()["said"]
    >>> said.lemma, said.precision > 0.5
    ('say', True)
    """
    return MappingProxyType(
        {
            form: VerbForm(form, lemma, int(cues), int(occurrences), float(precision))
            for form, lemma, cues, occurrences, precision in read_lexicon("reporting_verbs")
        }
    )


@functools.cache
def cue_phrases() -> Mapping[str, int]:
    """Map each multi-word cue (lowercase, single spaces) to its PolNeAR train Cue count.

    >>> "according to" in cue_phrases(), "has said" in cue_phrases()
    (True, False)
    """
    return MappingProxyType({phrase: int(count) for phrase, count in read_lexicon("cue_phrases")})


@functools.cache
def abbreviations() -> Mapping[str, str]:
    """Map each abbreviation (lowercase, no final period) to ``"title"`` or ``"other"``.

    ``title`` abbreviations stand before a name (Mr., Sen.); none of the listed
    abbreviations end a sentence as a rule.

    >>> abbreviations()["sen"], abbreviations()["u.s"]
    ('title', 'other')
    """
    return MappingProxyType(dict(read_lexicon("abbreviations")))


@functools.cache
def titles() -> Mapping[str, str]:
    """Map each lowercase title or role to the gender it implies (``m``, ``f`` or ``-``).

    Abbreviated titles keep their period (``"sen."``); multi-word titles are whole keys.

    >>> titles()["congressman"], titles()["secretary of state"]
    ('m', '-')
    """
    return MappingProxyType(dict(read_lexicon("titles")))


@functools.cache
def media_outlets() -> Mapping[str, str]:
    """Map each lowercase outlet name or short form to the outlet's canonical name.

    Keys are lowercase, and some (``"the hill"``, ``"fox"``) are also ordinary words, so
    match them against capitalised text only.

    >>> media_outlets()["nyt"], media_outlets()["the associated press"]
    ('The New York Times', 'Associated Press')
    """
    outlets: dict[str, str] = {}
    for name, *short in read_lexicon("media_outlets"):
        outlets[name.lower()] = name
        for form in filter(None, "|".join(short).split("|")):
            outlets[form] = name
    return MappingProxyType(outlets)


@functools.cache
def organization_heads() -> Mapping[str, str]:
    """Map lowercase organisation heads to ``"head"`` and organisation names to ``"name"``.

    A ``head`` makes a capitalised name ending in it an organisation (State
    *Department*); a ``name`` is an organisation by itself (Kremlin, FBI).

    >>> organization_heads()["department"], organization_heads()["kremlin"]
    ('head', 'name')
    """
    return MappingProxyType(dict(read_lexicon("organization_heads")))


@functools.cache
def anonymous_heads() -> frozenset[str]:
    """Return the lowercase nouns that head anonymous sources (sources, officials, ...).

    >>> {"sources", "official"} <= anonymous_heads()
    True
    """
    return frozenset(row[0] for row in read_lexicon("anonymous_heads"))


@functools.cache
def group_heads() -> frozenset[str]:
    """Return the lowercase nouns for groups speaking collectively (democrats, voters, ...).

    >>> "critics" in group_heads()
    True
    """
    return frozenset(row[0] for row in read_lexicon("group_heads"))


@functools.cache
def evidence_heads() -> frozenset[str]:
    """Return the lowercase nouns for non-human sources (poll, study, data, report, ...).

    >>> {"poll", "polls", "survey"} <= evidence_heads()
    True
    """
    return frozenset(row[0] for row in read_lexicon("evidence_heads"))


@functools.cache
def attitude_nouns() -> frozenset[str]:
    """Return the lowercase nouns of feeling or stance of ``expressed support for X``.

    >>> {"support", "concern"} <= attitude_nouns()
    True
    """
    return frozenset(row[0] for row in read_lexicon("attitude_nouns"))


@functools.cache
def media_heads() -> frozenset[str]:
    """Return the lowercase nouns for news outlets named by what they are (newspaper,
    network, station, ...).

    >>> {"newspaper", "network"} <= media_heads()
    True
    """
    return frozenset(row[0] for row in read_lexicon("media_heads"))


@functools.cache
def stance_verbs() -> Mapping[str, tuple[str, str]]:
    """Return each stance-verb form's lemma and complement (``to``, ``object`` or ``as``).

    >>> stance_verbs()["declined"]
    ('decline', 'to')
    """
    return MappingProxyType({row[0]: (row[1], row[2]) for row in read_lexicon("stance_verbs")})


@functools.cache
def headline_labels() -> frozenset[str]:
    """Return the lowercase labels that may precede a headline's colon (exclusive, the latest).

    >>> {"exclusive", "the latest"} <= headline_labels()
    True
    """
    return frozenset(row[0] for row in read_lexicon("headline_labels"))


@functools.cache
def headline_verbs() -> Mapping[str, str]:
    """Map each headline verb form (lowercase, with its particle) to its lemma.

    >>> headline_verbs()["slams"], headline_verbs()["sides with"]
    ('slam', 'side with')
    """
    return MappingProxyType(dict(read_lexicon("headline_verbs")))


@functools.cache
def pronouns() -> Mapping[str, Pronoun]:
    """Map each lowercase personal pronoun to its gender, number, person and cases.

    >>> pronouns()["her"]
    Pronoun(form='her', gender='f', number='sg', person=3, cases=('acc', 'gen'))
    """
    return MappingProxyType(
        {
            form: Pronoun(form, gender, number, int(person), case.split("|"))
            for form, gender, number, person, case in read_lexicon("pronouns")
        }
    )


@functools.cache
def inverting_verbs() -> frozenset[str]:
    """Return the lemmas of reporting verbs that may precede their source (``said Smith``).

    >>> "say" in inverting_verbs() and "tell" not in inverting_verbs()
    True
    """
    return frozenset(row[0] for row in read_lexicon("inverting_verbs"))


def is_speech_cue(text: str) -> bool:
    """Tell whether a cue is a speech verb (said, told, according to, added, wrote, ...).

    A cue is speech when one of its words, lowercased and stripped of punctuation, or one
    of its phrases is in ``speech_verbs.txt``. Beliefs and perceptions (thinks,
    believes, showed) are not speech.

    Args:
        text: the text of the cue, e.g. ``"said in a statement"``.

    Returns:
        True when the cue reports speech.

    >>> is_speech_cue("said:"), is_speech_cue("According  to"), is_speech_cue("believes")
    (True, True, False)
    """
    words = [_EDGE_PUNCTUATION.sub("", word) for word in text.lower().split()]
    known_words, phrases = _speech_lexicon()
    joined = f" {' '.join(word for word in words if word)} "
    return any(word in known_words for word in words) or any(f" {p} " in joined for p in phrases)


@functools.cache
def _speech_lexicon() -> tuple[frozenset[str], tuple[str, ...]]:
    entries = [" ".join(row[0].lower().split()) for row in read_lexicon("speech_verbs")]
    return (
        frozenset(entry for entry in entries if " " not in entry),
        tuple(entry for entry in entries if " " in entry),
    )


@functools.cache
def first_names() -> Mapping[str, str]:
    """Return lowercase first names -> the gender (``m`` or ``f``) they are referred to with.

    >>> first_names()["hillary"], first_names()["donald"]
    ('f', 'm')
    """
    return MappingProxyType({row[0]: row[1] for row in read_lexicon("first_names")})
