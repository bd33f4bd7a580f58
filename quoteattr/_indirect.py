"""Reported speech without quotation marks: ``X said (that) ...``,
``..., X said.``, ``according to X, ...``, ``X said ..., adding that ...``.

Each sentence is read left to right; the first cue with a source opens an
attribution whose content runs to the end of the sentence, so cues inside
that content are left alone (only the outermost attribution is reported),
except a participle after a comma (``, adding that``), which opens the
next one. Direct quotes keep their own attribution; this stage reads the
rest of the text, and the inside of direct quotes for speech they report.

>>> t = "Putin noted that the war is over."
>>> [(t[a.content[0]:a.content[1]], a.rule) for a in attribute_indirect(t, [])]
[('the war is over', 'cue_then_clause')]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from typing import Callable, Iterable, Iterator, Sequence

import attrs
import regex

from quoteattr import _lexicons
from quoteattr._attribute import BORROWED_CUE_RULES, Attribution, quote_content, speech_like
from quoteattr._cues import Cue, CueIndex, reads_as_noun, widened_cue
from quoteattr._mentions import (
    CLAUSE_WORDS, Mention, is_source_head, phrase_head, source_after, source_before, tag_phrase,
)
from quoteattr._quotes import Layout, layout_of
from quoteattr._sources import (
    RELATIVE_REACH, STRONG_CUE, absolute_subject, according_source, clause_subject, is_dateline,
    is_finite_cue, modified_subject, phrase_after, quantifier_subject, relative_source,
    sentence_subject_before, source_of,
)
from quoteattr._stance import stance_lexicon
from quoteattr._text import (
    ASCII_LETTERS, COMMA_BEFORE, PLAIN_ASCII, WEEKDAY, WORD, Trailing, sentences, trim,
)
from quoteattr.model import QuoteKind

_MIN_PRECISION = 0.15
_MIN_PRECISION_WITH_THAT = 0.05
_QUOTED_OBJECT_PRECISION = 0.25
_MIN_CONTENT_WORDS = 2
_ANSWERS = frozenset(["yes", "no"])
_LEAD_REACH = 200
_NESTED_MIN_PRECISION = 0.5
_QUOTING = "quote"  # the lemma of ``quoted X as saying``
_CALLED = "called"  # the form of a cue that may name a thing (``a company called Acme``)
_ASKING = "ask"  # the lemma of ``was asked whether``
_NESTING_DEPTH = 3
_COORDINATED_MIN_PRECISION = 0.5
_JOINED = Trailing(r"(?:,?\s(and|but)|,)\s+(?:(\p{Ll}+)\s+)?$")
_JOINED_PRONOUNS = frozenset(["he", "she", "they"])
_GERUND = regex.compile(r"\p{Ll}+ing\b")
# Matched backwards from the cue, so its work does not grow with the clause before it.
_AND_BEFORE = Trailing(r",?\s+(?:and|but)\s+(?:[\p{L}\p{N}’'-]+\s+){0,5}$")
_TAG_WORDS = 8
_THAT_REACH = 100
_CONTENT_REACH = 1500
_DASH_ASIDE_AFTER = regex.compile(
    r"\s*(?:--|[—–])[^—–\-\"“”]{1,80}?(?:--|[—–])(?=\s+that\b)")
_HEADLINE_WORDS = 20
# Plain characters only: the standard library's re matches them alike, at half the cost.
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_HEADLINE_SOURCE_WORDS = 4
_CLAUSE_VERBS = frozenset(
    "say argue insist contend warn predict acknowledge complain note maintain allege suggest "
    "add claim".split())
_HEARER_VERBS = frozenset(
    "tell inform assure remind warn promise notify brief ask urge caution advise".split()
)
_FIRST_PERSON = frozenset(["i", "we", "you", "me", "us"])
_WRITER = frozenset(["i", "we"])
_OBJECT_PRONOUNS = frozenset(["them", "him", "whom"])
_THAT_AFTER = regex.compile(
    r"(?:\s*,\s*(?:however|though|too|also|in\s+fact|moreover|of\s+course)\s*,)?"
    r"(?:(?!\s+(?:before|after|while)\s+\p{Ll}+ing\b)"
    r"\s+(?:on|in|at|during|after|before|last|this|earlier|later|to|with|from|for|by|over|"
    rf"about|while|when|{WEEKDAY})\b(?:(?!,\s*\p{{Ll}}+ing\b|\s+but\s)[^.;:!?]){{0,90}}?)?"
    r"(?:\s+\p{Ll}+ly)?,?\s+that\s+"
)
_THAT = "that"  # the word every match of _THAT_AFTER ends with
# The hearer before ``that`` holds no question word (``asked Lee whether that would``):
_HEARER_THAT = regex.compile(
    r"(?:\s+(?!(?:whether|if|what|why|how|who|whom|when|where|which)\b)[\p{L}\p{N}’'.-]+){1,12}?"
    r",?\s+that\s+")
_LEADING_THAT = regex.compile(r"\s*(?:,\s*)?that\s+")
_CONTENT_STOP = regex.compile(  # the lookahead rules out most positions at once
    r"(?=[,;\s])(?:,\s+(?:according\s+to\b|compared\s+(?:with|to)\b|\p{Ll}+ing\s+that\b|adding\b|"
    r"saying\b|noting\b|explaining\b|"
    r"but\b(?!\s+(?:also\s+)?that\b)|yet\b|while\b|although\b|though\b|whereas\b|which\b|however\b|"
    r"even\s+(?:as|though)\b|"
    r"as\s+(?!(?:well|of|a|an|the|much|many|long|soon|far|part)\b)\p{Ll}+\b)|;|"
    r"\s[—–]\s+(?=(?:and|but|while|whereas|although|though|yet|which|even)\b)|"
    r",?\s+when\s+asked\b|,\s+and\s+(?:he|she|they)\b|"
    # ``, and Lee has ...``, ``, and the city sued``, ``, and pushed to ...``: a clause or
    # verb phrase of its own joined to the content, which ends before it.
    r",\s+and\s+(?:(?:(?:the|a|an|his|her|their|its|most|many|some|both)\s+(?:[\p{L}-]+\s+){0,3}"
    r"|(?:\p{Lu}[\p{L}.’'-]*\s+){1,4})(?:\p{Ll}+ly\s+)?"
    r"(?:has|have|had|is|are|was|were|will|would|said|says|\p{Ll}+ed)\b"
    r"|(?:\p{Ll}+ly\s+)?\p{Ll}{3,}ed\s+(?!by\b))|"
    # ``said A and others have said B``: a second report of its own, even without a comma.
    r"\sand\s+(?:(?:the|a|an|his|her|their|its|most|many|some|both|one\s+in\s+\w+)\s+"
    r"(?:[\p{L}-]+\s+){0,3}|(?:\p{Lu}[\p{L}.’'-]*\s+){1,4}|others\s+)"
    r"(?:have\s+|has\s+|also\s+)?(?:said|say|says)\b)"
)
# Where a match of _CONTENT_STOP may start: a semicolon, a comma before white space, or
# white space before a dash, white space, ``and`` or ``when``. Plain characters, as
# _LINE_END; the standard library's \s takes in every character regex's \s does.
_CONTENT_STOP_START = re.compile(r";|,\s|\s(?=[—–\s]|and|when)")
_TAG_TAIL = regex.compile(
    r"\s*(?:(?:on|in|at|during|after|before|last|this|earlier|later|late|early|recently|"
    r"yesterday|today|"
    rf"tonight|told|to|of|from|with|via|through|when|while|as|{WEEKDAY})\b[^,;:\"“”]{{0,80}}?)?"
    r"(?:,\s*(?:as|while|when|after|before|because|since|though|although)\b[^;:\"“”]{0,200}?)?"
    r"[.!?]?\s*$",
    regex.IGNORECASE,
)
_HEARER_TAIL = regex.compile(r"\s*[^,;:\"“”]{0,80}?[.!?]?\s*$")
_APPOSITIVE_TAIL = regex.compile(r"\s*,\s*[^;:\"“”]{1,160}?[.!?]?\s*$")
_INTERRUPTED = regex.compile(
    r"(?:\s+(?:in|on|at|during|last|this|earlier|later)\b[^,;:\"“”]{0,60})?"
    r"\s*,\s*(?:and\s+)?(?=\p{Ll})")
_HEARER_BEFORE_COMMA = regex.compile(r"(?:\s+[\p{L}\p{N}’'.-]+){1,4}?(?=\s*,)")
_PARTICIPLE_AFTER_COMMA = regex.compile(r"(?:\s*,\s*|\s+(?:before|after|while)\s+)(\p{Ll}+ing)\b")
_NO_PARTICIPLE_OPENING = PLAIN_ASCII - {","}
_PARTICIPLE = regex.compile(r"(?:\p{Ll}+ing|although|though|while|but|and|which|who|an?|the)\b")
_NO_NP_LEAD = PLAIN_ASCII - frozenset("tTaAoO")  # no first letter of _NP_LEAD's words
_NP_LEAD = regex.compile(r"\s*(?:the|a|an|this|that|one)\s+((?:[\p{Ll}’'-]+\s+){0,3})",
                         regex.IGNORECASE)
_LIST_HEAD = r"\s*(?:\p{Lu}|\d)[\p{L}\p{N}%’'.-]*(?:\s+[\p{L}\p{N}%’'.-]+){0,6}"
# Has no comma, so unlike _LIST_SUBJECT it is not preceded by a scan for one.
_LIST_SUBJECT_HEAD = regex.compile(_LIST_HEAD)
_LIST_SUBJECT = regex.compile(
    _LIST_HEAD +
    r"(?:,\s+\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)*){1,4},?\s+(?:and|or)\s+"
    r"\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)*\s+"
)
_QUOTED_AS = regex.compile(r"\s+([^,.;:]{1,60}?)\s+as\s+(saying)\s*(?:,\s*)?(?:that\s+)?")
_ONLY_TIME = regex.compile(
    r"(?:(?:on|in|at|during|by|last|this|early|late|earlier|later)\s+)*(?:the\s+)?"
    rf"(?:{WEEKDAY}|yesterday|today|tonight|week|weekend|month|"
    r"year|morning|afternoon|evening|night|\p{Lu}\p{Ll}+\s+\d{1,2}|\d{4})"
    r"(?:\s+(?:morning|afternoon|evening|night))?",
    regex.IGNORECASE,
)
_TIME_LAST = "yYtTkKdDhHrRgGnN0123456789"  # the last characters of _ONLY_TIME's matches
_TIME_OPENINGS = frozenset("oOlLtT")  # the first letters of _LEADING_TIME's first words
_LEADING_TIME = regex.compile(
    rf"(?:on|last|this)\s+(?:{WEEKDAY}|week|weekend|month|year)"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?",
    regex.IGNORECASE,
)
_LEAD = ("and", "but", "so", "yet", "still", "also", "meanwhile", "however", "now", "then",
         "instead", "indeed", "later", "earlier", "separately", "again", "previously",
         "similarly", "likewise", "finally")
_LEAD_WORDS = regex.compile(rf"(?:\s*(?:{'|'.join(_LEAD)})\b,?)+\s*", regex.IGNORECASE)
_LONGEST_LEAD = max(map(len, _LEAD))
_SUBORDINATE = Trailing(
    r"(?:(?<!\S)|[,;—–])\s*(?:after|when|while|as|because|since|although|though|before|if|until|"
    r"whereas|once|where)\s*$",
    regex.IGNORECASE,
    last="rnesfhlRNESFHL",
)
_VERB_FIRST = regex.compile(
    r"(?:was|were|is|are|has|have|had|will|would|could|can|should|did|does|do|may|might|must)\b"
)
_VERB_FIRST_OPENINGS = frozenset("wiahcsdm")  # the first letters of _VERB_FIRST's words
_ADJUNCT_FIRST = regex.compile(
    rf"(?:in|at|during|with|from|before|under|by|for|and|himself|herself|themselves|"
    rf"itself|{WEEKDAY}|to\s+(?:the|a|an|his|her|their|its|our|my|reporters|voters|"
    r"supporters)|(?:as|while|because|since|although|though)\s+(?:he|she|they|it|we|i)\b)\s|"
    rf"(?i:{WEEKDAY}|yesterday|today|tonight),")
_QUESTION_WORD = regex.compile(r"\s+(?:whether|if|what|why|how|who|whom|when|where|which)\b")
_BY_ASKER = regex.compile(r"\s+by\s+([^,;:\"“”]{1,80}?)(?=\s+(?:about|whether|if|what|why|how|who|when|where|which)\b)")
_QUESTION = regex.compile(
    r"(?:\s+(?:on|at|in|during)\s+[^,;:\"“”]{1,60}?|"
    rf"\s+(?:(?i:{WEEKDAY})|yesterday|today|again|later|repeatedly|\p{{Ll}}+ly))?"
    r"\s+(?=(?:about|whether|if|what|why|how|who|whom|when|where|which)\b)(\S)"
)
_PASSIVE_BEFORE = regex.compile(r"\b(?:is|was|are|were|be|been|being|get|gets|got)\s+(?:\p{L}+\s+)?$",
                             regex.IGNORECASE)
_RELATIVE_OBJECT = Trailing(r"\b(?:which|that)\s+(?:even\s+)?$", last="htn")
# ``what he said were failures``: ``what``, the subject of the verb opening the content:
_SUBJECT_RELATIVE = Trailing(r"\b(?:which|that|what)\s+(?:even\s+)?$", last="htn")
_COORDINATE_END = Trailing(r"[,;]\s*(?:and|but|so|yet)\s+$", last="dto")
_AND_END = Trailing(r"\sand\s+((?:(?:the|a|an|his|her|their|its)\s+)?(?:[\p{Ll}-]+\s+){0,2})$")
_JOINED_CLAUSE_WORDS = 2
_JOINED_MIN_PRECISION = 0.3
_MODIFIED_WORDS = 16
# A noun phrase opening a clause, its head followed by a modifier: not led by a
# preposition, conjunction, pronoun or participle (``With the number of people ...``).
_MODIFIED_HEAD = regex.compile(
    r"(?!(?:with|within|in|on|at|after|before|during|for|from|among|even|though|although|"
    r"while|when|if|as|since|because|unless|until|by|to|of|it|it's|this|that|these|those|"
    r"there|here|he|she|they|we|i|you|what|which|who|how|why|where|take|let|last|next|"
    r"making|given|despite|like|unlike|but|and|or|so|yet|according|\p{Ll}+ing)\b)"
    r"(?:[\p{L}’'-]+\s+)+?(\p{L}+)\s+"
    r"(?:in|of|at|from|across|on|with|for|over|by|who|that|I|we|\p{Ll}+ing|\p{Ll}+ed)\s",
    regex.IGNORECASE)
# Marks, an auxiliary or copula (a clause of its own), or a relative ending the subject.
_NOT_A_MODIFIED_HEAD = regex.compile(
    r"[;:\"“”()—–]|''|\s-\s|\b(?:is|are|was|were|has|have|had|be|been|will|would|can|could|"
    r"should|may|might|must|does|did|isn't|wasn't)\b|"
    r"\b(?:who|that|which|whose)\s+(?:\p{Ll}+ly\s+)?$",
    regex.IGNORECASE)
# ``speak`` and ``talk`` report a topic only: ``spoke (briefly) about|of X``, ``spoke out``,
# ``talked to reporters about X``; not ``spoke Monday night``, ``spoke Hebrew``.
_TOPIC_VERBS = frozenset(["speak", "talk"])
_TOPIC = regex.compile(r"(?:\p{Ll}+ly\s+)?(?:about|of|out|on\s+behalf)\b|to\s+[^,.;:]{1,40}?\s+about\b")
_HEADLINE_DASH = regex.compile(r"\s+[—–]\s+|\s+-\s+")
_HEADLINE_COLON = regex.compile(r":\s+")
_SPEAKER_LABEL = regex.compile(r"(\p{Lu}[\p{Lu}’'.-]+(?:[ \t]+\p{Lu}[\p{Lu}’'.-]+){0,2}):[ \t]+")
_INTRO_END = Trailing(r"(?:[,;:](?:[”\"’]|'')?|\s(?:--?|[—–]))\s*$", last=",;:\"'-")
_DASH_BEFORE = Trailing(r"\s(?:--?|[—–])\s*$", last="-")
_QUOTE_MARK = re.compile("[\"“”«»„]")  # plain characters, as _LINE_END
_END_PUNCTUATION = ".!?…;:,"
_CONJUNCTIONS = ("and", "but", "or")
_DANGLING_CONJUNCTION = regex.compile(rf"[\s,]+(?:{'|'.join(_CONJUNCTIONS)})$")
_SOURCELESS = regex.compile(
    r"\b(?:((?:seem|appear)(?=s?\b|ed\b))|(expect(?=ed\b)))(\p{Ll}*)\s+to\s+"
    r"(?!(?:the|a|an|his|her|their|its|our|my|this|that|these|those|reporters|voters)\b)\p{Ll}"
)
_SOURCELESS_END = regex.compile(r",\s|\s[—–-]\s")
_AS_TAG = regex.compile(r"\s*(?:just\s+)?as\s+")
_CLOSING_MARKS = "”\"’'"
_NEGATED = regex.compile(r"n[’']t\b|\b(?:not|never|no)\b")
_SOURCELESS_VERBS = ("seem", "appear", "expect")  # every match of _SOURCELESS starts with one
_BE_BEFORE = Trailing(
    r"\b(?:is|are|was|were|be|been|being)(?:\s+(?:widely|also|still|now|generally|\p{Ll}+ly))?\s+$"
)
_BE_REACH = 30
_GAP_BEFORE_QUOTE = 4
_STANCE_PRECISION = 0.75
_MODIFIER_WORDS = regex.compile(r"\s*(?:\p{L}[\p{L}-]*(?:[’']s)?\s+){1,3}")
_SENTENCE_END = frozenset(".!?\"”’'")
_COMPLEMENT = {
    "to": regex.compile(r"\s+(?=to\s+\p{Ll})"),
    "object": regex.compile(r"\s+(?!(?:by|in|at|on|for|to|with|from|after|before|during|as|and|"
                            r"but|or|that|which|who|her|himself|herself|off|up|down|out|away|ahead|back|through|"
                            r"among|than|is|are|was|were|has|have|had|remains)\b)"
                            r"(?=[\p{L}\d“\"‘'])"),
    "as": regex.compile(r"\s+(?=[\p{L}\d][^,;:.!?\"“”]{0,80}?\s+as\s+[\p{L}\d“\"‘'])"),
}
_NAME_ONLY = regex.compile(r"\p{Lu}\p{Ll}+")
# A stance whose object follows a preposition: ``voted against``, ``sided with``.
_STANCE_PREPOSITIONS = frozenset(["for", "against", "with", "on"])
_STANCE_PREPOSITION = regex.compile(rf"\s+({'|'.join(sorted(_STANCE_PREPOSITIONS))})\b",
                                    regex.IGNORECASE)
# An object pronoun alone, before what no noun it could own is: ``endorsed her last week``.
_OBJECT_PRONOUN = regex.compile(
    r"\s+((?:him|them|it|her)\b)(?=\s*(?:[^\p{L}\s]|$|(?:in|on|at|over|to|with|from|after|"
    r"before|during|when|and|but|or|last|this|next|because|despite|while|since|again)\b))")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_STANCE_STOP = regex.compile(
    r",(?![”\"’'])|\s+(?:because|despite|after|before|while|during|since|and\s+\p{Ll}+(?:ed|s))\b"
    rf"|\s+(?:(?:on|last|this|next|early|late)\s+)?(?:{WEEKDAY}|week|month|year|night|morning)\b"
    rf"|\s+in\s+(?:(?:early|late|mid)[\s-]*)?(?:{_MONTH}|\d{{4}})\b"
    r"|\s+for\s+(?:an?|\d+|several|two|three|many)\s+(?:hours?|minutes?|days?|weeks?|months?|years?)\b"
    r"|\s+(?:on|via)\s+(?:Twitter|Facebook|Instagram|television|TV|radio)\b"
    r"|\s+at\s+(?:a|an|the|his|her|their)\s+(?:[\p{L}-]+\s+)?(?:news\s+conference|"
    r"press\s+conference|rally|event|debate|town\s+hall|speech|interview|meeting)\b",
    regex.IGNORECASE,
)
_ASKED_OPENING = Trailing(r"(?:\b(?:when|after|once|while|before|until|if)|[,;:—–])\s*$",
                          regex.IGNORECASE)
_SOURCELESS_PRECISION = 0.7
_WHO = regex.compile(r"\swho(?:se)?\s")
_RELATIVE_STOP = regex.compile(r"[,;:()\"“”—–]|[.!?]\s|\b(?:who|said|says|say|told)\b")
# The relative clause is whole: its verb is not the cue's auxiliary or joined to the cue.
_AUXILIARIES = frozenset(
    "is are was were be been has have had will would can could may might must should shall do "
    "does did not never also".split())
_OPEN_RELATIVE = Trailing(r"\s(?:and|or|but|can|could|will|would|may|might|must|should|shall|to|"
                          r"did|does|do|has|have|had)\s*$")
_RELATIVE_WORDS = 15
_QUANTITY = regex.compile(
    r"(?:(?:just|only|about|nearly|almost|roughly|around|some|over|under|"
    r"(?:more|fewer|less)\s+than)\s+)*"
    r"(?:\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|of|out\s+of)\s+(?:\d+|ten)\b"
    r"|(?:a\s+|the\s+)?(?:half|third|quarter|majority|minority|plurality)\b"
    r"|(?:two|three)-(?:thirds|quarters|fifths)\b"
    r"|majorities\b|most\b|all\b|many\b|none\b|both\b|each\b|several\b)",
    regex.IGNORECASE)
_SHARE_OF = regex.compile(r"(?:\s+[\p{L}\p{N}][\p{L}\p{M}\p{N}’'.%&-]*)*")
_SHARE_WORDS = 12
_SHARE_LINKS = frozenset("of in on at from for with across and overall".split())
_SHARE_PRONOUNS = frozenset("them us those these their his her its our".split())
_CLOSING_TAIL_WORDS = 4
_NAME_AFTER = regex.compile(r"\s+(?:\p{Lu}|[\"“'‘])")
_INDEFINITE_BEFORE = Trailing(r"(?<!\S)(?:a|an)\s+(?:[\p{L}’'-]+\s+){0,4}$", regex.IGNORECASE)
_AND_JOINT = regex.compile(r"\s+and\s+$")
_JOINT_REACH = 8
_WHO_BEFORE = Trailing(r"(?<=\s)(who)\s+(?:\p{Ll}+\s+){0,2}$")
_THOSE = regex.compile(r"those", regex.IGNORECASE)
_WORD_START = regex.compile(r"(?<![\p{L}\p{N}])[\p{L}\p{N}]")
_FRONTED = regex.compile(r"\s*(?:(?:since|after|before|while|when|upon|in)\s+)?", regex.IGNORECASE)
_WITH_SHARE = Trailing(r"\b(with\s+)[^,;:.!?\"“”()]{1,70}?\s*$", regex.IGNORECASE)
_SURNAME = regex.compile(r"(?!(?:Having|Being)\b)\p{Lu}\p{Ll}+(?:ly|ing)")  # not ``Having said``
_CLAUSE_MARKS = (" - ", " — ", " – ", "--", ";", ":")
_OPEN_END = Trailing(r"(?<!\S)(?:that|which|who|whom|whose|and|or|but|of|to|the|a|an)\s*$",
                     regex.IGNORECASE)
# After the comma closing the tag, not a participle, relative or adjunct of the tag's own.
_COMMA_AFTER_TAG = regex.compile(
    r"(?>\s*,\s*)(?!\p{Ll}+ing\b|(?:who|which|on|in|at|during|after|before|to|with|for|from|by)\b)")
_COORDINATION_AFTER = regex.compile(r"\s*(?:;|,?\s+(?:but|yet|while|whereas)\b)")
# An attitude noun (``attitude_nouns.txt``), after up to two degree words (``no sign of``),
# and a preposition.
_DEGREE_WORDS = frozenset(
    "no little limited some strong broad full growing great deep qualified tepid renewed "
    "continued cautious".split())
_ATTITUDE = regex.compile(
    rf"(?i:(?:{'|'.join(sorted(_DEGREE_WORDS))})\s+){{0,2}}(\p{{L}}+)\s+"
    r"(?i:for|of|about|in|over|with|toward|towards|on|at)\s+(?=\S)")
# A fronted adjunct or subordinate clause, which a comma parts from the clause's subject.
_ADJUNCT_OPENING = regex.compile(
    r"(?:despite|though|although|as|after|before|when|while|since|because|if|among|in|on|with|"
    r"for|at|during|unlike|like|by|from|under|until|once)\b", regex.IGNORECASE)
_PRONOUN_SUBJECT = Trailing(r"(?<!\S)(he|she|it|they|we|that|which|who)\s+(?:\p{Ll}+\s+){0,2}$",
                            regex.IGNORECASE)


class _Sentence:
    """A sentence (or a part of one) that the rules read: ``text[start:end]``, with the
    cue index of the text. Made for every sentence and read by every rule, so a plain
    class with the text at hand, cheaper than an attrs one."""

    __slots__ = ("cues", "text", "start", "end", "paragraph", "nested")

    def __init__(self, cues: CueIndex, start: int, end: int, paragraph: int,
                 nested: bool) -> None:
        self.cues = cues
        self.text = cues.text
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.nested = nested

    def between(self, start: int, end: int) -> _Sentence:
        """The part of this sentence from ``start`` to ``end``."""
        return _Sentence(self.cues, start, end, self.paragraph, self.nested)


def attribute_indirect(
    text: str, direct: Sequence[Attribution], layout: Layout | None = None
) -> list[Attribution]:
    """Attribute the reported speech of ``text`` that carries no quotation marks.

    ``direct`` holds the attributions of quotes already found; their cues,
    sources and contents are not read again, except the inside of direct
    quotes, where speech reported by the speaker is looked for.

    >>> t = "The war is over, the minister said."
    >>> a = attribute_indirect(t, [])[0]
    >>> t[a.content[0]:a.content[1]], t[a.cue.start:a.cue.end], a.rule
    ('The war is over', 'said', 'clause_then_tag')
    """
    extents = sorted((_extent(a), index) for index, a in enumerate(direct))  # ties: in order
    by_extent = [direct[index] for _, index in extents]
    taken = [extent for extent, _ in extents]
    layout = layout or layout_of(text)
    quotes = layout.outermost
    found: list[Attribution] = []
    cues = layout.cues
    for paragraph, spans in enumerate(layout.sentences):
        for start, end in spans:
            if not _covered(taken, start, end):
                found.extend(_plain_sentence(cues, start, end, paragraph))
                continue
            sentence = _Sentence(cues, start, end, paragraph, False)
            first = bisect.bisect_left(taken, (start, start))
            last = bisect.bisect_left(taken, (end, end))
            found.extend(_before_tags(sentence, by_extent[first:last]))
            found.extend(_after_tags(sentence, by_extent[first:last], taken[first:last]))
    for attribution in direct:
        if attribution.kind is QuoteKind.DIRECT:
            for start, end in sentences(cues.text, attribution.content):
                inner = _named_within(cues, start, end, attribution.paragraph)
                if inner:  # most sentences of quotes keep none
                    found.extend(inner + _nested_reports(cues, inner, _NESTING_DEPTH - 1))
    found += _sourceless(layout, sorted(taken + [_extent(a) for a in found]))
    found += _stances(layout, sorted(part for a in [*direct, *found] for part in _read_parts(a)))
    found += _after_reported(layout, taken, found)
    direct_spans = sorted(d.content for d in direct if d.kind is QuoteKind.DIRECT)
    found += _nested_reports(cues, [a for a in found if a.kind is QuoteKind.INDIRECT and
                                    not _within(direct_spans, a.content)], _NESTING_DEPTH)
    marks = [(q.open_start, q.close_end) for q in quotes]
    openings = [q.content_start for q in layout.quotes]
    return [_with_quotation_kind(a, openings) for a in found
            if not _cuts_a_quotation(marks, a.content)]


def _with_quotation_kind(attribution: Attribution, openings: list[int]) -> Attribution:
    """Reported speech holding a quotation is mixed, whatever marks the quotation uses
    (``‘...’``, ``''...''``)."""
    if attribution.kind is not QuoteKind.INDIRECT:
        return attribution
    start, end = attribution.content
    index = bisect.bisect_right(openings, start)
    if index < len(openings) and openings[index] < end:
        return attrs.evolve(attribution, kind=QuoteKind.MIXED)
    return attribution


def _after_reported(
    layout: Layout, taken: list[tuple[int, int]], found: list[Attribution]
) -> list[Attribution]:
    """``Lee promised that she would stay. "We are in till the last ballot."``: a quote
    with no tag of its own, right after reported speech in the same paragraph, continues
    that speaker, through the same cue.

    >>> t = 'Lee promised that she would stay. "We are in it till the last ballot."'
    >>> a = attribute_indirect(t, [])[-1]
    >>> t[a.content[0]:a.content[1]], a.rule
    ('We are in it till the last ballot.', 'after_reported')
    """
    text = layout.cues.text
    reports = sorted((a.content[1], i) for i, a in enumerate(found) if _carries_on(a))
    ends = [end for end, _ in reports]
    continued = []
    for quote in layout.outermost:
        index = bisect.bisect_right(ends, quote.open_start) - 1
        if index < 0 or _covered(taken, quote.open_start, quote.close_end):
            continue
        report = found[reports[index][1]]
        gap = quote.open_start - report.content[1]
        if gap > _GAP_BEFORE_QUOTE or text[report.content[1]:quote.open_start].strip(" .!?") or (
                not speech_like(text, quote)):
            continue
        continued.append(Attribution(quote_content(text, quote), QuoteKind.DIRECT, report.cue,
                                     report.source, "after_reported", 0.5, report.paragraph))
    return continued


def _carries_on(attribution: Attribution) -> bool:
    """Whether a quote after this reported speech may continue it: a named source, a strong cue."""
    cue = attribution.cue
    return attribution.source is not None and cue is not None and cue.precision >= STRONG_CUE


def _sourceless(layout: Layout, taken: list[tuple[int, int]]) -> list[Attribution]:
    """``The bill is expected to pass``, ``Trump appears to be gaining``: a belief that
    the text states without saying whose it is. The content is the clause around the
    cue; there is no source.

    >>> t = "Turnout is expected to rise in May."
    >>> a = _sourceless(layout_of(t), [])[0]
    >>> t[a.content[0]:a.content[1]], t[a.cue.start:a.cue.end], a.source
    ('Turnout is expected to rise in May', 'is expected', None)
    """
    text = layout.cues.text
    quoted = layout.quoted_spans()
    found: list[Attribution] = []
    for match in _sourceless_matches(text):
        verb_start = match.start(1) if match.group(1) else match.start(2)
        be = _BE_BEFORE.search(text, max(0, verb_start - _BE_REACH), verb_start)
        if match.group(2) and be is None:
            continue
        cue_start = be.start() if match.group(2) else verb_start
        sentence = _sentence_at(layout, quoted, cue_start)
        if sentence is None or _covered(taken, cue_start, match.end()):
            continue
        if found and found[-1].content[1] > sentence[0]:
            if cue_start < found[-1].content[1]:
                continue
            sentence = (found[-1].content[1], *sentence[1:])
        content = _clause_around(text, sentence, cue_start, match.end())
        if content is None:
            continue
        lemma = (match.group(1) or match.group(2)).lower().replace("expected", "expect")
        cue = Cue(cue_start, match.end(3), verb_start, match.end(3), lemma,
                  _SOURCELESS_PRECISION, False, match.group(3).lower(), be is not None, be is not None)
        found.append(Attribution(content, QuoteKind.INDIRECT, cue, None, "sourceless", 0.5,
                                 sentence[2]))
    return found


def _sourceless_matches(text: str) -> Iterator[regex.Match]:
    """``_SOURCELESS.finditer(text)``, tried only where one of its verbs starts (found
    with ``str.find``, much faster than a scan with the whole pattern)."""
    return _matches_at(_SOURCELESS, text, sorted(_occurrences(text, _SOURCELESS_VERBS)))


def _matches_at(pattern: regex.Pattern, text: str, starts: Iterable[int]) -> Iterator[regex.Match]:
    """``pattern.finditer(text)``, tried only at ``starts``, in order: every match of
    ``pattern`` starts at one of them."""
    end = 0
    for start in starts:
        match = pattern.match(text, start) if start >= end else None
        if match is not None:
            end = match.end()
            yield match


def _occurrences(text: str, words: Iterable[str]) -> Iterator[int]:
    """Every place where one of ``words`` occurs in ``text``."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            yield at
            at = text.find(word, at + 1)


def _stances(layout: Layout, taken: list[tuple[int, int]]) -> list[Attribution]:
    """``Lee declined to comment``, ``Lee endorsed Ruiz``: a stance, refusal or intention
    (``stance_verbs.txt``), whose content is the verb's complement and whose source is
    the subject opening the clause, or ``who``. ``taken`` holds the contents and cues of
    the attributions already found, which a stance's cue and content stay out of.

    >>> t = "Mayor Ann Lee declined to comment on the plan."
    >>> a = _stances(layout_of(t), [])[0]
    >>> t[a.content[0]:a.content[1]], t[a.cue.start:a.cue.end], t[a.source.start:a.source.end]
    ('to comment on the plan', 'declined', 'Mayor Ann Lee')
    """
    text = layout.cues.text
    quoted = layout.quoted_spans()
    verbs = _lexicons.stance_verbs()
    found: list[Attribution] = []
    for match in _stance_matches(layout.cues):
        start, end = match.span()
        if found and start < found[-1].content[1] or text[start - 1:start] == "-":
            continue
        form = match.group().lower()
        lemma, complement = verbs[form]
        at = _sentence_at(layout, quoted, start)
        if at is None or text[at[1] - 1] not in _SENTENCE_END or _covered(
                taken, start, end) or _passive(text, start, form):
            continue
        if complement != "to" and reads_as_noun(text, at[0], start, end, lemma):
            continue  # ``her support among``; but ``Lee's plans to`` is her intention
        content = _stance_content(text, complement, end, at[1])
        if content is not None and _covered(taken, *content):
            content = _before_taken(text, taken, content)
        if content is None:
            continue
        sentence = _Sentence(layout.cues, at[0], at[1], at[2], False)
        cue = widened_cue(text, at[0], start, end, lemma, _STANCE_PRECISION)
        source = _subject_of(sentence, cue, None) or relative_source(
            text, sentence.start, cue, comma=True) or relative_source(
            text, sentence.start, cue, comma=False)
        if source is not None:
            found.append(_attribution(sentence, content, cue, source, "stance", 0.5))
    return found


def _before_taken(
    text: str, taken: list[tuple[int, int]], content: tuple[int, int]
) -> tuple[int, int] | None:
    """``content`` cut at the last comma or semicolon before the first part of another
    attribution in it (``declined to name them, nor did he say that ...``), or ``None``
    when no such mark outside a quotation parts the two or too little is left."""
    index = bisect.bisect_right(taken, (content[0], content[0]))
    first = min([part[0] for part in taken[max(0, index - 1):] if part[1] > content[0]]
                + [content[1]])
    mark = max(text.rfind(",", content[0], first), text.rfind(";", content[0], first))
    if first <= content[0] or mark < 0 or text[mark + 1:mark + 2] in _CLOSING_MARKS:
        return None  # none, or a comma inside a quotation (``defended “values,” saying``)
    cut = _trim_content(text, content[0], mark)
    return cut if _enough_words(text, cut) and not _covered(taken, *cut) else None


def _passive(text: str, start: int, form: str) -> bool:
    """Whether the stance verb ``form`` at ``start`` follows a form of ``be`` and is no
    ``-ing`` form (``was endorsed by``, but ``is seeking``)."""
    return not form.endswith("ing") and _BE_BEFORE.search(
        text, max(0, start - _BE_REACH), start) is not None


def _stance_content(text: str, complement: str, start: int, end: int) -> tuple[int, int] | None:
    """The complement of a stance verb ending at ``start`` in a sentence ending at ``end``:
    an object pronoun alone (``endorsed her on Monday``), or the phrase its ``complement``
    opens (``to|object``: an infinitive, else a noun phrase; ``for|against``: either
    preposition, then a noun phrase), up to where :func:`_stance_stop` stops it (an
    infinitive, where reported content does); ``None`` if there is none or it is too short.

    >>> t = "endorsed her on Monday; opposed his plan to cut taxes; seeks it"
    >>> [t[slice(*_stance_content(t, "object", e, len(t)))] for e in (8, 31, 60)]
    ['her', 'his plan to cut taxes', 'it']
    >>> t = "sought to end the strike; voted against it"
    >>> t[slice(*_stance_content(t, "to|object", 6, len(t)))], t[slice(*_stance_content(
    ...     t, "for|against", 31, len(t)))]
    ('to end the strike', 'it')
    """
    for kind in complement.split("|"):
        if kind in _STANCE_PREPOSITIONS:
            preposition = _STANCE_PREPOSITION.match(text, start, end)
            if preposition is not None and preposition.group(1).lower() == kind:
                content = _stance_content(text, "object", preposition.end(), end)
                if content is not None:
                    return content
            continue
        pronoun = _OBJECT_PRONOUN.match(text, start, end) if kind == "object" else None
        if pronoun is not None:
            return pronoun.span(1)
        after = _COMPLEMENT[kind].match(text, start, end)
        if after is not None:
            stop = _content_stop if kind == "to" else _stance_stop
            content = _trim_content(text, after.end(), stop(text, after.end(), end))
            if _enough_words(text, content) or _NAME_ONLY.fullmatch(text, *content):
                return content
    return None


@functools.cache
def _stance_pattern() -> regex.Pattern:
    forms = sorted(_lexicons.stance_verbs(), key=len, reverse=True)
    return regex.compile(rf"\b(?:{'|'.join(map(regex.escape, forms))})\b", regex.IGNORECASE)


def _stance_matches(cues: CueIndex) -> Iterator[regex.Match]:
    """``_stance_pattern().finditer(cues.text)``, tried only where the cue scan found a
    stance verb, or everywhere when it could not tell.

    >>> [m.group() for m in _stance_matches(CueIndex("He DECLINED, she declined."))]
    ['DECLINED', 'declined']
    """
    if cues.stance_starts is None:
        return _stance_pattern().finditer(cues.text)
    return _matches_at(_stance_pattern(), cues.text, cues.stance_starts)


def _sentence_at(
    layout: Layout, quoted: list[tuple[int, int]], position: int
) -> tuple[int, int, int] | None:
    """The sentence holding ``position`` and its paragraph, unless it is inside one of the
    ``quoted`` spans."""
    index = bisect.bisect_right(quoted, (position, math.inf)) - 1
    if index >= 0 and quoted[index][0] <= position < quoted[index][1]:
        return None
    paragraph = bisect.bisect_right(layout.paragraphs, (position, math.inf)) - 1
    if paragraph < 0:
        return None
    spans = layout.sentences[paragraph]
    index = bisect.bisect_right(spans, (position, math.inf)) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index][0], spans[index][1], paragraph
    return None


def _clause_around(
    text: str, sentence: tuple[int, int, int], cue_start: int, cue_end: int
) -> tuple[int, int] | None:
    """From the start of the clause holding the cue to where its content stops, at the
    latest before the first comma or dash after the cue: a belief nobody holds is one
    short clause (``The vote is expected to be close, with turnout low``)."""
    start, end = sentence[0], sentence[1]
    for boundary in (";", ", and ", ", but ", " — ", " – "):
        found = text.rfind(boundary, start, cue_start)
        if found >= 0:
            start = max(start, found + len(boundary))
    lead = _lead_words(text, start, cue_start)
    start = trim(text, lead.end() if lead else start, cue_start)[0]
    pronoun = _PRONOUN_SUBJECT.search(text, start, cue_start)
    if pronoun is not None:
        start = pronoun.start(1)  # ``on the night she is expected to win``: her clause
    elif _ADJUNCT_OPENING.match(text, start, cue_start):
        comma = text.rfind(",", start, cue_start)  # ``Despite the rain, turnout appears``
        start = trim(text, comma + 1, cue_start)[0] if comma >= 0 else start
    stop = _content_stop(text, cue_end, end)
    aside = _SOURCELESS_END.search(text, cue_end, stop)
    content = _trim_content(text, start, stop if aside is None else aside.start())
    if content[0] >= cue_start or not _enough_words(text, (cue_end, content[1])):
        return None
    return content


def _within(spans: list[tuple[int, int]], content: tuple[int, int]) -> bool:
    """Whether ``content`` lies inside one of the sorted, non-overlapping ``spans``."""
    index = bisect.bisect_right(spans, (content[0], math.inf)) - 1
    return index >= 0 and spans[index][0] <= content[0] and content[1] <= spans[index][1]


def _nested_reports(cues: CueIndex, outer: list[Attribution], depth: int) -> list[Attribution]:
    """``X said Y had told him that ...``: speech reported inside reported speech."""
    if depth == 0:
        return []
    found: list[Attribution] = []
    for attribution in outer:
        start, end = attribution.content
        found.extend(a for a in _named_within(cues, start, end, attribution.paragraph)
                     if a.content != (start, end))
    return found + _nested_reports(cues, found, depth - 1)


def _named_within(cues: CueIndex, start: int, end: int, paragraph: int) -> list[Attribution]:
    """The attributions that are kept (see :func:`_named`) of ``text[start:end]``, a
    sentence nested in a quote or in reported speech, in ``paragraph``.

    An attribution takes the cue it was found at, or a strong one (``quoted X as
    saying``): a sentence with neither a strong cue nor ``quoted`` keeps none, and is
    not read (most are ruled out by ``may_hold`` alone, before they are built).
    """
    if not cues.may_hold(start, end, _keeps_nested):
        return []
    found = cues.within(start, end)
    if not any(_keeps_nested(cue.lemma, cue.precision) for cue in found):
        return []
    sentence = _Sentence(cues, start, end, paragraph, True)
    return [a for a in _attribute_sentence(sentence, found) if _named(a)]


def _keeps_nested(lemma: str, precision: float) -> bool:
    """Whether a cue of ``lemma`` and ``precision`` opens speech kept inside a quote."""
    return precision >= _NESTED_MIN_PRECISION or lemma == _QUOTING


def _cuts_a_quotation(marks: list[tuple[int, int]], content: tuple[int, int]) -> bool:
    """Whether ``content`` holds one mark of a quotation but not the other."""
    start, end = content
    for position in (start, end):
        index = bisect.bisect_left(marks, (position, position)) - 1
        if index >= 0:
            mark_start, mark_end = marks[index]
            if start < mark_start < end < mark_end or mark_start < start < mark_end < end:
                return True
    return False


def _named(attribution: Attribution) -> bool:
    """Inside a quote, only speech reported by a named source is kept (``Shoigu reported``)."""
    source = attribution.source
    cue = attribution.cue
    return source is not None and source.form == "name" and cue is not None and (
        cue.precision >= _NESTED_MIN_PRECISION)


def _plain_sentence(cues: CueIndex, start: int, end: int, paragraph: int) -> list[Attribution]:
    """The attributions of a sentence outside quotes, or of the part of one before its
    direct quotes: one with no cue (most) has none, unless it opens a line (it may be a
    headline, :func:`_headline`)."""
    found = cues.within(start, end)
    if found:
        return _attribute_sentence(_Sentence(cues, start, end, paragraph, False), found)
    if cues.text[max(0, start - 1):start] not in ("", "\n"):
        return []
    headline = _headline(_Sentence(cues, start, end, paragraph, False))  # as _attribute_sentence
    return [] if headline is None else [headline]


def _extent(attribution: Attribution) -> tuple[int, int]:
    """The text an attribution holds: its content, cue and source, and what lies between
    them, unless it borrowed the cue of another quote (what lies between is not its own)."""
    if attribution.rule in BORROWED_CUE_RULES:
        return attribution.content
    points = [*attribution.content]
    for part in (attribution.cue, attribution.source):
        if part is not None:
            points += [part.start, part.end]
    return min(points), max(points)


def _read_parts(attribution: Attribution) -> list[tuple[int, int]]:
    """The content and cue of ``attribution``: the words another attribution cannot hold.
    Its source may be shared (``Lee attacked Ruiz, saying ...``)."""
    cue = attribution.cue
    return [attribution.content] if cue is None else [attribution.content, (cue.start, cue.end)]


def _covered(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect.bisect_right(taken, (end, end)) - 1
    while index >= 0 and taken[index][1] > start:
        if taken[index][0] < end:
            return True
        index -= 1
    return False


def _before_tags(sentence: _Sentence, direct: Sequence[Attribution]) -> list[Attribution]:
    """``Pence said it takes time but added, "..."``: reported speech in the part of a
    sentence before the cue of its direct quote; ``direct`` holds the direct attributions
    whose extent starts in the sentence."""
    text = sentence.text
    points = [p for a in direct
              for p in (a.content[0], a.cue.start if a.cue else a.content[0], _relative_start(text, a))]
    if not points:
        return []
    end = min(points)
    joint = _joined(text, sentence.start, end)
    head = _plain_sentence(sentence.cues, sentence.start, joint.start() if joint else end,
                           sentence.paragraph)
    return [a for a in head if a.kind is QuoteKind.INDIRECT]


def _relative_start(text: str, attribution: Attribution) -> int:
    """Where ``who`` stands when it is the source (``critics who say ...``), else the content."""
    source = attribution.source
    if source is not None and text[source.start:source.end].lower() in ("who", "which"):
        return source.start
    return attribution.content[0]


def _after_tags(
    sentence: _Sentence, direct: Sequence[Attribution], extents: Sequence[tuple[int, int]]
) -> list[Attribution]:
    """``"...," he said, adding that ...`` / ``... "X" and said ...`` / ``"...," said
    Lee, who said ...``: a cue joined to a quote's tag; ``direct`` holds the direct
    attributions whose extent starts in the sentence, ``extents`` their extents."""
    text = sentence.text
    if not direct:
        return []
    ends = [end for _, end in extents]
    start = max(ends)
    last = direct[ends.index(start)]
    if _QUOTE_MARK.search(text, start, sentence.end):
        return []
    for cue in sentence.cues.within(start, sentence.end):
        question = asked_question(sentence.between(start, sentence.end), cue, None, False)
        if question is not None:
            return [question]
        relative = relative_clause(sentence, cue, None, False) if (
            cue.precision >= _COORDINATED_MIN_PRECISION) else None
        if relative is not None and not _ADJUNCT_FIRST.match(text, *relative.content):
            return [_naming_tag_source(relative, last.source)]  # ``"...," said Lee, who said``
        joined = _joined(text, start, cue.start)
        if joined is None or last.source is None:
            continue
        if cue.participle or (joined.group(1) and cue.precision >= _COORDINATED_MIN_PRECISION):
            content = _content_after(text, cue, cue.end, sentence.end)
            if content is not None:
                source = _joined_pronoun(text, joined, cue) or last.source
                return [_attribution(sentence, content, cue, source, "joined_after_tag", 0.7)]
    return []


def _joined(text: str, start: int, end: int) -> regex.Match | None:
    """``_JOINED.search(text, start, end)``, tried only when the window ends with white
    space after a word that may end a match: one ending with a comma, in lower case
    (``and``, ``but``, ``he``) or not ASCII. Most windows end with a name or a quotation
    mark.

    >>> _joined("Lee, and he said", 0, 12).group(1), _joined("Lee said", 0, 4)
    ('and', None)
    """
    if not text[end - 1:end].isspace():
        return None  # every match ends with ``\s+$``
    words = text[start:end].rsplit(None, 1)
    last = words[-1] if words else ""
    if not (last.endswith(",") or last.islower() or not last.isascii()):
        return None
    return _JOINED.search(text, start, end)


def _joined_pronoun(text: str, joined: regex.Match, cue: Cue) -> Mention | None:
    """The subject pronoun of a joined clause (``..., but he said ...``), its source."""
    word = joined.group(2)
    return source_after(text, joined.start(2), cue.start) if word in _JOINED_PRONOUNS else None


def _naming_tag_source(relative: Attribution, tag_source: Mention | None) -> Attribution:
    """The relative clause after a tag (``said Ann Lee, 24, of Derry, who said``) with
    its ``who`` naming the tag's source, not the nearest name before it."""
    if tag_source is None or tag_source.form != "name" or relative.source is None:
        return relative
    who = relative.source
    source = attrs.evolve(tag_source, start=who.start, end=who.end)
    return attrs.evolve(relative, source=source)


def _attribute_sentence(sentence: _Sentence, cues: list[Cue]) -> list[Attribution]:
    """The attributions of ``sentence``, whose cues (at least one) are ``cues``."""
    text = sentence.text
    headline = _headline(sentence)
    if headline is not None:
        return [headline]
    found: list[Attribution] = []
    previous: Mention | None = None
    content_end = sentence.start
    for cue in cues:
        inside = found and cue.start < content_end
        if inside and not _opens_next(text, cue, found[-1]):
            continue
        if found and cue.prepositional and not text[found[-1].content[1]:cue.start].strip(" ,"):
            reported = _reported_whole(sentence, cue, found)
            if reported is not None:
                found[-1:] = reported  # ``X expressed Y, according to Z``: Z reports it all
                continue
            relay = source_after(text, cue.end, sentence.end) or phrase_after(
                text, cue.end, sentence.end)
            found[-1] = attrs.evolve(found[-1], relay=found[-1].relay or relay)
            continue
        attributions = _attribute_cue(sentence, cue, previous, found)
        if not attributions:
            continue
        if inside:
            opening = min([cue.start] + [a.source.start for a in attributions
                                         if a.source and a.source.start > found[-1].content[0]])
            found[-1] = attrs.evolve(found[-1], content=_cut(text, found[-1].content, opening))
        found.extend(attributions)
        previous = attributions[-1].source
        content_end = attributions[-1].content[1]
    closed = _closing_tag(sentence, cues, found) if found else None  # found: cues is not empty
    if closed is not None:
        found = closed
    return [a for a in found if _enough_words(text, a.content)]


def _closing_tag(
    sentence: _Sentence, cues: Sequence[Cue], found: list[Attribution]
) -> list[Attribution] | None:
    """``The board met Lee and cited faults, inspectors said``: a strong cue closing
    a sentence reports all of the clause before it; the attributions of cues inside
    that clause give way to it (speech reported inside it is read again as nested),
    but for speech stopping where a clause is joined to it (``X said A, but B, they
    said``), after which it reports the rest. ``None`` when no tag closes the sentence.
    ``cues`` are the sentence's cues, ``found`` the attributions its cues gave.

    >>> t = "The board visited the plant and cited three faults, inspectors said."
    >>> [(t[a.content[0]:a.content[1]], a.rule) for a in attribute_indirect(t, [])]
    [('The board visited the plant and cited three faults', 'clause_then_tag')]
    """
    text = sentence.text
    last = cues[-1]
    if last.precision < STRONG_CUE or last.passive or any(
            a.cue is None or a.cue.start >= last.start or a.content[0] < a.cue.start
            for a in found):
        return None  # no strong cue last, or a tag read already (``A, X said, while B``)
    tag = clause_then_tag(sentence, last, None, False)
    if not isinstance(tag, Attribution) or tag.source is None:
        return None
    tail = text[max(tag.source.end, last.end):sentence.end]
    inverted = tag.source.start > last.start
    if inverted and tail.strip(" .!?\"”’") and not tail.lstrip().startswith(","):
        return None  # ``wrote a host of songs``: no tag, a verb and its object
    if len(tail.split(",")[0].split()) > _CLOSING_TAIL_WORDS:
        return None
    kept = [a for a in found if _COORDINATION_AFTER.match(text, a.content[1], tag.content[1])
            and _lexicons.is_speech_cue(text[a.cue.start:a.cue.end])]
    if not kept:
        return [tag]
    rest = _trim_content(text, kept[-1].content[1] + 1, tag.content[1])
    return kept + [attrs.evolve(tag, content=rest)] if _enough_words(text, rest) else None


def _reported_whole(
    sentence: _Sentence, cue: Cue, found: list[Attribution]
) -> list[Attribution] | None:
    """``The board has found 40 more leaks, according to the Tribune``: the ``according to``
    closing the content of the sentence's only attribution, whose cue is no speech
    verb, reports the whole clause; ``None`` when that attribution is speech (``X said
    Y, according to Z``: Z relays X)."""
    current = found[-1].cue
    if len(found) > 1 or current is None or _lexicons.is_speech_cue(
            sentence.text[current.start:current.end]):
        return None
    reported = according_to(sentence, cue, None, True)
    return None if reported is None else reported if isinstance(reported, list) else [reported]


def _opens_next(text: str, cue: Cue, current: Attribution) -> bool:
    """A participle after a comma, or a strong cue after ``and``, starts a new attribution."""
    if current.content[0] >= cue.start:
        return False
    if cue.participle and COMMA_BEFORE.ends(text, 0, cue.start):
        return True
    if cue.participle and _GERUND.match(text, current.content[0]):
        return False  # ``suggested looking at X and asking Y``: two gerunds of one content
    return cue.precision >= _COORDINATED_MIN_PRECISION and bool(
        _AND_BEFORE.ends(text, current.content[0], cue.start))


def _attribute_cue(
    sentence: _Sentence, cue: Cue, previous: Mention | None, found: list[Attribution]
) -> list[Attribution]:
    if cue.form == _CALLED and _names_a_thing(sentence, cue):
        return []
    # according_to reads only prepositional cues (``according to``), which the others
    # leave; quoted_as_saying reads only cues of ``quote``, asked_question of ``ask``.
    later = bool(found)
    rules: tuple[_ClauseRule, ...]
    if cue.prepositional:
        rules = (according_to,)
    else:
        rules = _LEMMA_RULES.get(cue.lemma) or (
            _PARTICIPLE_RULES if cue.participle else _FINITE_RULES)[later]
    for rule in rules:
        attribution = rule(sentence, cue, previous, later)
        if attribution is not None:
            return attribution if isinstance(attribution, list) else [attribution]
    return []


def _names_a_thing(sentence: _Sentence, cue: Cue) -> bool:
    """Whether ``cue``, a ``called``, gives a name (``a company called Acme``, ``a beer
    called Harbor Gold``): right after a noun phrase opened by ``a`` or ``an``, before a
    capitalised word or a quotation mark.

    >>> t = "They paid a company called Acme Data."
    >>> cue = CueIndex(t).within(0, len(t))[0]
    >>> _names_a_thing(_Sentence(CueIndex(t), 0, len(t), 0, False), cue)
    True
    """
    text = sentence.text
    return bool(_NAME_AFTER.match(text, cue.end, sentence.end)) and (
        _INDEFINITE_BEFORE.ends(text, max(sentence.start, cue.start - _LEAD_REACH), cue.start))


def according_to(
    sentence: _Sentence, cue: Cue, previous: Mention | None, later: bool
) -> Attribution | list[Attribution] | None:
    """``According to X, ...`` and ``..., according to X.``"""
    if not cue.prepositional:
        return None
    text = sentence.text
    source = according_source(text, cue.end, sentence.end)
    if source is None:
        return None
    opening = max(sentence.start, text.rfind(":", sentence.start, cue.start) + 1)
    lead = _lead_words(text, opening, cue.start)
    before = text[lead.end() if lead else opening:cue.start]
    if not before.strip(" ,"):
        comma = text.find(",", source.end, sentence.end)
        if comma < 0:
            return None
        inner = _reported_within(sentence, comma + 1)
        if inner is not None:
            return attrs.evolve(inner, relay=source)
        content = _trim_content(text, comma + 1, sentence.end)
        return _attribution(sentence, content, cue, source, "according_to", 0.8)
    if not before.rstrip().endswith(","):
        return None
    pieces = [_trim_content(text, opening, text.rfind(",", sentence.start, cue.start))]
    rest = _INTERRUPTED.match(text, source.end, sentence.end)
    if rest is not None and not _PARTICIPLE.match(text, rest.end(), sentence.end):
        pieces.append(_trim_content(text, rest.end(), sentence.end))
    return [_attribution(sentence, piece, cue, source, "according_to", 0.8) for piece in pieces]


def _reported_within(sentence: _Sentence, start: int) -> Attribution | None:
    """``According to X, Y said that ...``: the clause reports Y, whom X relays."""
    clause = sentence.between(trim(sentence.text, start, sentence.end)[0], sentence.end)
    for cue in sentence.cues.within(clause.start, clause.end):
        if cue.precision >= _COORDINATED_MIN_PRECISION:
            return cue_then_clause(clause, cue, None, False)
    return None


def quoted_as_saying(
    sentence: _Sentence, cue: Cue, previous: Mention | None, later: bool
) -> Attribution | None:
    """``The Post quoted X as saying that ...``: X speaks, the Post relays."""
    if cue.lemma != _QUOTING or cue.participle:
        return None
    text = sentence.text
    found = _QUOTED_AS.match(text, cue.end, sentence.end)
    if found is None:
        return None
    speaker = tag_phrase(text, found.start(1), found.end(1))
    relay = source_of(text, sentence.start, cue, cue.start, invert=False, previous=previous)
    content = _trim_content(text, found.end(), sentence.end)
    if speaker is None or not _enough_words(text, content):
        return None
    saying = Cue(found.start(2), found.end(2), found.start(2), found.end(2), "say", 0.9, False,
                 "saying")
    return attrs.evolve(_attribution(sentence, content, saying, speaker, "quoted_as_saying", 0.75),
                        relay=relay)


def clause_then_tag(
    sentence: _Sentence, cue: Cue, previous: Mention | None, later: bool
) -> Attribution | list[Attribution] | None:
    """``The war is over, the minister said.``: the tag closes the sentence."""
    text = sentence.text
    if cue.prepositional or cue.participle or later:
        return None
    if text.rfind(",", sentence.start, cue.start + 1) < 0:
        return None  # no comma before the tag, whatever its source: no clause before it
    source = source_of(text, sentence.start, cue, sentence.end, invert=True)
    if source is None or _is_not_reported_subject(source):
        return None
    tag_start = min(source.start, cue.start)
    comma = text.rfind(",", sentence.start, tag_start + 1)
    if comma < 0:
        return None
    opening = _as_tag_opening(sentence, comma, source, cue)
    if text[opening:tag_start].strip():
        modified = modified_subject(text, opening, cue.start) if cue.start > source.start else None
        if modified is not None:
            source = modified
        elif not _MODIFIER_WORDS.fullmatch(text, opening, source.start) or any(
                word in CLAUSE_WORDS for word in text[opening:source.start].split()):
            return None
        else:
            source = attrs.evolve(source, start=trim(text, opening, source.start)[0])
        tag_start = min(source.start, cue.start)
    tag_end = max(source.end, cue.end)
    tail = text[tag_end:_clause_end(text, tag_end, sentence.end)]
    inverted = source.start > cue.start
    tail_pattern = _HEARER_TAIL if cue.lemma in _HEARER_VERBS else _TAG_TAIL
    adverbial = len(tail.partition(",")[0].split()) <= _TAG_WORDS and tail_pattern.match(tail)
    if not (adverbial or (inverted and _APPOSITIVE_TAIL.match(tail))
            or _reporting_participle_next(text, tag_end, sentence.end)):
        return _interrupting_tag(sentence, cue, source, comma, tag_end)
    if not _enough_words(text, (sentence.start, comma)):
        return None
    content = _trim_content(text, sentence.start, comma)
    return _attribution(sentence, content, cue, source, "clause_then_tag", 0.75)


def _as_tag_opening(sentence: _Sentence, comma: int, source: Mention, cue: Cue) -> int:
    """Where the tag after ``comma`` opens: past ``as`` in ``A, as the Post noted``, whose
    tag reports A as a plain one would, when its cue is active, its source no pronoun
    (``as it is called`` names; ``as they say`` quotes a saying) and A is not negated
    (``The video does not show that he was armed, as police said``: police said he was);
    else right after the comma."""
    text = sentence.text
    lead = _AS_TAG.match(text, comma + 1, source.start)
    if lead is None or cue.passive or source.form == "pronoun" or cue.start < source.start or (
            _NEGATED.search(text, max(sentence.start, comma - _CONTENT_REACH), comma)):
        return comma + 1
    return lead.end()


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause running from ``start`` ends: at a semicolon, or at ``end``.

    >>> t = "analysts say; in 2012, he won."
    >>> t[:_clause_end(t, 0, len(t))]
    'analysts say'
    """
    semicolon = text.find(";", start, end)
    return end if semicolon < 0 else semicolon


def fronted_participle(
    sentence: _Sentence, cue: Cue, previous: Mention | None, later: bool
) -> Attribution | None:
    """``After announcing on Monday that he would retire, Lee left ...``: a participle
    opening the sentence reports the clause up to its comma; its source is the
    subject after that comma.

    >>> t = "After saying the vote was close, the mayor left early."
    >>> a = fronted_participle(_Sentence(CueIndex(t), 0, len(t), 0, False),
    ...                        CueIndex(t).within(0, len(t))[0], None, False)
    >>> t[a.content[0]:a.content[1]], t[a.source.start:a.source.end]
    ('the vote was close', 'the mayor')
    """
    text = sentence.text
    if not cue.participle or later or not _FRONTED.fullmatch(text, sentence.start, cue.start):
        return None
    comma = text.find(",", cue.end, sentence.end)
    if comma < 0:
        return None
    source = source_after(text, comma + 1, sentence.end)
    if source is None or _is_not_reported_subject(source):
        return None
    content = _content_after(text, cue, cue.end, comma)
    if content is None or not _enough_words(text, content):
        return None
    return _attribution(sentence, content, cue, source, "cue_then_clause", 0.6)


def tag_in_commas(
    sentence: _Sentence, cue: Cue, previous: Mention | None, later: bool
) -> list[Attribution] | None:
    """``The plan, an aide said, is to wait``, ``If X, Lee said, Y``: a tag set off by
    commas inside the sentence, which it splits in two pieces of one content; read
    before :func:`cue_then_clause` would take the second piece alone. Its rule is
    ``interrupting_tag``, as for the tags :func:`clause_then_tag` splits a clause at.

    >>> t = "If the bridge fails, Lee said, the ferry will run."
    >>> [t[a.content[0]:a.content[1]] for a in attribute_indirect(t, [])]
    ['If the bridge fails', 'the ferry will run']
    """
    text = sentence.text
    if cue.prepositional or cue.participle or cue.passive or later or cue.precision < STRONG_CUE:
        return None
    after = _COMMA_AFTER_TAG.match(text, cue.end, sentence.end) if _may_open_comma(
        text, cue.end, sentence.end) else None  # rarely matches: read first
    if after is None or not _lexicons.is_speech_cue(text[cue.start:cue.end]):
        return None
    source = _subject_of(sentence, cue, previous)
    if source is None:
        return None
    before = trim(text, sentence.start, source.start)[1]
    if before <= sentence.start or text[before - 1] != ",":
        return None
    marks = [(text.rfind(mark, sentence.start, before), mark) for mark in _CLAUSE_MARKS]
    opening = max([sentence.start] + [at + len(mark) for at, mark in marks if at >= 0])
    pieces = (_trim_content(text, opening, before - 1),
              _trim_content(text, after.end(), _content_stop(text, after.end(), sentence.end)))
    if _OPEN_END.ends(text, *pieces[0]):
        return None  # ``a provision that, Lee said, ...``: the tag is inside a clause it ends
    if not (WORD.search(text, *pieces[0]) and _enough_words(text, pieces[1])):
        return None
    return [_attribution(sentence, piece, cue, source, "interrupting_tag", 0.7) for piece in pieces]


def _interrupting_tag(
    sentence: _Sentence, cue: Cue, source: Mention, comma: int, tag_end: int
) -> list[Attribution] | None:
    """``The plan, an aide said, is to wait.``: one clause, two pieces around its tag."""
    text = sentence.text
    if cue.lemma in _HEARER_VERBS:
        hearer = _HEARER_BEFORE_COMMA.match(text, tag_end, sentence.end)
        tag_end = hearer.end() if hearer else tag_end
    rest = _INTERRUPTED.match(text, tag_end, sentence.end)
    if rest is None:
        return None
    pieces = (_trim_content(text, sentence.start, comma), _trim_content(text, rest.end(), sentence.end))
    if not (WORD.search(text, *pieces[0]) and _enough_words(text, pieces[1])):
        return None
    return [_attribution(sentence, piece, cue, source, "interrupting_tag", 0.7) for piece in pieces]


def asked_question(
    sentence: _Sentence, cue: Cue, previous: Mention | None, later: bool
) -> Attribution | None:
    """``She was asked by X whether ...``: the question put to someone; its source is
    the asker, when the text names one."""
    text = sentence.text
    if cue.lemma != _ASKING or not (cue.passive or _asked_participle(sentence, cue)):
        return None
    asker = _BY_ASKER.match(text, cue.end, sentence.end)
    start = asker.end() if asker else cue.end
    question = _QUESTION.match(text, start, sentence.end)
    if question is None:
        return None
    comma = text.find(",", question.end(), sentence.end)
    content = _trim_content(text, question.start(1), comma if comma >= 0 else sentence.end)
    if not _enough_words(text, content):
        return None
    source = (tag_phrase(text, asker.start(1), asker.end(1))
              or source_after(text, asker.start(1), asker.end(1))) if asker else None
    return _attribution(sentence, content, cue, source, "asked_question", 0.5)


def _asked_participle(sentence: _Sentence, cue: Cue) -> bool:
    """``Asked whether ..., she said`` and ``she said when asked about ...``."""
    return cue.form == "asked" and not cue.has_auxiliary and (
        trim(sentence.text, sentence.start, cue.start)[0] == cue.start
        or _ASKED_OPENING.ends(sentence.text, sentence.start, cue.start))


def relative_clause(
    sentence: _Sentence, cue: Cue, previous: Mention | None, later: bool
) -> Attribution | None:
    """``Graham, who says the plan fails, tweeted ...``, ``critics who say the plan
    fails``: speech reported in a relative clause; the source is ``who``, which names
    the name before it, or the description itself."""
    if cue.prepositional or cue.participle:
        return None
    text = sentence.text
    if text.find("wh", max(sentence.start, cue.start - RELATIVE_REACH), cue.start) < 0:
        return None  # no ``who`` nor ``which``: none of the three ways below finds a source
    source = relative_source(text, sentence.start, cue, comma=True)
    restrictive = source is None and _reports_speech_plainly(cue)
    if restrictive:
        source = relative_source(text, sentence.start, cue, comma=False) or _share_who(
            sentence, cue)
    if source is None:
        return None
    comma = text.find(",", cue.end, sentence.end)
    content = _content_after(text, cue, cue.end, comma if comma >= 0 else sentence.end)
    if content is None or not _enough_words(text, content) or _verb_first(text, *content):
        return None
    # An infinitive (``who claim to be``), ``who said so``, or a subject whose verb is unknown:
    if restrictive and (text.startswith(("to ", "so "), content[0]) or _in_subject(
            text, sentence, source)):
        return None
    if _ADJUNCT_FIRST.match(text, *content) and not text[cue.end:content[0]].strip():
        return None  # ``who argued with Lee at the conference``: no clause reported
    return _attribution(sentence, content, cue, source, "relative_clause", 0.6)


def _share_who(sentence: _Sentence, cue: Cue) -> Mention | None:
    """``18 percent who said``, ``those who say``: ``who`` after a share of a group, as
    polls report it, or after ``those``; the share is the name it carries.

    >>> t = "compared with 18 percent who said"
    >>> cue = CueIndex(t).within(0, len(t))[-1]
    >>> m = _share_who(_Sentence(CueIndex(t), 0, len(t), 0, False), cue)
    >>> t[m.start:m.end], m.name
    ('who', '18 percent')
    """
    text = sentence.text
    who = _WHO_BEFORE.search(text, max(sentence.start, cue.start - RELATIVE_REACH), cue.start)
    if who is None:
        return None
    end = trim(text, max(sentence.start, who.start() - _LEAD_REACH), who.start())[1]
    opening = _clause_opening(text, sentence, cue)
    for word in _WORD_START.finditer(text, max(sentence.start, end - _LEAD_REACH), end):
        share = _share(text, word.start(), end) or _THOSE.fullmatch(text, word.start(), end)
        if share is not None:
            if trim(text, opening, word.start())[0] == word.start():
                return None  # ``Those who say X were wrong``: a subject whose verb is unknown
            name = text[word.start():end]
            return Mention(who.start(1), who.end(1), "description", name, (), name.split()[-1])
    return None


def _in_subject(text: str, sentence: _Sentence, who: Mention) -> bool:
    """Whether the noun phrase before ``who`` opens its clause: the relative clause is
    then inside the subject (``Voters who say X were divided``)."""
    antecedent = source_before(text, sentence.start, who.start)
    return antecedent is not None and _opens_clause(text, sentence, antecedent)


def _reports_speech_plainly(cue: Cue) -> bool:
    """Whether ``cue`` is a verb that takes a reported clause, with no auxiliary, as a
    restrictive relative clause must have to report (``voters who say ...``, not
    ``users who have continued ...`` or ``delegates who are expected to``)."""
    return cue.lemma in _CLAUSE_VERBS and not cue.has_auxiliary


def cue_then_clause(
    sentence: _Sentence, cue: Cue, previous: Mention | None, later: bool
) -> Attribution | None:
    """``X said (that) ...`` / ``X told reporters ...``: the clause follows the cue."""
    text = sentence.text
    if cue.prepositional:
        return None
    belief = cue.lemma in _belief_lemmas()  # no floor: their precision is low out of context
    if not belief and cue.precision < _MIN_PRECISION and text.find("that", cue.end, sentence.end) < 0:
        return None  # too weak a cue without ``that``, whatever its source and clause
    if cue.passive and not _that_after(text, cue.end, sentence.end):
        return None  # a passive cue without ``that``, whatever its source
    source = _subject_of(sentence, cue, previous)
    if source is None or _comma_parted(text, source, cue):
        return None
    content = _content_after(text, cue, cue.end, sentence.end)
    if content is None or not _enough_words(text, content) or _may_be_time(
            text, content[1]) and _ONLY_TIME.fullmatch(text, *content):
        return None
    if source.start > sentence.start:  # most sources open the sentence: no match before them
        if _SUBORDINATE.search(text, max(sentence.start, source.start - _LEAD_REACH), source.start):
            content = _end_of_subordinate(text, content)
        if _DASH_BEFORE.ends(text, sentence.start, source.start):
            content = _end_of_dash_aside(text, content)
    with_that = text[cue.end:content[0]].rstrip().endswith("that")
    if _verb_first(text, *content) and not _SUBJECT_RELATIVE.ends(
            text, max(sentence.start, source.start - 12), source.start) or (
            not with_that and _ADJUNCT_FIRST.match(text, *content)):
        return None
    floor = 0.0 if belief else _MIN_PRECISION_WITH_THAT if with_that else _MIN_PRECISION
    if cue.precision < floor and cue.form != cue.lemma:
        return None
    if cue.precision < floor and not with_that:
        return None
    if cue.precision < _QUOTED_OBJECT_PRECISION and _QUOTE_MARK.match(text, content[0]):
        return None
    if cue.lemma in _TOPIC_VERBS and not _TOPIC.match(text, content[0], content[1]):
        return None  # ``Lee spoke Monday night``, ``spoke Hebrew``: no topic, no content
    if not text[cue.end:content[0]].strip():
        content = _past_attitude(text, content)
    return _attribution(sentence, content, cue, _unless_expletive(source, cue),
                        "cue_then_clause", 0.75 if with_that else 0.6)


# The rules of a cue that is not prepositional, in the order they are tried; a cue of
# ``quote`` or ``ask`` is also read by the rule of its own.
_ClauseRule = Callable[[_Sentence, Cue, "Mention | None", bool],
                       "Attribution | list[Attribution] | None"]
_CLAUSE_RULES: tuple[_ClauseRule, ...] = (
    relative_clause, tag_in_commas, fronted_participle, cue_then_clause, clause_then_tag)
_LEMMA_RULES: dict[str, tuple[_ClauseRule, ...]] = {
    _QUOTING: (quoted_as_saying, *_CLAUSE_RULES), _ASKING: (asked_question, *_CLAUSE_RULES)}
# Those of the rules that read a participle cue, and those that read another (a finite
# verb), without and with an attribution before the cue in the sentence (``later``):
# the others return ``None`` at once for such a cue.
_PARTICIPLE_RULES: tuple[tuple[_ClauseRule, ...], ...] = (
    (fronted_participle, cue_then_clause), (cue_then_clause,))
_FINITE_RULES: tuple[tuple[_ClauseRule, ...], ...] = (
    (relative_clause, tag_in_commas, cue_then_clause, clause_then_tag),
    (relative_clause, cue_then_clause))


def _end_of_dash_aside(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """``a bold - some say rash - pledge``: speech whose subject follows a dash ends at
    the next dash, which closes the aside it may be."""
    dash = _HEADLINE_DASH.search(text, *content)
    return content if dash is None else _trim_content(text, content[0], dash.start())


def _may_be_time(text: str, end: int) -> bool:
    """Whether content ending at ``end`` may be only a time (``_ONLY_TIME``): not when its
    last character is plain ASCII and ends none of its words or numbers."""
    last = text[end - 1]
    return last not in PLAIN_ASCII or last in _TIME_LAST


def _comma_parted(text: str, source: Mention, cue: Cue) -> bool:
    """Whether a lone comma parts ``source`` from ``cue``, which is then no subject
    (``Lee will win in May, predicted Ann Ruiz``) unless it is an appositive (``Her
    aide, Tom Lee, said``)."""
    return text[source.end:cue.start].strip() == "," and not COMMA_BEFORE.ends(
        text, 0, source.start)


@functools.cache
def _belief_lemmas() -> frozenset[str]:
    """The lemmas that ``cue_stance.txt`` classes as beliefs (``think``, ``want``, ...)."""
    return frozenset(entry for entry, stance in stance_lexicon().items() if stance == "belief")


def _unless_expletive(source: Mention, cue: Cue) -> Mention | None:
    """No source for the expletive ``it`` of a passive cue: ``it was reported that ...``
    says whose report it was no more than ``it is said`` does."""
    return None if cue.passive and source.form == "pronoun" and source.head == "it" else source


def _end_of_subordinate(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """``While he said the plan works, it failed``: speech in a subordinate clause
    ends at the comma that closes the clause."""
    comma = text.find(", ", *content)
    return _trim_content(text, content[0], comma) if comma >= 0 else content


def _subject_of(sentence: _Sentence, cue: Cue, previous: Mention | None) -> Mention | None:
    """The subject of ``cue`` opening its clause, not in the first person unless the
    writer reports (``I think``, ``We asked``): a noun phrase with its modifiers (``The
    county teachers union``) or a list."""
    text = sentence.text
    if cue.participle:
        absolute = absolute_subject(text, sentence.start, cue.start) or _absolute_share(
            sentence, cue)
        if absolute is not None:
            return absolute  # ``..., with most voters saying ...``
    source = source_of(text, sentence.start, cue, cue.start, invert=False, previous=previous)
    opens = source is not None and _opens_clause(text, sentence, source)  # read once
    opening = None
    if not opens:
        opening = _clause_opening(text, sentence, cue)
        other = modified_subject(text, opening, cue.start) or (
            quantifier_subject(text, opening, cue.start) if source is None else None)
        if other is not None:
            source, opens = other, _opens_clause(text, sentence, other)
    if source is None or _is_not_reported_subject(source) and not _writer_reports(sentence, source):
        return _whole_clause_subject(sentence, cue, None, opening)
    modifiers = _np_lead(text, sentence.start, source.start)
    if modifiers is not None and any(
            word in CLAUSE_WORDS for word in modifiers.group(1).split()):
        modifiers = None  # ``The website noted that both X and Y were ...``: a clause
    if modifiers is not None or _listed_subject(text, sentence, cue):
        return attrs.evolve(source, start=trim(text, sentence.start, source.start)[0])
    if opens:
        return source
    joined = _joined_subject(sentence, source, cue, opening)
    if joined is not None:
        return joined
    subject = clause_subject(text, sentence.start, source.end) if (
        cue.precision >= STRONG_CUE and not cue.participle) else None
    if subject is None or not _opens_clause(text, sentence, subject):
        return _whole_clause_subject(sentence, cue, source, opening)
    return subject


def _np_lead(text: str, start: int, end: int) -> regex.Match | None:
    """``_NP_LEAD.fullmatch(text, start, end)``, not tried on an empty window or one
    opening with a plain ASCII character that opens none of its words (most sources
    open their sentence).

    >>> _np_lead("the county teachers union", 0, 11).group(1), _np_lead("Lee", 0, 0)
    ('county ', None)
    """
    if start == end or text[start] in _NO_NP_LEAD:
        return None
    return _NP_LEAD.fullmatch(text, start, end)


def _whole_clause_subject(
    sentence: _Sentence, cue: Cue, joined: Mention | None, opening: int | None = None
) -> Mention | None:
    """A subject that is all of the clause before a strong, active, finite ``cue``: one
    with a relative clause, a share of a group, then a coordination ending in ``joined``
    or, with no ``joined``, a surname read as an adverb, then a head a phrase modifies;
    ``None`` for other cues. The clause's opening (:func:`_clause_opening`, unless the
    caller has it) is read once for all of them."""
    if cue.precision < STRONG_CUE or cue.participle or cue.passive:
        return None
    if opening is None:
        opening = _clause_opening(sentence.text, sentence, cue)
    words = trim(sentence.text, opening, cue.start)
    return _relative_subject(sentence, words) or _quantity_subject(sentence, cue, words) or (
        _surname_subject(sentence, words) if joined is None
        else _coordinated_subject(sentence, cue, joined, opening)) or (
        _modified_head_subject(sentence, words))


def _joined_subject(
    sentence: _Sentence, source: Mention, cue: Cue, clause_opening: int | None = None
) -> Mention | None:
    """``Lee left and the fire chief said B``: a source after ``and`` (no comma), with the
    words before it from ``and`` on, when it opens a clause of its own: a finite cue of
    precision ``_JOINED_MIN_PRECISION`` or more follows it, it names someone (a name, a
    pronoun, or a phrase whose head is a source's: not ``A and phone calls show B``)
    and a clause comes before ``and`` (at least ``_JOINED_CLAUSE_WORDS`` words, and no
    subject phrase it is coordinated with: not ``she and other aides said``,
    ``Democratic hopefuls Ann Lee and Tom Ruiz say``). ``clause_opening`` is the cue's
    :func:`_clause_opening`, when the caller has it."""
    text = sentence.text
    if cue.precision < _JOINED_MIN_PRECISION or cue.participle or cue.passive or (
            source.form == "description" and not is_source_head(source.head)):
        return None
    joint = _AND_END.search(text, max(sentence.start, source.start - _LEAD_REACH), source.start)
    if joint is None:
        return None
    start = max(sentence.start, joint.start() - _LEAD_REACH)
    opening = max(start, *(text.rfind(mark, start, joint.start()) + 1 for mark in ",;:"))
    if len(WORD.findall(text, opening, joint.start())) < _JOINED_CLAUSE_WORDS or (
            cue.precision >= STRONG_CUE and _coordinated_subject(
                sentence, cue, source, _clause_opening(text, sentence, cue)
                if clause_opening is None else clause_opening) is not None):
        return None
    return attrs.evolve(source, start=joint.start(1))


def _coordinated_subject(
    sentence: _Sentence, cue: Cue, source: Mention, opening: int
) -> Mention | None:
    """``Republican hopefuls Ann Lee and Tom Ruiz say``: the source joined by ``and`` to
    a subject phrase opening the clause of a strong cue at ``opening``, as one
    coordination.

    >>> t = "Democratic hopefuls Ann Lee and Tom Ruiz say"
    >>> cue = CueIndex(t).within(0, len(t))[-1]
    >>> ruiz = Mention(t.index("Tom"), t.index(" say"), "name", "Tom Ruiz", (), "ruiz")
    >>> m = _coordinated_subject(_Sentence(CueIndex(t), 0, len(t), 0, False), cue, ruiz, 0)
    >>> t[m.start:m.end], m.form
    ('Democratic hopefuls Ann Lee and Tom Ruiz', 'coordination')
    """
    text = sentence.text
    opening = trim(text, opening, source.start)[0]
    joint = _AND_JOINT.search(text, max(opening, source.start - _JOINT_REACH), source.start)
    if joint is None or text[source.end:cue.start].strip():
        return None
    first = clause_subject(text, opening, joint.start())
    if first is None or first.start != opening:
        return None
    return Mention(first.start, source.end, "coordination", "", (), source.head)


def _surname_subject(sentence: _Sentence, words: tuple[int, int]) -> Mention | None:
    """``Brantly said``, ``Redding said``: a capitalised word in ``-ly`` or ``-ing``, which
    alone is read as an adverb or a participle (``Finally``, ``Speaking``), is a
    name when it is all of the ``words`` of the clause before a strong cue.

    >>> t = "Like a friend, Redding said it was hard."
    >>> m = _surname_subject(_Sentence(CueIndex(t), 0, len(t), 0, False), (15, 22))
    >>> t[m.start:m.end], m.form
    ('Redding', 'name')
    """
    text = sentence.text
    opening, end = words
    word = _SURNAME.fullmatch(text, opening, end)
    if word is None:
        return None
    return Mention(opening, end, "name", word.group(), (), word.group().lower())


def _quantity_subject(sentence: _Sentence, cue: Cue, words: tuple[int, int]) -> Mention | None:
    """``61 percent of renters said``, ``Most of them said``: a share of a group, as
    polls report it, all the ``words`` of the clause of a strong cue; the source is
    all of it.

    >>> t = "Nearly six in 10 voters in the county said"
    >>> cue = CueIndex(t).within(0, len(t))[-1]
    >>> m = _quantity_subject(_Sentence(CueIndex(t), 0, len(t), 0, False), cue, (0, 37))
    >>> t[m.start:m.end], m.head
    ('Nearly six in 10 voters in the county', 'voters')
    """
    text = sentence.text
    opening, end = words
    before = trim(text, sentence.start, cue.start)[1]
    if opening == end and text.endswith(",", sentence.start, before):
        return _share_in_commas(text, sentence, before - 1)
    return _share(text, opening, end)


def _share_in_commas(text: str, sentence: _Sentence, comma: int) -> Mention | None:
    """``Roughly a third, 31 percent, say``: the share set off by commas right
    before the cue."""
    before = text.rfind(",", sentence.start, comma)
    return None if before < 0 else _share(text, *trim(text, before + 1, comma))


def _absolute_share(sentence: _Sentence, cue: Cue) -> Mention | None:
    """``..., with 50 percent saying ...``: the share that ``with`` gives a participle."""
    text = sentence.text
    opening = _WITH_SHARE.search(text, max(sentence.start, cue.start - _LEAD_REACH), cue.start)
    return None if opening is None else _share(text, *trim(text, opening.end(1), cue.start))


def _share(text: str, start: int, end: int) -> Mention | None:
    """``text[start:end]`` as a share of a group (``61 percent of renters overall``)."""
    share = _QUANTITY.match(text, start, end)
    if share is None or not _SHARE_OF.fullmatch(text, share.end(), end):
        return None
    words = text[share.end():end].lower().split()
    if len(words) > _SHARE_WORDS or any(
            word in CLAUSE_WORDS and word not in _SHARE_LINKS or word in _AUXILIARIES
            or word in _lexicons.pronouns() and word not in _SHARE_PRONOUNS for word in words):
        return None
    head = phrase_head(words) if words and words[0] != "of" else share.group().split()[-1]
    return Mention(start, end, "description", "", (), head.lower())


def _relative_subject(sentence: _Sentence, words: tuple[int, int]) -> Mention | None:
    """``Voters who backed him say``, ``Officials whose rules fell say``: a subject that
    is all the ``words`` of the clause of a strong cue, its head followed by a
    restrictive relative clause; the source is all of it.

    >>> t = "Officials who spoke with him said"
    >>> m = _relative_subject(_Sentence(CueIndex(t), 0, len(t), 0, False), (0, 28))
    >>> t[m.start:m.end], m.head
    ('Officials who spoke with him', 'officials')
    """
    text = sentence.text
    opening, end = words
    who = _WHO.search(text, opening, end)
    if who is None or not _whole_relative(text, who.end(), end):
        return None
    head = tag_phrase(text, opening, who.start()) or sentence_subject_before(
        text, opening, who.start())
    if head is None or head.start != opening or head.form == "pronoun":
        return None
    return attrs.evolve(head, end=end)


def _modified_head_subject(sentence: _Sentence, words: tuple[int, int]) -> Mention | None:
    """``Large majorities of voters in six states going to the polls said``, ``A copy of
    the memo seen by Reuters said``: a subject that is all of the ``words`` of the clause
    before a strong cue (at the sentence start or after a comma), whose head a phrase
    modifies (a preposition, a participle, a relative), read whole. The words must read
    as a noun phrase (``_MODIFIED_HEAD``): no opening preposition, conjunction, pronoun or
    participle, no auxiliary, copula or quotation mark, no relative right before the cue
    (``Those who said``: the relative's own report) and at most ``_MODIFIED_WORDS``.

    >>> t = "A copy of the memo seen by Reuters said the files were lost."
    >>> sentence = _Sentence(CueIndex(t), 0, len(t), 0, False)
    >>> m = _modified_head_subject(sentence, (0, t.index(" said")))
    >>> t[m.start:m.end], m.head
    ('A copy of the memo seen by Reuters', 'copy')
    """
    text = sentence.text
    opening, end = words
    if end - opening > _LEAD_REACH or len(WORD.findall(text, opening, end)) > _MODIFIED_WORDS:
        return None  # the reach first: a clause may open far back (a run of tags)
    head = _MODIFIED_HEAD.match(text, opening, end)
    if head is None or _NOT_A_MODIFIED_HEAD.search(text, opening, end):
        return None
    return Mention(opening, end, "description", "", (), head.group(1).lower())


def _whole_relative(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, after ``who``, is a whole relative clause of a
    subject: one short clause, not an auxiliary whose verb is the cue (``who has long
    dismissed``) nor a verb joined to the cue (``who won and said``)."""
    words = text[start:end].split()
    verb = next((i for i, w in enumerate(words) if w.lower() not in _AUXILIARIES), len(words))
    return len(words) - verb >= 2 and len(words) <= _RELATIVE_WORDS and not (
        _RELATIVE_STOP.search(text, start, end) or _OPEN_RELATIVE.ends(text, start, end))


def _clause_opening(text: str, sentence: _Sentence, cue: Cue) -> int:
    """Where the clause of ``cue`` opens: after the last comma, semicolon or colon
    before it, or at the sentence start, past leading words such as ``But``."""
    start = max(sentence.start, cue.start - _LEAD_REACH)
    mark = max(text.rfind(",", start, cue.start), text.rfind(";", start, cue.start),
               text.rfind(":", start, cue.start))
    opening = sentence.start if mark < 0 else mark + 1
    lead = _lead_words(text, opening, cue.start)
    return lead.end() if lead else opening


def _lead_words(text: str, start: int, end: int) -> regex.Match | None:
    """The lead words (``And``, ``But also``, ``Meanwhile,``) opening ``text[start:end]``,
    if any: ``_LEAD_WORDS`` matched there, when :func:`_may_lead` does not rule it out."""
    return _LEAD_WORDS.match(text, start, end) if _may_lead(text, start, end) else None


def _may_lead(text: str, start: int, end: int) -> bool:
    """Whether ``_LEAD_WORDS`` may match at ``start`` (``False`` only when the text there,
    past spaces, is ASCII and opens with none of its words): read without the regex."""
    while start < end and text[start] == " ":
        start += 1
    head = text[start:min(end, start + _LONGEST_LEAD)]
    return not head.isascii() or not head[:1].isalpha() or head.lower().startswith(_LEAD)


def _listed_subject(text: str, sentence: _Sentence, cue: Cue) -> bool:
    """``Most voters in Alabama, Georgia and Virginia said``: a subject holding a list."""
    if cue.precision < _COORDINATED_MIN_PRECISION:
        return False
    if text.find(",", sentence.start, cue.start) < 0:
        return False  # the head of a list is followed by a comma
    head = _LIST_SUBJECT_HEAD.match(text, sentence.start, cue.start)
    return head is not None and text.startswith(",", head.end(), cue.start) and bool(
        _LIST_SUBJECT.fullmatch(text, sentence.start, cue.start))


def _opens_clause(text: str, sentence: _Sentence, source: Mention) -> bool:
    """Whether the source starts its clause: nothing, an intro phrase, a conjunction or
    a dateline before it. Only the last ``_LEAD_REACH`` characters are read."""
    if source.start == sentence.start:
        return True  # nothing before it: what the test below finds, read at once
    start = max(sentence.start, source.start - _LEAD_REACH)
    if source.form == "pronoun" or trim(text, start, source.start)[0] == source.start:
        return sentence.start == start or source.form == "pronoun"
    if _INTRO_END.search(text, start, source.start) or _SUBORDINATE.search(text, start, source.start):
        return True
    if _COORDINATE_END.search(text, start, source.start) or _RELATIVE_OBJECT.search(
            text, start, source.start):
        return True
    if start == sentence.start and _may_lead(text, start, source.start) and _LEAD_WORDS.fullmatch(
            text, start, source.start):
        return True
    return is_dateline(text, sentence.start, source.start)


def _content_after(text: str, cue: Cue, start: int, end: int) -> tuple[int, int] | None:
    aside = _DASH_ASIDE_AFTER.match(text, start, end) if _may_open_aside(text, start, end) else None
    if aside is not None:
        start = aside.end()
    # A match ending within _THAT_REACH holds its ``that`` there: none there, none kept.
    near = text.find(_THAT, start, start + _THAT_REACH) >= 0
    that = _that_after(text, start, end) if near else None
    if that is not None and that.end() - start <= _THAT_REACH and not _VERB_FIRST.match(
            text, that.end(), end):
        start = that.end()
    elif cue.lemma in _HEARER_VERBS:
        start = _after_hearer(text, start, end)
        if start is None:
            return None
    start = trim(text, start, end)[0]
    if _reporting_participle_next(text, start, end):
        return None  # ``said in an interview, adding that``: another cue's clause
    if text.startswith((",", ":"), start):
        start = trim(text, start + 1, end)[0]
    time = _LEADING_TIME.match(text, start, end) if _may_open_time(text, start) else None
    if time is not None and time.end() < end and text[time.end():time.end() + 1].isspace():
        start = time.end()
    content = _trim_content(text, start, _content_stop(text, start, end))
    return content if content[0] < content[1] else None


def _verb_first(text: str, start: int, end: int) -> regex.Match | None:
    """``_VERB_FIRST.match(text, start, end)``, not tried where no letter opening one of
    its words is (most content opens with another word).

    >>> bool(_verb_first("was late", 0, 8)), _verb_first("Lee was", 0, 7)
    (True, None)
    """
    if text[start:start + 1] not in _VERB_FIRST_OPENINGS or start >= end:
        return None
    return _VERB_FIRST.match(text, start, end)


def _may_open_comma(text: str, start: int, end: int) -> bool:
    """Whether ``_COMMA_AFTER_TAG`` may match at ``start``: ``False`` when the first
    character past plain spaces is plain ASCII and no comma (``said that``, ``said
    the``), where none opens.

    >>> _may_open_comma("said , then", 4, 11), _may_open_comma("said the", 4, 8)
    (True, False)
    """
    while start < end and text[start] == " ":
        start += 1
    return start < end and (text[start] == "," or text[start] not in PLAIN_ASCII)


def _may_open_aside(text: str, start: int, end: int) -> bool:
    """Whether ``_DASH_ASIDE_AFTER`` may match at ``start``: ``False`` when the first
    character past plain spaces is plain ASCII and no hyphen, where no dash opens.

    >>> _may_open_aside("said -- or", 4, 10), _may_open_aside("said that", 4, 9)
    (True, False)
    """
    while start < end and text[start] == " ":
        start += 1
    return start < end and (text[start] == "-" or text[start] not in PLAIN_ASCII)


def _may_open_time(text: str, start: int) -> bool:
    """Whether ``_LEADING_TIME`` may match at ``start``: ``False`` when the character
    there is plain ASCII and opens none of ``on``, ``last``, ``this`` in any case.

    >>> _may_open_time("Last week", 0), _may_open_time("a week ago", 0)
    (True, False)
    """
    first = text[start:start + 1]
    return first in _TIME_OPENINGS or first not in PLAIN_ASCII


def _that_after(text: str, start: int, end: int) -> regex.Match | None:
    """``_THAT_AFTER.match(text, start, end)``, not tried when no ``that`` follows."""
    return _THAT_AFTER.match(text, start, end) if text.find(_THAT, start, end) >= 0 else None


def _past_attitude(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """The object of an attitude noun opening ``content`` right after its verb
    (``expressed support for X``, ``showed no sign of X``): X, which the stance is towards.

    >>> t = "strong support for the levy"
    >>> t[slice(*_past_attitude(t, (0, len(t))))]
    'the levy'
    """
    start, end = content
    space = text.find(" ", start, end)
    first = text[start:space].lower()  # read first, as a regular expression is slow here
    if space < 0 or first not in _DEGREE_WORDS and first not in _lexicons.attitude_nouns():
        return content
    attitude = _ATTITUDE.match(text, start, end)
    if attitude is None or attitude.group(1).lower() not in _lexicons.attitude_nouns():
        return content
    return attitude.end(), content[1]


def _content_stop(text: str, start: int, end: int) -> int:
    """Where reported content from ``start`` stops: at the first ``_CONTENT_STOP`` before
    ``end``, and at most ``_CONTENT_REACH`` characters on. The reach keeps a sentence of
    many reports linear (each reads a bounded way, not to the sentence's end); the
    longest content on PolNeAR is 1,217 characters."""
    end = min(end, start + _CONTENT_REACH)
    # _CONTENT_STOP.search, tried only where _CONTENT_STOP_START finds that it may match:
    candidate = _CONTENT_STOP_START.search(text, start, end)
    while candidate is not None:
        at = candidate.start()
        # White space before ``and`` opens a match only as ``and others said``:
        if text[at] == ";" or not text.startswith("and", at + 1) or text.find(
                "sa", at + 4, end) >= 0:
            if _CONTENT_STOP.match(text, at, end):
                return at
        candidate = _CONTENT_STOP_START.search(text, at + 1, end)
    return end


def _stance_stop(text: str, start: int, end: int) -> int:
    """Where a stance verb's complement from ``start`` stops: where reported content
    does, and before a comma, a time (``endorsed Cruz last week``, ``in early 2015``), a
    medium (``on Twitter``), an occasion (``at a rally``), a joined verb phrase (``and
    organized for him``) or a reason (``because``, ``despite``).

    >>> t = "Cruz on Sunday and campaigned with him"
    >>> t[:_stance_stop(t, 0, len(t))]
    'Cruz'
    """
    end = _content_stop(text, start, end)
    stop = _STANCE_STOP.search(text, start, end)
    return stop.start() if stop else end


def _reporting_participle_next(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens with a comma and a reporting verb's ``-ing``
    form (``, adding that``): the clause of another cue, not more of this one's.

    >>> t = "he said, adding that"
    >>> _reporting_participle_next(t, 7, len(t)), _reporting_participle_next(t, 2, len(t))
    (True, False)
    """
    if text[start:start + 1] in _NO_PARTICIPLE_OPENING:
        return False  # no comma nor white space opens the window: the pattern needs one
    participle = _PARTICIPLE_AFTER_COMMA.match(text, start, end)
    return participle is not None and participle.group(1) in _lexicons.reporting_verbs()


def _after_hearer(text: str, start: int, end: int) -> int | None:
    """Skip the hearer of ``told reporters (that)``: where the reported clause starts.
    ``asked whether ...`` has no hearer: the question starts at once."""
    if _QUESTION_WORD.match(text, start, end):
        return start
    that = _HEARER_THAT.match(text, start, end)
    if that is not None:
        return that.end()
    hearer = source_after(text, start, end) or phrase_after(text, start, end)
    if hearer is None:
        word = WORD.match(text, trim(text, start, end)[0], end)
        return None if word is None else word.end()
    leading = _LEADING_THAT.match(text, hearer.end, end)
    return leading.end() if leading else hearer.end


def _headline(sentence: _Sentence) -> Attribution | None:
    """``Claim — Source`` and ``Source: Claim`` in a one-line headline, and the speaker's
    label that opens a line of a transcript."""
    text = sentence.text
    start, end = sentence.start, sentence.end
    if sentence.nested or text[max(0, start - 1):start] not in ("", "\n"):
        return None
    if not _ends_line(text, end) or len(
            text[start:end].split(None, _HEADLINE_WORDS)) > _HEADLINE_WORDS:  # words split off
        return _speaker_label(sentence) if _may_open_label(text[start:start + 2]) else None
    first_colon = text.find(":", start, end)  # where _HEADLINE_COLON's search may start
    colon = _HEADLINE_COLON.search(text, first_colon, end) if first_colon >= 0 else None
    if colon is not None:
        source = tag_phrase(text, start, colon.start())
        if source is not None and source.form == "name" and _names_a_speaker(
                text[source.start:source.end]):
            content = _trim_content(text, colon.end(), end)
            if not _enough_words(text, content):
                return None
            return _attribution(sentence, content, _mark_cue(text, colon), source,
                                "headline_colon", 0.5)
    verb = _headline_verb(sentence)
    if verb is not None:
        return verb
    if text[end - 1] in ".!?":
        return None
    for dash in _HEADLINE_DASH.finditer(text, start, end):
        source = tag_phrase(text, dash.end(), end)
        if source is not None and source.form in ("name", "description") and _names_a_speaker(
                text[source.start:source.end]):
            cue = _mark_cue(text, dash)
            return _attribution(sentence, _trim_content(text, start, dash.start()), cue, source,
                                "headline_dash", 0.5)
    return None


def _ends_line(text: str, end: int) -> bool:
    """Whether ``end`` ends a line, past spaces and tabs: ``_LINE_END`` matches there
    (tried only when a space or tab follows).

    >>> _ends_line("Ruiz wins\\nLee", 9), _ends_line("Ruiz wins. Lee", 10)
    (True, False)
    """
    after = text[end:end + 1]
    return after in ("", "\n") or after in (" ", "\t") and _LINE_END.match(text, end) is not None


def _speaker_label(sentence: _Sentence) -> Attribution | None:
    """``TAPPER: And obviously, ...``: a transcript's turn, opened by its speaker's name
    in capitals and a colon at the start of a line; the content runs to the line's end.
    Read where :func:`_may_open_label` lets a line open with one."""
    text = sentence.text
    label = _SPEAKER_LABEL.match(text, sentence.start, sentence.end)
    if label is None or not _names_a_speaker(label.group(1)):
        return None
    source = tag_phrase(text, *label.span(1))
    line_end = _LINE_END.search(text, label.end())
    content = _trim_content(text, label.end(), line_end.start())
    if source is None or not _enough_words(text, content):
        return None
    colon = _HEADLINE_COLON.match(text, label.end(1))
    return _attribution(sentence, content, _mark_cue(text, colon), source, "speaker_label", 0.5)


def _may_open_label(opening: str) -> bool:
    """Whether a line opening with ``opening``, its first two characters, may open with
    a speaker's label (``_SPEAKER_LABEL``): not when either is a plain ASCII character
    that cannot be there (a label opens with two capitals, or a capital and a mark)."""
    if len(opening) < 2:
        return False
    first, second = opening
    if first < "\x80" and not "A" <= first <= "Z":
        return False
    return second >= "\x80" or "A" <= second <= "Z" or second in "'.-"


def _headline_verb(sentence: _Sentence) -> Attribution | None:
    """``Clinton Says Russians Hacked DNC``, ``Sanders Slams Trump Over Ethanol`` and
    ``Claim, Trevor Noah Says``: a Title Case headline whose capitalised verb is a
    headline verb or a reporting verb of the cue lexicon, read lowercase; on the
    text's first line, also a lowercase headline verb (``Obama rips GOP over ...``)."""
    text = sentence.text
    first_line = sentence.paragraph == 0  # a whole line, as a headline is: the text's first
    if not _may_hold_headline_verb(text, sentence.start, sentence.end, first_line):
        return None
    verbs = _lexicons.reporting_verbs()
    first_words = _headline_first_words()
    for word in itertools.islice(WORD.finditer(text, sentence.start, sentence.end), 1, None):
        written = word.group()
        capitalised = written[0].isupper()
        if not (capitalised or first_line):
            continue
        lower = written.lower()
        # An ASCII word not before an apostrophe is what _headline_cue reads there: when it
        # opens no headline verb, _headline_cue would find none.
        no_cue = lower not in first_words and written.isascii() and written.isalpha() and (
            word.end() >= sentence.end or text[word.end()] not in "’'")
        if not capitalised:
            lowercase_cue = not no_cue and _headline_cue(text, word.start(), sentence.end, False)
            if lowercase_cue:
                return _headline_verb_attribution(sentence, lowercase_cue)
            continue
        headline_cue = None if no_cue else _headline_cue(text, word.start(), sentence.end)
        found = headline_cue and _headline_verb_attribution(sentence, headline_cue)
        if found:
            return found
        form = verbs.get(lower)
        if form is None:
            if headline_cue is None:
                continue
            return None
        if not is_finite_cue(form) or _PASSIVE_BEFORE.search(text, sentence.start, word.start()):
            return None
        cue = Cue(word.start(), word.end(), word.start(), word.end(), form.lemma, form.precision,
                  False, form.form)
        comma = text.rfind(",", sentence.start, word.start())
        source = tag_phrase(text, comma + 1 if comma >= 0 else sentence.start, word.start())
        if source is None or source.form == "pronoun":
            return None
        if comma >= 0 and not text[word.end():sentence.end].strip(" .!?"):
            content = _trim_content(text, sentence.start, comma)
        else:
            content = _trim_content(text, word.end(), sentence.end)
        if comma >= 0 and content[0] > comma or not _enough_words(text, content):
            return None
        return _attribution(sentence, content, cue, source, "headline_verb", 0.5)
    return None


_HEADLINE_VERB_PRECISION = 0.5
_NAMED_AFTER_REACH = 10_000  # characters after a headline searched for its name again
# Before a word: white space after a word that does not end a sentence, or after a title
# such as ``Ms.``; after it, no letter or digit.
_INSIDE_A_SENTENCE = regex.compile(r"(?<=(?:[^\s.!?]|\b\p{Lu}\p{Ll}{0,3}\.)\s+)")
_WORD_END = regex.compile(r"(?![\p{L}\p{N}])")
_NON_SPACE = regex.compile(r"\S")
_HEADLINE_VERB_WORDS = 4  # the longest headline verb with its particles (speaks out against)
_HEADLINE_VERB_WORD = regex.compile(r"[\p{L}’']+")
# A particle of motion after the verb reads it in its physical sense (Storm Rips Through).
_MOTION_AFTER = regex.compile(
    r"\s+(?:into|through|across|off|out|apart|down|up|onto|past|away|open)\b", regex.IGNORECASE)


def _headline_cue(text: str, start: int, end: int, capitalised: bool = True) -> Cue | None:
    """The headline verb (``Slams``, ``Sides With``) opening at ``start``: the longest
    form of the headline verb lexicon there, capitalised unless ``capitalised`` is
    false, not read as motion.

    >>> t = "Mayor Sides With Union"
    >>> cue = _headline_cue(t, 6, len(t))
    >>> t[cue.start:cue.end], cue.lemma
    ('Sides With', 'side with')
    >>> _headline_cue("Storm Rips Through Town", 6, 23) is None
    True
    """
    first = _HEADLINE_VERB_WORD.match(text, start, end)
    if first is None or capitalised and not first.group()[0].isupper() or (
            first.group().lower() not in _headline_first_words()):
        return None
    words = list(itertools.islice(_HEADLINE_VERB_WORD.finditer(text, start, end),
                                  _HEADLINE_VERB_WORDS))
    verbs = _lexicons.headline_verbs()
    for count in range(len(words), 0, -1):
        form = " ".join(word.group().lower() for word in words[:count])
        lemma = verbs.get(form)
        if lemma is None:
            continue
        cue_end = words[count - 1].end()
        if _MOTION_AFTER.match(text, cue_end, end):
            return None
        return Cue(start, cue_end, start, words[0].end(), lemma, _HEADLINE_VERB_PRECISION,
                   False, form)
    return None


@functools.cache
def _headline_first_words() -> frozenset[str]:
    """The first words of the headline verb forms (``sides`` of ``sides with``)."""
    return frozenset(form.split()[0] for form in _lexicons.headline_verbs())


# A run of the letters whose lower case is a plain letter (K is the Kelvin sign), and
# such a run opened by a capital.
_LETTER_RUN = re.compile("[A-Za-z\u212a]+")
_CAPITALISED_RUN = re.compile("[A-Z\u212a][A-Za-z\u212a]*")
_LOWERCASE_WORD = re.compile("[a-z]+")


def _may_hold_headline_verb(text: str, start: int, end: int, first_line: bool) -> bool:
    """Whether :func:`_headline_verb` may find a verb in ``text[start:end]``: ``False``
    only when no capitalised run of letters there is, in lower case, a reporting verb
    or a headline verb's first word, nor, on the ``first_line``, any run of letters a
    headline verb's first word. The words it reads as verbs (a word of ``WORD``, or the
    letters opening one) are such runs when these forms are all plain lowercase
    letters; when they are not, always ``True``.

    >>> t = "Lee Slams Plan; Lee left; Lee slams plan"
    >>> [_may_hold_headline_verb(t, 0, 14, False), _may_hold_headline_verb(t, 16, 24, True),
    ...  _may_hold_headline_verb(t, 26, 40, False), _may_hold_headline_verb(t, 26, 40, True)]
    [True, False, False, True]
    """
    words = _headline_verb_words()
    if words is None or not words.isdisjoint(
            map(str.lower, _CAPITALISED_RUN.findall(text, start, end))):
        return True
    return first_line and not _headline_first_words().isdisjoint(
        map(str.lower, _LETTER_RUN.findall(text, start, end)))


@functools.cache
def _headline_verb_words() -> frozenset[str] | None:
    """The reporting verbs and headline verbs' first words, if all are plain lowercase
    letters (else ``None``), for :func:`_may_hold_headline_verb`."""
    words = frozenset(_lexicons.reporting_verbs()) | _headline_first_words()
    return words if all(_LOWERCASE_WORD.fullmatch(word) for word in words) else None


def _headline_verb_attribution(sentence: _Sentence, cue: Cue) -> Attribution | None:
    """``Source Verb Content`` read around a headline verb: the name before it is the
    source, the rest of the headline up to a second verb the content."""
    text = sentence.text
    source = _headline_subject(sentence, cue)
    if source is None:
        return None
    capitalised = text[cue.start].isupper()
    next_verb = _next_headline_verb(text, cue.end, sentence.end, capitalised)
    content = _trim_content(text, cue.end, sentence.end if next_verb is None else next_verb)
    if content[0] >= content[1]:
        return None
    return _attribution(sentence, content, cue, source, "headline_verb", 0.5)


def _headline_subject(sentence: _Sentence, cue: Cue) -> Mention | None:
    """The name that all of the headline before ``cue`` is (an adverb such as ``Just``
    aside), when the text names it again after the headline: a capital in a headline
    may be its style, not a name (``Nomination questions ...``)."""
    text = sentence.text
    adverb = _HEADLINE_ADVERB.search(text, sentence.start, cue.start)
    source = tag_phrase(text, sentence.start, adverb.start() if adverb else cue.start)
    if source is None or source.form != "name":
        return None
    words = text[source.start:source.end].split()
    if (not _names_a_speaker(" ".join(words)) or _POSSESSIVE_END.search(words[-1])
            or not all(_NAME_WORD.match(word) for word in words)
            or not _named_after(text, words[-1], sentence.end)):
        return None
    return source


_POSSESSIVE_END = regex.compile(r"['’]s?$")
_NAME_WORD = regex.compile(r"\p{Lu}|\p{N}|and$|&$")


def _named_after(text: str, word: str, start: int) -> bool:
    """Whether ``word`` is written, capitalised, inside a sentence in the
    ``_NAMED_AFTER_REACH`` characters after ``start`` (or nothing follows ``start``):
    then it is a name, not a capital of headline style. The reach keeps a text of many
    short lines linear.

    >>> t = "Ruiz Slams Plan\\n\\nPlans differ. Ms. Ruiz spoke."
    >>> _named_after(t, "Ruiz", 15), _named_after(t, "Plan", 15)
    (True, False)
    """
    end = min(len(text), start + _NAMED_AFTER_REACH)
    if end == len(text) and _NON_SPACE.search(text, start, end) is None:
        return True
    at = text.find(word, start, end)
    while at >= 0:
        if _INSIDE_A_SENTENCE.match(text, at) and _WORD_END.match(text, at + len(word), end):
            return True
        at = text.find(word, at + 1, end)
    return False


_HEADLINE_ADVERB = Trailing(r"\s(?:Just|Now|Finally|Also|Again|Still|Officially|Publicly)\s*$")
_COORDINATED = regex.compile(r"(?:,\s*|\s+)(?:And|and)\s+|,\s*")


def _next_headline_verb(text: str, start: int, end: int, capitalised: bool) -> int | None:
    """Where ``And Denounces`` or ``, Quotes`` opens a second headline verb after
    ``start``: the content of the first ends there.

    >>> t = "Le Pen Backs Trump And Denounces Clinton"
    >>> t[_next_headline_verb(t, 12, len(t), True):]
    ' And Denounces Clinton'
    """
    for joint in _COORDINATED.finditer(text, start, end):
        if _headline_cue(text, joint.end(), end, capitalised) is not None:
            return joint.start()
    return None


def _names_a_speaker(label: str) -> bool:
    """Whether the left side of a headline's colon names a speaker, not a label
    (``EXCLUSIVE``, ``The Latest``) or a short phrase (``FIX IS IN``)."""
    words = label.lower().split()
    labels = _lexicons.headline_labels()
    return (len(words) <= _HEADLINE_SOURCE_WORDS and len(label) > 1
            and " ".join(words) not in labels and words[-1] not in labels
            and not _VERB_FIRST.match(" ".join(words[1:])))


def _mark_cue(text: str, match: regex.Match) -> Cue:
    start, end = trim(text, match.start(), match.end())
    mark = text[start:end]
    return Cue(start, end, start, end, mark, 0.5, True, mark)


def _cut(text: str, content: tuple[int, int], position: int) -> tuple[int, int]:
    return _trim_content(text, content[0], min(content[1], position))


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = trim(text, start, end)
    while end > start and text[end - 1] in _END_PUNCTUATION:
        end -= 1
    if _may_dangle(text, start, end):
        dangling = _DANGLING_CONJUNCTION.search(text, start, end)
        if dangling is not None:
            return _trim_content(text, start, dangling.start())
    return trim(text, start, end)


def _may_dangle(text: str, start: int, end: int) -> bool:
    """Whether ``_DANGLING_CONJUNCTION`` may match in ``text[start:end]``: one of its
    conjunctions ends the window, or ends it before a final newline (where ``$`` also
    matches)."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    return text.endswith(_CONJUNCTIONS, start, end)


def _enough_words(text: str, content: tuple[int, int]) -> bool:
    """Whether ``content`` has the words of a report: two, or an answer (``said yes``)."""
    start, end = content
    space = text.find(" ", start, end)
    if 0 <= space < end - 1 and text[start] in ASCII_LETTERS and text[space + 1] in ASCII_LETTERS:
        return True  # _MIN_CONTENT_WORDS: a word opens the content, another the first space
    words = WORD.finditer(text, start, end)
    return next(itertools.islice(words, _MIN_CONTENT_WORDS - 1, None), None) is not None or (
        text[start:end].lower() in _ANSWERS)


def _is_not_reported_subject(source: Mention) -> bool:
    """Whether ``source`` cannot be the subject that reports: ``I``, ``we`` or ``you``
    (the writer or the reader), or an object pronoun (``them``)."""
    return source.form == "pronoun" and (
        source.head in _FIRST_PERSON or source.head in _OBJECT_PRONOUNS)


def _writer_reports(sentence: _Sentence, source: Mention) -> bool:
    """Whether ``I`` or ``we`` is the writer reporting (``We asked the mayor whether ...``,
    ``I think the plan fails``): in a sentence with no quotation mark, where it cannot
    be a speaker whose quote was left open."""
    return source.head in _WRITER and not _QUOTE_MARK.search(sentence.text, sentence.start,
                                                              sentence.end)


def _attribution(
    sentence: _Sentence,
    content: tuple[int, int],
    cue: Cue,
    source: Mention | None,
    rule: str,
    confidence: float,
) -> Attribution:
    kind = QuoteKind.MIXED if _QUOTE_MARK.search(sentence.text, *content) else QuoteKind.INDIRECT
    return Attribution(content, kind, cue, source, rule, confidence, sentence.paragraph)
