"""Quote <-> cue <-> source: which words in a sentence say who said a quote.

Each rule is a named function that looks at one quotation in its sentence
and, when its pattern is there, returns the cue and source it found. The
rules are tried in order; quotes no rule attributes may take the speaker of
a neighbouring quote (split quotes, quotes running over paragraphs).

>>> t = '"We won," the minister told reporters.'
>>> [(t[a.content[0]:a.content[1]], a.rule) for a in attribute(t)]
[('We won', 'cue_after')]
"""

from __future__ import annotations

import bisect
import itertools
import operator
from typing import Callable, NamedTuple, Sequence

import attrs
import regex

from quoteattr._cues import Cue, CueIndex
from quoteattr._mentions import (
    CLAUSE_WORDS, Mention, is_source_head, source_after, source_before, tag_phrase,
)
from quoteattr._sources import (
    clause_openings, inverted_phrase, is_aside, is_dateline, phrase_after, relative_source,
    relay_in, source_of, thing_relative_source, with_conjuncts,
)
from quoteattr._quotes import Layout, QuoteMarks, layout_of
from quoteattr._text import COMMA_BEFORE, SPACES, WORD, Trailing, trim
from quoteattr.model import QuoteKind

_OPEN_START = operator.attrgetter("open_start")
_SEPARATORS = "\x1c\x1d\x1e\x1f"  # white space to ``str.split``, not to regex's ``\s``
# What ``[\s,;—–\-]`` holds, read a character at a time.
_TAG_LEAD = (SPACES - frozenset(_SEPARATORS)) | frozenset(",;—–-")
_CLAUSE_AFTER_QUOTE = regex.compile(r"(?:and|but|or|while|whereas)\s", regex.IGNORECASE)
_LEAD_IN = regex.compile(r"^(?:\s+[^\s,:;.!?\"“”]+,?){0,6}?\s*(?:that\s*)?[:,]?\s*$")
_LEAD_IN_WORDS = 8  # the most that _LEAD_IN matches: six, ``that`` and a mark
_THAT_CLAUSE = regex.compile(r"\s+that\s+[^\s,:]")
_NEGATION = regex.compile(r"n[’']t\b|\b(?:not|never)\b")
_TAG_END = regex.compile(r"^[^\"“”«»]{0,80}?[.!?]?[\"'”’»)]*\s*$")
_WORKS = regex.compile(
    r"\b(?:book|books|memoir|novel|film|movie|documentary|song|album|show|series|"
    r"episode|article|column|op-ed|essay|headline|poem|play|report|titled|entitled|"
    r"headlined|dubbed|nicknamed|known as|so-called|author of|the phrase|the word|the term|"
    r"slogan|hashtag)\W{0,3}$",
    regex.IGNORECASE,
)
_CAPITALISED_NEIGHBOUR = regex.compile(r"\p{Lu}\p{L}*\s*$")
_SPEECH_LIKE_WORDS = 4
_PARAGRAPH_EDGE = 8
_MIXED_MIN_PRECISION = 0.3
_OUTER_CUE_PRECISION = 0.8
_TAG_CUES = 3
_PAST_FORM = regex.compile(r"(\p{Ll}{3,}ed)\s+(?=\p{Lu}|the\s|an?\s)")
_VERB_BEFORE_COLON = regex.compile(r"\s(\p{Ll}{3,}ed)\s*$")
_ACCORDING_FIRST = regex.compile(r"\s*according\s+to\s+[^,;:\"“”]{1,60},", regex.IGNORECASE)
_TAG_SENTENCE_WORDS = 14
_BARE_TAG_WORDS = 4
_TAG_OPENING = 30
_QUOTED_AS_LEAD = regex.compile(r"\s+quoted\s+([^,.;:\"“”]{1,60}?)\s+as\s+(saying)\s*[:,]?\s*$")
_WORDS_BEFORE_NAME = regex.compile(r"(?:[^\s,;:.!?\"“”()]+\s+){1,6}")
_ROLE_BEFORE_NAME = regex.compile(
    r"(?:the|a|an|his|her|its|their|our)\s+(?:[^\s,;:.!?\"“”()]+\s+){0,5}"
    r"[^\s,;:.!?\"“”()]+,\s*", regex.IGNORECASE)
_JOINED_CUE = regex.compile(r"\s+(?:and|but)\s+(?:\p{Ll}+\s+)?$")
_JOINED_CLAUSE = regex.compile(r"\s+(?:and|but)\s+(?:\p{Lu}[\p{L}.’'-]*\s+){1,4}$")
_JOINED_VERB = regex.compile(r"[,\s]+(?:and|but)\s+(?:then\s+|also\s+|later\s+)?\p{Ll}{2,}ed\s")
_TAG_REACH = 80
_COMPLEMENT_SUBJECT = regex.compile(
    r"\s*(?:(?:[^,;:.!?\"“”()—–]{0,80}\s)?that\s+(?:[^,;:.!?\"“”()—–]{0,60}\s)?)?")
_SUBORDINATOR_BEFORE = Trailing(
    r"\b(?:while|when|after|before|as|because|since|although|though|whereas)\s+$")
_THAT_BEFORE = Trailing(r"\bthat\s*,?\s*$")
_SET_OFF = (":", "(", "—", "–", " -")  # they set off a tagged quote: ``... - "Q," he said``
_INNER_CLOSERS = " '’\"”»›"
_JOINED_REACH = 20
_INTRODUCTION_WORDS = 4
_TAG_PUNCTUATION = frozenset(",?!")
_UNKNOWN_VERB = regex.compile(
    r"\b(\p{Ll}{3,}ed)\b(?=\s*[,.;!?]|\s+(?:on|in|at|to|during|after|before|as|of|with|from|out|up|back)\b|\s*$)"
)
# After a mixed quote: a contrast, a comma before a lowercase word (a joined clause, a
# participle, a relative or appositive: ``"Q", which ...``, ``"Q", a swipe at ...``), an
# aside (``as she put it``, ``when asked``).
_CLAUSE_BREAK = regex.compile(
    r"[,;:]?\s+(?:but|while|although|though|whereas)\b|,\s+\p{Ll}|[;:—–]|\s-\s|"
    r"\s+as\s+(?:he|she|they)\s+put\s+it\b|\s+when\s+asked\b"
)
_BREAK_AFTER_COMMA = regex.compile(r"\s+(?:and|but|while|which|before|after|like|an?|\p{Ll}+ing)\b")
_ADJUNCT_THEN_THAT = regex.compile(
    r"(?:at|in|on|during|to|last|this|earlier|later|a\s+\p{L}+\s+(?:ago|prior|earlier)|"
    r"(?:on|in)\s+\p{Lu}\p{L}*)\s(?:(?!\bthat\b)[^,;:.!?\"“”]){0,80}?\sthat\s+")
_HEARER_LEMMAS = frozenset(["tell", "inform", "assure", "remind", "warn", "notify", "brief"])
_HEARER_THEN_THAT = regex.compile(r"(?:[^\s;:.!?\"“”]+\s+){1,12}?that\s+")
_COLON_LEAD = Trailing(r":\s*$", last=":")
_NOT_SPEAKING_PRONOUNS = frozenset(["it", "them", "him", "her", "me", "us", "this", "that"])
_SUBJECT_ASIDE = regex.compile(r"\s*,[^,;:\"“”]{1,100},")
_INTRO_VERB_WORDS = 8
_PHRASE_LINKS = frozenset(["of", "for", "and", "at", "in", "on"])
_DASH_TAG = regex.compile(
    r"[ \t\xa0]*(?:\n\s*)?(―|—|–|--?)[ \t\xa0]*([^\n,.(]{2,60}?)[ \t\xa0]*(?=[.,(\n]|$)")
_DASH_TAG_END = regex.compile(r"(?:[.,(][^\n]{0,80})?(?:\n|$)")


@attrs.frozen(weakref_slot=False)
class Attribution:
    """A quote found in the text with the cue and source a rule gave it."""

    content: tuple[int, int]
    kind: QuoteKind
    cue: Cue | None
    source: Mention | None
    rule: str
    confidence: float
    paragraph: int
    relay: Mention | None = None


class _Context:
    """A quote with the sentence it is in, the text before and after it there, and the
    source and cue of the quote before; read by every rule, so a plain class with the
    text at hand, cheaper than an attrs one."""

    __slots__ = ("cues", "text", "sentence", "quote", "before", "after", "previous",
                 "previous_cue", "_windows")

    def __init__(self, cues: CueIndex, sentence: tuple[int, int], quote: QuoteMarks,
                 before: tuple[int, int], after: tuple[int, int], previous: Mention | None,
                 previous_cue: Cue | None) -> None:
        self.cues = cues
        self.text = cues.text
        self.sentence = sentence
        self.quote = quote
        self.before = before
        self.after = after
        self.previous = previous
        self.previous_cue = previous_cue
        self._windows: dict[tuple[int, int], list[Cue]] = {}

    def within(self, start: int, end: int) -> list[Cue]:
        """``cues.within(start, end)``, read once per window: several rules read the
        same windows around the quote (not to be changed)."""
        found = self._windows.get((start, end))
        if found is None:
            found = self._windows[start, end] = self.cues.within(start, end)
        return found


def attribute(text: str, layout: Layout | None = None) -> list[Attribution]:
    """Find the quotations of ``text`` and attribute each, in text order.

    >>> t = 'She called it "a disaster" on Monday.'
    >>> [(a.kind.value, t[a.content[0]:a.content[1]]) for a in attribute(t)]
    [('mixed', 'it "a disaster" on Monday.')]
    """
    layout = layout or layout_of(text)
    cues = layout.cues
    paras = layout.paragraphs
    quotes = layout.outermost
    opens = [q.open_start for q in quotes]  # to find a paragraph's quotes without a key
    found: list[_Slot] = []
    lead_in: tuple[int, int] | None = None
    for index, paragraph in enumerate(paras):
        first = bisect.bisect_left(opens, paragraph[0])
        inside = quotes[first:bisect.bisect_left(opens, paragraph[1], first)]
        spans = layout.sentences[index]
        for number, sentence in enumerate(spans if inside else ()):  # else none to attribute
            in_sentence = _starting_in(inside, sentence)
            following = spans[number + 1] if number + 1 < len(spans) else None
            if following is not None and _is_tag_sentence(cues, in_sentence, sentence, following,
                                                          inside):
                sentence = (sentence[0], following[1])
            found.extend(_attribute_sentence(cues, sentence, in_sentence, index, lead_in))
            lead_in = None
        lead_in = spans[-1] if spans and text[paragraph[1] - 1] == ":" else None
    return _fill_gaps(text, found)


def _is_tag_sentence(
    cues: CueIndex,
    quotes: list[QuoteMarks],
    sentence: tuple[int, int],
    following: tuple[int, int],
    inside: list[QuoteMarks],
) -> bool:
    """``"Why?" Todd asked the mogul.``: a sentence that is the tag of the quote before.

    The sentence splitter ends a sentence at ``?"`` and ``."``; a tag after it belongs to
    the quote: a short sentence with a cue, a longer one that opens with its cue
    (``"Why?" Trump said of Apple in February, when ...``), or after a full stop, a bare
    tag (``"We won." Trump said.``).
    """
    if not quotes or quotes[-1].close_end != sentence[1]:
        return False
    text = cues.text
    ending = _ending(text, quotes[-1])
    words = len(text[following[0]:following[1]].split())
    opening = (following[0], min(following[1], following[0] + _TAG_OPENING))
    later = _starting_in(inside, following)
    if later:  # ``"Why?" Lee asks as X walks in, saying "Q"``, but not ``Lee replied, "Q"``
        tag = cues.within(*opening)
        return ending in ("?", "!") and bool(tag) and not _is_lead_in(
            text[tag[0].end:later[0].open_start])
    if ending == "." and words <= _BARE_TAG_WORDS:
        return bool(cues.within(*following))
    short = words <= _TAG_SENTENCE_WORDS
    return ending in ("?", "!") and bool(cues.within(*(following if short else opening)))


def _ending(text: str, quote: QuoteMarks) -> str:
    """The last character of a quote's words, inside the marks of a quote it ends with
    (``help?'`` in ``"... 'What can we do to help?'"``)."""
    return text[quote.content_start:quote.content_end].rstrip(_INNER_CLOSERS)[-1:]


def _starting_in(quotes: list[QuoteMarks], span: tuple[int, int]) -> list[QuoteMarks]:
    first = bisect.bisect_left(quotes, span[0], key=_OPEN_START)
    last = bisect.bisect_left(quotes, span[1], key=_OPEN_START)
    return quotes[first:last]


def _attribute_sentence(
    cues: CueIndex,
    sentence: tuple[int, int],
    quotes: list[QuoteMarks],
    paragraph: int,
    lead_in: tuple[int, int] | None,
) -> list[_Slot]:
    results: list[_Slot] = []
    previous: Mention | None = None
    previous_cue: Cue | None = None
    for i, quote in enumerate(quotes):
        if results and _absorbs(cues, results[-1], quote):
            limit = quotes[i + 1].open_start if i + 1 < len(quotes) else sentence[1]
            results[-1] = _absorb(cues, results[-1], quote, limit)
            continue
        before_start = quotes[i - 1].close_end if i else sentence[0]
        if lead_in is not None and before_start == quote.open_start:
            before_start = lead_in[0]
        after_end = quotes[i + 1].open_start if i + 1 < len(quotes) else sentence[1]
        context = _Context(cues, sentence, quote, (before_start, quote.open_start),
                           (quote.close_end, after_end), previous, previous_cue)
        attribution = _apply_rules(context, paragraph)
        if attribution is not None and attribution.source is not None:
            previous = attribution.source
        previous_cue = attribution.cue if attribution is not None else None
        results.append(_Slot(quote, paragraph, attribution))
    return results


def _absorbs(cues: CueIndex, slot: _Slot, quote: QuoteMarks) -> bool:
    """Whether a mixed quote's clause runs on over ``quote`` (no cue between them)."""
    attribution = slot.attribution
    if attribution is None or attribution.kind is not QuoteKind.MIXED:
        return False
    return quote.open_start <= attribution.content[1] or not cues.within(
        attribution.content[1], quote.open_start)


def _absorb(cues: CueIndex, slot: _Slot, quote: QuoteMarks, limit: int) -> _Slot:
    attribution = slot.attribution
    assert attribution is not None
    content = (attribution.content[0], _clause_end(cues, quote, limit))
    return slot._replace(attribution=attrs.evolve(attribution, content=content))


def _apply_rules(context: _Context, paragraph: int) -> Attribution | None:
    sides = context.before[0] < context.before[1], context.after[0] < context.after[1]
    for rule in _RULES_BY_SIDES[sides]:
        found = rule(context)
        if found is None:
            continue  # most rules find nothing
        if found.kind is QuoteKind.MIXED and _is_title_case(context):
            return None
        if found.kind is QuoteKind.DIRECT and _is_title_or_name(context):
            return None
        relay = found.relay or _relay(context, found.cue, found.source)
        return Attribution(found.content, found.kind, found.cue, found.source, rule.__name__,
                           found.confidence, paragraph, relay)
    return None


class Found(NamedTuple):
    """What a rule found: the cue and source, the quote's kind and content, and
    the reporter who relayed it when the rule reads one."""

    cue: Cue
    source: Mention | None
    kind: QuoteKind
    content: tuple[int, int]
    confidence: float
    relay: Mention | None = None


def cue_after(context: _Context) -> Found | None:
    """``"Q," the minister said`` / ``"Q," said Smith``: the tag right after the quote."""
    text = context.text
    lead = _tag_lead_end(text, *context.after)
    cues = context.within(lead, context.after[1])
    if not cues or _CLAUSE_AFTER_QUOTE.match(text, lead, context.after[1]):
        return None  # ``"Q" and Trump says ...``: a new clause, not a tag
    for cue in cues[:_TAG_CUES]:
        if cue.prepositional and cue.start != lead:
            continue  # ``"Q" is about $12, according to X``: X credits the clause, not "Q"
        source = _tag_source(context, lead, cue)
        if source is not None:
            kind, content = _direct_or_mixed(context)
            if kind is QuoteKind.MIXED and not _set_off(context, lead):
                return None  # ``those voting "yes" were declared the majority``: no tag
            if kind is QuoteKind.MIXED and _reported_in_lead(context) and not cue.prepositional:
                return None  # ``Lee said that "Q" if Ruiz asked``: Lee's cue reports "Q"
            return Found(cue, source, kind, content, 0.9)
    return None


def _tag_lead_end(text: str, start: int, end: int) -> int:
    """Where the spaces and punctuation after a quote, from ``start``, end (what
    ``[\\s,;—–\\-]*`` matches).

    >>> _tag_lead_end('"Q," - he said', 4, 14)
    7
    """
    while start < end and text[start] in _TAG_LEAD:
        start += 1
    return start


def _set_off(context: _Context, lead: int) -> bool:
    """Whether punctuation sets the words after a quote off as its tag: a comma, question
    mark or exclamation mark closing the quote, or a comma after it."""
    text = context.text
    return _ending(text, context.quote) in _TAG_PUNCTUATION or "," in text[
        context.quote.close_end:lead]


def _reported_in_lead(context: _Context) -> bool:
    """Whether a cue before the quote, in its sentence, reports the clause it sits in: a
    strong verb, or any cue opening the sentence (not the tag of the quote before)."""
    opening = trim(context.text, *context.sentence)[0]
    return any((c.precision >= _OUTER_CUE_PRECISION and not c.participle or c.start == opening)
               and c != context.previous_cue for c in context.within(*context.before))


def _relay(context: _Context, cue: Cue, source: Mention | None) -> Mention | None:
    """``"...," she said, according to Reuters``: who relayed the quote."""
    if cue.prepositional:
        return None
    end = max(cue.end, source.end if source else cue.end)
    if context.after[0] <= end <= context.after[1]:
        return relay_in(context.text, end, context.after[1])
    opening = _ACCORDING_FIRST.match(context.text, context.sentence[0], cue.start)
    return relay_in(context.text, opening.start(), opening.end()) if opening else None


def _tag_source(context: _Context, lead: int, cue: Cue) -> Mention | None:
    text = context.text
    source = source_of(text, lead, cue, context.after[1], invert=True, previous=context.previous)
    if source is not None and source.form == "name" and lead < source.start < cue.start and (
            _WORDS_BEFORE_NAME.fullmatch(text, lead, source.start) or (
                _ROLE_BEFORE_NAME.fullmatch(text, lead, source.start)
                and text.startswith(",", source.end))):
        source = attrs.evolve(source, start=lead)  # ``the spokesman, Al Ito, said``
    if source is None or (source.start < cue.start and source.start != lead):
        source = tag_phrase(text, lead, cue.start) or inverted_phrase(
            text, cue, context.after[0], context.after[1])
    if source is None:
        return None
    if cue.start > source.end and text[source.end:cue.start].strip(" ,"):
        if not is_aside(text, source.end, cue.start):
            return None
    return source


def unknown_verb_tag(context: _Context) -> Found | None:
    """``"Q," he surmised.``: a tag whose verb the lexicon lacks, known by its place."""
    text = context.text
    if text[context.quote.content_end - 1:context.quote.content_end] not in _TAG_PUNCTUATION:
        return None
    lead = _tag_lead_end(text, *context.after)
    if text.find("ed", lead, context.after[1]) < 0:
        return None  # a cheap test first: each pattern's verb ends in ``ed`` there
    inverted = _PAST_FORM.match(text, lead, context.after[1])
    verb = inverted or _UNKNOWN_VERB.search(text, lead, min(context.after[1], lead + _TAG_REACH))
    if verb is None:
        return None
    cue = _unknown_verb_cue(verb)
    if inverted is not None:
        source = phrase_after(text, cue.end, context.after[1])
    else:
        source = source_before(text, lead, cue.start)
        if source is None or text[lead:source.start].strip():
            source = tag_phrase(text, lead, cue.start)
    if source is None:
        return None
    return Found(cue, source, *_direct_or_mixed(context), 0.5)


def quoted_as_saying(context: _Context) -> Found | None:
    """``The Post quoted X as saying: "Q"``: X speaks, the Post relays."""
    text = context.text
    if text.find("quoted", *context.before) < 0:  # a cheap test first: the lead holds it
        return None
    lead = _QUOTED_AS_LEAD.search(text, *context.before)
    if lead is None:
        return None
    speaker = tag_phrase(text, lead.start(1), lead.end(1))
    relay = tag_phrase(text, context.before[0], lead.start())
    if speaker is None:
        return None
    cue = Cue(lead.start(2), lead.end(2), lead.start(2), lead.end(2), "say", 0.9, False, "saying")
    return Found(cue, speaker, QuoteKind.DIRECT, _content(context), 0.75, relay)


def dash_tag(context: _Context) -> Found | None:
    """``"Q." ― Ana Ruiz``: a dash and a name after the quote close its line, the way
    vox pops, epigraphs and fact checks credit a quotation."""
    text = context.text
    after = context.quote.close_end  # past spaces, a match holds a line break or a dash
    while after < len(text) and text[after] in " \t\xa0":
        after += 1
    if after == len(text) or text[after] not in "\n―—–-":
        return None
    tag = _DASH_TAG.match(text, context.quote.close_end)
    if tag is None or not _DASH_TAG_END.match(text, tag.end()):
        return None
    source = tag_phrase(text, tag.start(2), tag.end(2))
    if source is None or source.form != "name":
        return None
    cue = Cue(tag.start(1), tag.end(1), tag.start(1), tag.end(1), tag.group(1), 0.5, True,
              tag.group(1))
    return Found(cue, source, QuoteKind.DIRECT, _content(context), 0.6)


def cue_before(context: _Context) -> Found | None:
    """``Smith said: "Q"`` / ``He told reporters, "Q"``: the tag right before the quote."""
    text = context.text
    cues = context.within(*context.before)
    if not cues:
        return None
    cue = cues[-1]
    lead_in = text[cue.end:context.quote.open_start]
    if not _is_lead_in(lead_in):
        return None
    direct = lead_in.rstrip().endswith((",", ":")) and not _THAT_CLAUSE.match(lead_in)
    start = context.before[0]
    if cue.participle and not text[start:cue.start].strip():
        start = context.sentence[0]
    source = source_of(text, start, cue, cue.end + len(lead_in), invert=direct,
                       previous=context.previous) or thing_relative_source(text, start, cue)
    if source is None:
        return None
    if direct:
        outer = _outer_report(context, cues, source)
        cue, source = outer or (cue, source)
        if outer is not None and _THAT_CLAUSE.match(text, cue.end, context.quote.open_start):
            return Found(cue, source, QuoteKind.MIXED, _clause_after(context, cue.end, cue), 0.75)
        return Found(cue, source, QuoteKind.DIRECT, _content(context), 0.85)
    if (cue.passive or cue.precision < _MIXED_MIN_PRECISION and _NEGATION.search(
            text, cue.start, cue.head_start)) and not _THAT_CLAUSE.match(lead_in):
        return None  # ``he was worried about "Q"``, ``won't agree to a "Q"``: no report of it
    cue, source = _outer_report(context, cues, source, _MIXED_MIN_PRECISION) or (cue, source)
    if not _opens_own_clause(text, [cue]) and any(
            c.precision >= _OUTER_CUE_PRECISION and not c.participle
            for c in cues[:cues.index(cue)]):
        return None
    return Found(cue, source, QuoteKind.MIXED, _clause_after(context, cue.end, cue), 0.75)


def _is_lead_in(words: str) -> bool:
    """Whether ``_LEAD_IN`` matches ``words``; more than ``_LEAD_IN_WORDS`` words are ruled
    out without the regex (split as ``\\s`` splits them, when no separator is there).

    >>> _is_lead_in(" on Monday that "), _is_lead_in(" to a crowd of a few hundred people in Ohio ")
    (True, False)
    """
    if len(words.split(None, _LEAD_IN_WORDS)) > _LEAD_IN_WORDS and not any(
            separator in words for separator in _SEPARATORS):
        return False
    return _LEAD_IN.match(words) is not None


def _outer_report(
    context: _Context, cues: list[Cue], source: Mention, precision: float = _OUTER_CUE_PRECISION
) -> tuple[Cue, Mention] | None:
    """``Lee said he responded: "Q"``: the outermost report over the last cue: each cue
    before it (of ``precision`` at least) whose reported clause, after an adjunct and
    ``that``, holds the subject of the one after it; with that cue's source."""
    text = context.text
    if cues[-1].participle:
        return None
    found = None
    for outer in reversed(cues[:-1]):
        if outer.precision < precision or outer.participle or outer.prepositional:
            continue
        if source.start <= outer.end or not _COMPLEMENT_SUBJECT.fullmatch(
                text, outer.end, source.start):
            break
        speaker = source_of(text, context.before[0], outer, outer.end, invert=False,
                            previous=context.previous)
        if speaker is None:
            break
        found, source = (outer, speaker), speaker
    return found


def colon_tag(context: _Context) -> Found | None:
    """``Philip Bump: "Q"``: a source introduced by a colon, with no verb."""
    text = context.text
    lead = _COLON_LEAD.search(text, *context.before)
    if lead is None:
        return None
    colon = lead.start()
    verb = _VERB_BEFORE_COLON.search(text, max(context.before[0], colon - _TAG_REACH), colon)
    if verb is not None:
        return _unknown_verb_before(context, verb)
    source = source_before(text, context.before[0], colon)
    if source is None or source.form == "pronoun" or source.end < colon - 1:
        return None
    source = with_conjuncts(text, context.before[0], source)
    preceding = text[context.before[0]:source.start].rstrip()
    if preceding and preceding[-1] not in "-–—,.([":
        return None
    cue = Cue(colon, colon + 1, colon, colon + 1, ":", 0.5, True, ":")
    return Found(cue, source, QuoteKind.DIRECT, _content(context), 0.6)


def unknown_verb_comma(context: _Context) -> Found | None:
    """``Clinton cracked, "Q"``: a person, then a verb the lexicon lacks, then a comma
    right before the quote."""
    text = context.text
    lead = COMMA_BEFORE.search(text, *context.before)
    if lead is None:
        return None
    verb = _VERB_BEFORE_COLON.search(text, max(context.before[0], lead.start() - _TAG_REACH),
                                     lead.start())
    if verb is None:
        return None
    source = source_before(text, context.before[0], verb.start(1))
    if source is None or source.form not in ("name", "pronoun") or (
            source.end < verb.start(1) - 1 or source.head in _NOT_SPEAKING_PRONOUNS):
        return None
    return Found(_unknown_verb_cue(verb), source, QuoteKind.DIRECT, _content(context), 0.5)


def colon_intro(context: _Context) -> Found | None:
    """``McConnell delivered a blunt message to Trump: "Q"``: a clause that opens with
    its subject and ends in a colon right before a quotation; the verb phrase, which the
    lexicon need not know, is the cue."""
    text = context.text
    lead = _COLON_LEAD.search(text, *context.before)
    if lead is None or not speech_like(text, context.quote):
        return None
    colon = lead.start()
    for opening in clause_openings(text, context.before[0], colon):
        source = source_after(text, opening, colon) or _subject_to_head(text, opening, colon)
        if source is None:
            continue
        verb = _past_aside(text, source.end, colon)
        words = WORD.findall(text, verb, colon)
        if not 1 <= len(words) <= _INTRO_VERB_WORDS or not words[0].islower() or (
                words[0] in CLAUSE_WORDS):
            return None
        cue = Cue(verb, colon, verb, verb + len(words[0]), words[0], 0.0, False, words[0])
        return Found(cue, source, QuoteKind.DIRECT, _content(context), 0.5)
    return None


def _subject_to_head(text: str, start: int, end: int) -> Mention | None:
    """``the county board issued``: the noun phrase opening ``text[start:end]`` up to its
    first source head followed by a lowercase word (the verb)."""
    words = list(itertools.islice(WORD.finditer(text, start, end), _INTRO_VERB_WORDS))
    for word, following in zip(words, words[1:]):
        if following.group()[0].islower() and following.group() not in _PHRASE_LINKS and (
                is_source_head(word.group())):
            return tag_phrase(text, start, word.end())
    return None


def _past_aside(text: str, position: int, limit: int) -> int:
    """Past an aside between commas right after a subject (``The campaign, in a Q&A,``)."""
    aside = _SUBJECT_ASIDE.match(text, position, limit)
    return trim(text, aside.end() if aside else position, limit)[0]


def _unknown_verb_cue(verb: regex.Match) -> Cue:
    """The cue of a verb the lexicon lacks, matched as group 1 of ``verb``: its own
    lemma, of no known precision."""
    form = verb.group(1).lower()
    return Cue(verb.start(1), verb.end(1), verb.start(1), verb.end(1), form, 0.0, False, form)


def _unknown_verb_before(context: _Context, verb: regex.Match) -> Found | None:
    """``the supporter retorted: "Q"``: a verb the lexicon lacks, before a colon."""
    text = context.text
    cue = _unknown_verb_cue(verb)
    source = source_before(text, context.before[0], cue.start)
    if source is None or source.end < cue.start - 1:
        clause = text.rfind(",", context.before[0], cue.start) + 1 or context.before[0]
        source = tag_phrase(text, clause, cue.start)
    if source is None:
        return None
    return Found(cue, source, QuoteKind.DIRECT, _content(context), 0.5)


def mixed_in_sentence(context: _Context) -> Found | None:
    """``Smith called it "a disaster"``: a quoted fragment in a reported clause."""
    text = context.text
    cues = context.within(context.before[0], context.quote.open_start)
    if context.previous_cue is not None:  # no cue equals None
        cues = [c for c in cues if c != context.previous_cue]
    if not cues:
        return None
    opening = [c for c in cues if _opens_own_clause(text, [c]) or _joined_verb(text, c)]
    strong = _main_clause_cue(text, cues, context.sentence[0]) or opening[-1:] or [
        c for c in cues if c.precision >= _OUTER_CUE_PRECISION and not c.participle][:1]
    for cue in reversed(cues):
        relative = relative_source(text, context.sentence[0], cue, comma=False)
        if relative is not None and cue.precision >= _MIXED_MIN_PRECISION:
            return Found(cue, relative, QuoteKind.MIXED, _clause_after(context, cue.end, cue), 0.6)
        if cue.precision >= _OUTER_CUE_PRECISION and not cue.participle:
            break  # ``X, who did not say that ..., said "Q"``: the main verb is nearer
    for cue in strong + list(reversed(cues)):
        if cue.precision < _MIXED_MIN_PRECISION:
            continue
        source = source_of(text, context.sentence[0], cue, context.quote.open_start,
                                invert=False, previous=context.previous)
        if source is not None:
            if opening and cue.end <= opening[-1].start:
                cue = opening[-1]  # ``as X echoed it, saying "Q"``: X's participle reports "Q"
            after = max(cue.end, source.end) if cue.prepositional else cue.end
            return Found(cue, source, QuoteKind.MIXED, _clause_after(context, after, cue), 0.6)
    return None


def _main_clause_cue(text: str, cues: list[Cue], start: int) -> list[Cue]:
    """``When Lee thanked them and said ..., a man yelled "Q"``: the last cue, when its
    subject comes right after a comma or a subordinator (``while Ruiz said``) and the cues
    before it sit in a clause before."""
    if len(cues) < 2 or cues[-1].participle or cues[-1].precision < _MIXED_MIN_PRECISION or any(
            c.prepositional for c in cues[:-1]):
        return []  # ``According to X, Y said "Q"``: X relays Y's clause
    subject = source_before(text, start, cues[-1].start)
    if subject is None or subject.end < cues[-1].start - 1 or subject.start <= cues[-2].end:
        return []
    subordinate = _SUBORDINATOR_BEFORE.search(text, cues[-2].end, subject.start)
    opens = COMMA_BEFORE.ends(text, cues[-2].end, subject.start) or (
        subordinate is not None and not _THAT_BEFORE.ends(text, cues[-2].end, subordinate.start()))
    return [cues[-1]] if opens else []  # not ``said that, because Lee testified that "Q"``


def _opens_own_clause(text: str, cues: list[Cue]) -> bool:
    """Whether the last cue is a participle after a comma (``praised it, saying ...``),
    which reports a clause of its own rather than sharing the outer cue's."""
    return bool(cues) and cues[-1].participle and COMMA_BEFORE.ends(text, 0, cues[-1].start)


def _joined_verb(text: str, cue: Cue) -> bool:
    """Whether ``cue`` is a verb joined by ``and``/``but`` to the one before
    (``praised the plan and called it ...``, ``..., but insisting that ...``), which
    reports a clause of its own."""
    return cue.precision >= _MIXED_MIN_PRECISION and bool(
        _JOINED_CUE.search(text, max(0, cue.start - _JOINED_REACH), cue.start))


def clause_then_tag(context: _Context) -> Found | None:
    """``The plan is "dead," Smith said.``: the tag closes the sentence later on."""
    text = context.text
    if context.after[1] != context.sentence[1]:
        return None
    for cue in context.within(context.quote.close_end, context.sentence[1]):
        source = source_of(text, context.quote.close_end, cue, context.sentence[1],
                                invert=True, previous=context.previous)
        if source is None:
            continue
        tag_start = min(source.start, cue.start)
        comma = text.rfind(",", context.quote.close_end, tag_start + 1)
        if comma < 0 or not _TAG_END.match(text[max(source.end, cue.end):context.sentence[1]]):
            continue
        start = context.sentence[0]
        return Found(cue, source, QuoteKind.MIXED, trim(text, start, comma), 0.6)
    return None


RULES: Sequence[Callable[[_Context], Found | None]] = (
    cue_after,
    dash_tag,
    unknown_verb_tag,
    quoted_as_saying,
    cue_before,
    colon_tag,
    unknown_verb_comma,
    colon_intro,
    clause_then_tag,
    mixed_in_sentence,
)
# The rules that find nothing for a quote with no text before it in its sentence, and
# those that find nothing with none after it: each reads that window, empty, first.
_READ_BEFORE = frozenset([quoted_as_saying, cue_before, colon_tag, unknown_verb_comma,
                          colon_intro, mixed_in_sentence])
_READ_AFTER = frozenset([cue_after, unknown_verb_tag, clause_then_tag])
# ``RULES`` for a quote with text before it or not, and after it or not, in that order:
_RULES_BY_SIDES = {
    (before, after): tuple(rule for rule in RULES if (before or rule not in _READ_BEFORE)
                           and (after or rule not in _READ_AFTER))
    for before in (False, True) for after in (False, True)
}


def _direct_or_mixed(context: _Context) -> tuple[QuoteKind, tuple[int, int]]:
    lead = context.text[context.before[0]:context.quote.open_start]
    introduced = lead.rstrip().endswith(",") and (
        len(WORD.findall(lead)) < _INTRODUCTION_WORDS or context.within(
            context.before[0], context.quote.open_start))
    if WORD.search(lead) is None or lead.rstrip().endswith(_SET_OFF) or introduced or is_dateline(
            context.text, context.before[0], context.quote.open_start):
        return QuoteKind.DIRECT, _content(context)
    return QuoteKind.MIXED, trim(context.text, context.sentence[0], context.quote.close_end)


def _content(context: _Context) -> tuple[int, int]:
    return quote_content(context.text, context.quote)


def quote_content(text: str, quote: QuoteMarks) -> tuple[int, int]:
    """The inside of a quote, without a comma the tag punctuation put there.

    >>> t = '"We won," she said.'
    >>> quote_content(t, layout_of(t).quotes[0])
    (1, 7)
    """
    start, end = trim(text, quote.content_start, quote.content_end)
    while end > start and text[end - 1] in ",;:—–- ":
        end -= 1
    return start, end


def _clause_after(context: _Context, position: int, cue: Cue) -> tuple[int, int]:
    """The mixed clause of ``cue`` from ``position``: past a leading comma, an adjunct
    and ``that``, or a hearer and ``that`` (``told reporters on Monday that``)."""
    start = trim(context.text, position, context.quote.close_end)[0]
    if context.text.startswith((",", ":"), start):
        start = trim(context.text, start + 1, context.quote.close_end)[0]
    pattern = _HEARER_THEN_THAT if cue.lemma in _HEARER_LEMMAS else _ADJUNCT_THEN_THAT
    that = pattern.match(context.text, start, context.quote.open_start)
    if that is not None and not context.within(start, that.start()):
        start = that.end()
    elif context.text.startswith("that ", start):
        start += 5
    return start, _clause_end(context.cues, context.quote, context.after[1])


def _clause_end(cues: CueIndex, quote: QuoteMarks, limit: int) -> int:
    text = cues.text
    if text[quote.content_end - 1:quote.content_end] == "," and (_BREAK_AFTER_COMMA.match(
            text, quote.close_end, limit) or _new_clause(cues, quote.close_end, limit)):
        return quote.close_end
    stop = _CLAUSE_BREAK.search(text, quote.close_end, limit)
    end = stop.start() if stop else limit
    if _JOINED_VERB.match(text, quote.close_end, end):
        return quote.close_end  # ``called the merger "a terrible deal" and ranked ...``
    for cue in cues.within(quote.close_end, end):
        joined = _JOINED_CUE.search(text, quote.close_end, cue.start) or _JOINED_CLAUSE.search(
            text, quote.close_end, cue.start)
        if joined is not None:
            end = joined.start()
            break
    return max(trim(text, quote.close_end, end)[1], quote.close_end)


def _new_clause(cues: CueIndex, start: int, limit: int) -> bool:
    """``..., a prosecutor said the cases differ``: a subject and its reporting verb right
    after ``start``, which open a clause of their own."""
    text = cues.text
    for cue in cues.within(start, limit)[:1]:
        if cue.precision >= _OUTER_CUE_PRECISION and not cue.participle:
            source = source_before(text, start, cue.start)
            return source is not None and not text[start:source.start].strip(" ,")
    return False


def _is_title_case(context: _Context) -> bool:
    words = WORD.findall(context.text, context.quote.content_start, context.quote.content_end)
    if not 0 < len(words) <= 6:
        return False  # most quotes: their long words need not be read
    return all(w[0].isupper() for w in words if len(w) > 3) and words[0][0].isupper()


def _is_title_or_name(context: _Context) -> bool:
    text = context.text
    quote = context.quote
    lead = text[max(context.sentence[0], quote.open_start - 30):quote.open_start]
    if _WORKS.search(lead):
        return True
    follows = text[quote.close_end:quote.close_end + 2]
    return bool(
        _CAPITALISED_NEIGHBOUR.search(lead)
        and follows[:1] == " "
        and follows[1:2].isupper()
        and len(text[quote.content_start:quote.content_end].split()) <= 3
    )


class _Slot(NamedTuple):
    """A quotation with its paragraph and the attribution a rule gave it, if any (a
    named tuple, cheaper to make than an attrs class: one is made per quotation)."""

    quote: QuoteMarks
    paragraph: int
    attribution: Attribution | None


def _fill_gaps(text: str, slots: list[_Slot]) -> list[Attribution]:
    filled: list[Attribution] = []
    for i, slot in enumerate(slots):
        attribution = slot.attribution
        if attribution is None and speech_like(text, slot.quote):
            attribution = _borrow(text, slots, i)
        if attribution is not None:
            filled.append(attribution)
    return filled


# The rules of ``_borrow``: a quote that takes the cue and source of a quote near it.
BORROWED_CUE_RULES = frozenset(["same_paragraph", "multi_paragraph", "next_paragraph"])


def _borrow(text: str, slots: list[_Slot], i: int) -> Attribution | None:
    slot = slots[i]
    for j in (i + 1, i - 1, i + 2, i - 2):
        if not 0 <= j < len(slots):
            continue
        other = slots[j].attribution
        if other is None or other.kind is QuoteKind.INDIRECT:
            continue
        if j > i and other.cue.end <= slots[j].quote.open_start:
            continue
        if slots[j].paragraph == slot.paragraph:
            rule = "same_paragraph"
        elif _linked(slots, min(i, j), max(i, j)):
            rule = "multi_paragraph"
        elif j == i - 1 and slots[j].paragraph == slot.paragraph - 1 and _alone_in_paragraph(
                text, slot.quote):
            rule = "next_paragraph"
        else:
            continue
        return Attribution(quote_content(text, slot.quote), QuoteKind.DIRECT, other.cue, other.source, rule, 0.6,
                           slot.paragraph)
    return None


def _alone_in_paragraph(text: str, quote: QuoteMarks) -> bool:
    """Whether the quotation is its paragraph's only text (a closing period aside)."""
    before = text[max(0, quote.open_start - _PARAGRAPH_EDGE):quote.open_start]
    after = text[quote.close_end:quote.close_end + _PARAGRAPH_EDGE]
    return (quote.open_start == 0 or "\n" in before and not before.rsplit("\n", 1)[1].strip()) and (
        not after.split("\n", 1)[0].strip(" ."))


def _linked(slots: list[_Slot], first: int, last: int) -> bool:
    return all(slots[k].quote.continued for k in range(first, last))


def speech_like(text: str, quote: QuoteMarks) -> bool:
    """A quote long enough to be speech, or a short whole sentence standing alone
    (``"He's an embarrassment."``).

    >>> t = 'He read "Ulysses" once. "He is wrong."'
    >>> [speech_like(t, q) for q in layout_of(t).quotes]
    [False, True]
    """
    inside = text[quote.content_start:quote.content_end]
    words = inside.split()
    if len(words) >= _SPEECH_LIKE_WORDS:
        return True
    return len(words) >= 2 and inside[:1].isupper() and inside.rstrip()[-1:] in ".!?" and (
        _starts_a_sentence(text, quote.open_start))


def _starts_a_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3):position].rstrip()
    return not before or before[-1] in ".!?\n\"”"
