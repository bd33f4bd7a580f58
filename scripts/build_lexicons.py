"""Rebuild the English lexicons in quoteattr/lexicons/en/ from curated lists and PolNeAR train.

Usage::

    python scripts/build_lexicons.py [--polnear DIR] [--out DIR] [--report]

Inputs are the hand-written lists in ``scripts/curated/`` and the PolNeAR train split
(``DIR/train/text/*.txt`` and ``DIR/train/attributions/*.ann``; the default ``DIR`` is
``../shared/data/polnear`` next to the repository). For each article only the first
annotation file in sorted order is read. What train contributes:

- ``reporting_verbs.txt``: how often each form heads a Cue span, how often it occurs
  in the text, and the ratio of the two;
- ``cue_phrases.txt``: how many Cue spans contain each curated phrase;
- ``abbreviations.txt``: the abbreviation types ``nltk``'s ``PunktTrainer`` learns,
  kept when they occur at least ``MIN_ABBREVIATION_COUNT`` times;
- the other lexicons are curated; ``--report`` prints the train candidates (Cue head
  words, Source span patterns) that the curated lists and ``rejected.txt`` do not yet
  cover, which is how those lists were reviewed.

Only words, counts and ratios derived from train are written, never article text.
Output is sorted and carries no dates, so running the script twice gives identical
files. ``speech_verbs.txt`` is maintained by hand elsewhere and is never written here.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parent.parent
CURATED = REPO / "scripts" / "curated"
DEFAULT_POLNEAR = REPO.parent / "shared" / "data" / "polnear"
DEFAULT_OUT = REPO / "quoteattr" / "lexicons" / "en"

MIN_ABBREVIATION_COUNT = 3
MIN_CANDIDATE_COUNT = 3
MADE_BY = "scripts/build_lexicons.py"

WORD = regex.compile(r"\p{L}+")
PHRASE_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['.&-][\p{L}\p{N}]+)*")
SPAN_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’&-]*")
ANN_LINE = regex.compile(r"^T\d+\t([\w-]+) (\d+ \d+(?:;\d+ \d+)*)\t")


# --- reading ------------------------------------------------------------------------


class Article:
    """One train article: its text and its (label, segments) annotations."""

    def __init__(self, name: str, text: str, spans: list[tuple[str, tuple[tuple[int, int], ...]]]):
        self.name = name
        self.text = text
        self.spans = spans

    def span_texts(self, label: str) -> Iterator[tuple[tuple[tuple[int, int], ...], str]]:
        """Yield (segments, text) of every span with ``label``, segments joined by a space."""
        for span_label, segments in self.spans:
            if span_label == label:
                yield segments, " ".join(self.text[s:e] for s, e in segments)


def load_train(polnear: Path) -> list[Article]:
    """Read PolNeAR train: each article with the first annotation file in sorted order."""
    text_dir = polnear / "train" / "text"
    ann_dir = polnear / "train" / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        sys.exit(
            f"build_lexicons: PolNeAR train not found under {polnear} (expected "
            "train/text/ and train/attributions/). Pass --polnear DIR, the folder that "
            "holds train/."
        )
    by_article: dict[str, list[Path]] = collections.defaultdict(list)
    for path in sorted(ann_dir.glob("*.ann")):
        by_article[path.stem.rsplit("_", 1)[0]].append(path)
    articles = []
    for name in sorted(by_article):
        text = (text_dir / f"{name}.txt").read_text(encoding="utf-8")
        spans = []
        for line in by_article[name][0].read_text(encoding="utf-8").splitlines():
            match = ANN_LINE.match(line)
            if match is None:
                continue
            segments = tuple(
                (int(start), int(end))
                for start, end in (part.split() for part in match.group(2).split(";"))
            )
            if all(0 <= s <= e <= len(text) for s, e in segments):
                spans.append((match.group(1), segments))
        articles.append(Article(name, text, spans))
    if not articles:
        sys.exit(f"build_lexicons: no annotation files in {ann_dir}.")
    return articles


def read_curated(name: str) -> list[tuple[str, ...]]:
    """Rows of ``scripts/curated/<name>.txt``: comments and blank lines dropped."""
    rows = []
    for line in (CURATED / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(field.strip() for field in line.split("\t")))
    return rows


def read_rejected() -> dict[str, set[str]]:
    """Reviewed candidates per lexicon (``rejected.txt``: lexicon, entry, reason)."""
    rejected: dict[str, set[str]] = collections.defaultdict(set)
    for row in read_curated("rejected"):
        if len(row) != 3:
            raise SystemExit(f"build_lexicons: rejected.txt row needs 3 columns: {row}")
        rejected[row[0]].add(row[1])
    return rejected


def normalise(text: str) -> str:
    """Lowercase, straight apostrophes, single spaces, no surrounding punctuation."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    text = regex.sub(r"\s+", " ", text)
    return regex.sub(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$", "", text)


# --- writing ------------------------------------------------------------------------


def header(title: str, about: str, columns: str, made: str) -> list[str]:
    """The ``#`` comment block that opens every lexicon file."""
    lines = [*_wrap(title), ""]
    for block in (about, f"Columns (tab-separated): {columns}", made):
        lines.extend(_wrap(block))
    return [f"# {line}".rstrip() for line in lines]


def _wrap(text: str, width: int = 86) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def write_lexicon(out: Path, name: str, head: list[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``<out>/<name>.txt``; return the number of rows."""
    body = ["\t".join(str(field) for field in row) for row in rows]
    (out / f"{name}.txt").write_text("\n".join([*head, *body]) + "\n", encoding="utf-8")
    return len(body)


# --- reporting verbs ----------------------------------------------------------------

VOWELS = set("aeiou")


def inflect(lemma: str, irregular: dict[str, tuple[str, ...]]) -> list[str]:
    """Every form of ``lemma``: base, -s, past, past participle, -ing (no duplicates).

    >>> inflect("argue", {})
    ['argue', 'argues', 'argued', 'arguing']
    >>> inflect("deny", {})
    ['deny', 'denies', 'denied', 'denying']
    """
    if lemma in irregular:
        forms = [lemma]
        for column in irregular[lemma]:
            forms.extend(column.split("|"))
    else:
        past = _past(lemma)
        forms = [lemma, _third_singular(lemma), past, past, _present_participle(lemma)]
    return list(dict.fromkeys(forms))


def _third_singular(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2] not in VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def _doubles(lemma: str) -> bool:
    """One-syllable consonant-vowel-consonant verbs double their last letter (dub -> dubbed)."""
    syllables = regex.findall(r"[aeiouy]+", lemma[:-1])
    return (
        len(syllables) == 1
        and len(lemma) >= 3
        and lemma[-1] not in VOWELS | set("wxy")
        and lemma[-2] in VOWELS
        and lemma[-3] not in VOWELS
    )


def _past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2] not in VOWELS:
        return lemma[:-1] + "ied"
    if _doubles(lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _present_participle(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    if _doubles(lemma):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def verb_forms() -> dict[str, str]:
    """Map every form of every curated reporting lemma to its lemma."""
    irregular = {row[0]: row[1:] for row in read_curated("irregular_verbs")}
    for lemma, columns in irregular.items():
        if len(columns) != 4:
            raise SystemExit(f"build_lexicons: irregular_verbs.txt needs 5 columns for {lemma!r}")
    forms: dict[str, str] = {}
    lemmas = [row[0].lower() for row in read_curated("reporting_lemmas")]
    if len(set(lemmas)) != len(lemmas):
        raise SystemExit("build_lexicons: reporting_lemmas.txt lists a lemma twice")
    for lemma in lemmas:
        for form in inflect(lemma, irregular):
            if forms.setdefault(form, lemma) != lemma:
                raise SystemExit(
                    f"build_lexicons: {form!r} is a form of {forms[form]!r} and {lemma!r}"
                )
    return forms


def count_verbs(
    articles: list[Article], forms: dict[str, str]
) -> tuple[collections.Counter, collections.Counter]:
    """Count (cue heads, text occurrences) of every form.

    A Cue span's head is the first word overlapping the span that is a curated form.
    """
    cue_count: collections.Counter = collections.Counter()
    text_count: collections.Counter = collections.Counter()
    for article in articles:
        words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(article.text)]
        starts = [start for start, _, _ in words]
        text_count.update(word for _, _, word in words if word in forms)
        for label, segments in article.spans:
            if label != "Cue":
                continue
            head = _cue_head(words, starts, segments, forms)
            if head is not None:
                cue_count[head] += 1
    return cue_count, text_count


def _cue_head(words, starts, segments, forms) -> str | None:
    for seg_start, seg_end in sorted(segments):
        i = max(bisect.bisect_right(starts, seg_start) - 1, 0)
        while i < len(words) and words[i][0] < seg_end:
            start, end, word = words[i]
            if end > seg_start and word in forms:
                return word
            i += 1
    return None


def build_reporting_verbs(articles: list[Article], out: Path) -> int:
    forms = verb_forms()
    cue_count, text_count = count_verbs(articles, forms)
    rows = []
    for form, lemma in sorted(forms.items(), key=lambda item: (item[1], item[0])):
        cues, occurrences = cue_count[form], text_count[form]
        precision = cues / occurrences if occurrences else 0.0
        rows.append((form, lemma, cues, occurrences, f"{precision:.4f}"))
    head = header(
        "Reporting verbs: every inflected form of the verbs that introduce what someone "
        "said, wrote, thought, knew or wanted, or what evidence shows.",
        "One row per form (lowercase). Forms unseen in PolNeAR train are listed too, with "
        "counts 0.",
        "form; lemma; cue_count = how many PolNeAR train Cue spans this form heads (the "
        "first word of the span that is a listed form); text_count = how often it occurs "
        "as a word in PolNeAR train text (case-insensitive); precision = cue_count / "
        "text_count (0 when unseen), i.e. how far to trust the form as a cue.",
        f"Made by {MADE_BY} from scripts/curated/reporting_lemmas.txt (the gate) and "
        f"scripts/curated/irregular_verbs.txt, counted on PolNeAR train ({len(articles)} "
        "articles, first annotator). Edit the curated files and rerun; do not edit this file.",
    )
    return write_lexicon(out, "reporting_verbs", head, rows)


# --- cue phrases ----------------------------------------------------------------------


def _phrase_words(text: str) -> tuple[str, ...]:
    return tuple(PHRASE_WORD.findall(normalise(text)))


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def cue_texts(articles: list[Article]) -> list[tuple[str, ...]]:
    """The words of every train Cue span."""
    return [_phrase_words(text) for article in articles for _, text in article.span_texts("Cue")]


def build_cue_phrases(articles: list[Article], out: Path) -> int:
    cues = cue_texts(articles)
    rows = []
    phrases = sorted({" ".join(_phrase_words(row[0])) for row in read_curated("cue_phrases")})
    for phrase in phrases:
        words = tuple(phrase.split())
        rows.append((phrase, sum(_contains(cue, words) for cue in cues)))
    head = header(
        "Cue phrases: fixed multi-word expressions that introduce reported content "
        "(according to, in a statement, pointed out, went on to say).",
        "One lowercase phrase per row, words separated by single spaces, straight "
        "apostrophes. Single reporting verbs with auxiliaries or adverbs (has said, also "
        "noted) are not phrases: see reporting_verbs.txt.",
        "phrase; count = how many PolNeAR train Cue spans contain the phrase as a word "
        "sequence (0 for standard phrases unseen in train).",
        f"Made by {MADE_BY} from scripts/curated/cue_phrases.txt (hand-kept from the "
        "multi-word Cue spans seen at least 3 times in PolNeAR train, "
        f"{len(articles)} articles). Edit the curated file and rerun; do not edit this file.",
    )
    return write_lexicon(out, "cue_phrases", head, rows)


# --- abbreviations --------------------------------------------------------------------

LEARNT_ABBREVIATION = regex.compile(r"^\p{Ll}[\p{Ll}.&-]*\p{Ll}$")
PARTY_STATE = regex.compile(r"^[dri]-")  # "R-Fla." is a party plus a state abbreviation


def learn_abbreviations(articles: list[Article]) -> dict[str, int]:
    """Abbreviation types PunktTrainer learns from train, with their counts in the text."""
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer()
    for article in articles:
        trainer.train(article.text, finalize=False)
    trainer.finalize_training()
    learnt = {
        abbreviation
        for abbreviation in trainer.get_params().abbrev_types
        if LEARNT_ABBREVIATION.match(abbreviation) and not PARTY_STATE.match(abbreviation)
    }
    return {abbr: _abbreviation_count(articles, abbr) for abbr in sorted(learnt)}


def _abbreviation_count(articles: list[Article], abbreviation: str) -> int:
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}.'’])" + regex.escape(abbreviation) + r"\.", regex.IGNORECASE
    )
    return sum(len(pattern.findall(article.text)) for article in articles)


def build_abbreviations(articles: list[Article], out: Path, rejected: dict[str, set[str]]) -> int:
    kinds = {row[0].lower(): row[1] for row in read_curated("abbreviations")}
    learnt = learn_abbreviations(articles)
    for abbreviation, count in learnt.items():
        if count >= MIN_ABBREVIATION_COUNT and abbreviation not in rejected["abbreviations"]:
            kinds.setdefault(abbreviation, "other")
    _check_values("abbreviations", kinds.values(), {"title", "other"})
    head = header(
        "Abbreviations whose final period does not, as a rule, end a sentence "
        "(Mr., Sen., U.S., Calif., Inc., Jan.).",
        "One row per abbreviation, lowercase, without the final period (u.s stands for "
        "U.S.).",
        "abbreviation; kind = title when it stands before a name (mr, sen, gov, dr), "
        "other otherwise.",
        f"Made by {MADE_BY}: the abbreviation types nltk's PunktTrainer learns from "
        f"PolNeAR train ({len(articles)} articles) that occur at least "
        f"{MIN_ABBREVIATION_COUNT} times, minus those in scripts/curated/rejected.txt "
        "(words such as ill or ore, and a.m., p.m., etc., which often end a sentence), "
        "plus scripts/curated/abbreviations.txt, which also gives the kind. Edit the "
        "curated files and rerun; do not edit this file.",
    )
    return write_lexicon(out, "abbreviations", head, sorted(kinds.items()))


# --- curated lexicons -----------------------------------------------------------------


def _check_values(name: str, values: Iterable[str], allowed: set[str]) -> None:
    bad = sorted(set(values) - allowed)
    if bad:
        raise SystemExit(
            f"build_lexicons: {name}: unexpected values {bad}; allowed {sorted(allowed)}"
        )


def _unique(name: str, keys: Iterable[str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise SystemExit(f"build_lexicons: {name}: {key!r} is listed twice")
        seen.add(key)


def _made_from(name: str, mined: str) -> str:
    return (
        f"Made by {MADE_BY} from scripts/curated/{name}.txt (hand-written), reviewed "
        f"against {mined} in PolNeAR train ({MADE_BY} --report). Edit the curated file "
        "and rerun; do not edit this file."
    )


def build_titles(out: Path) -> int:
    rows = sorted((title.lower(), gender) for title, gender in read_curated("titles"))
    _unique("titles", (title for title, _ in rows))
    _check_values("titles", (gender for _, gender in rows), {"m", "f", "-"})
    head = header(
        "Titles and roles: words that name a person's position and can stand before a "
        "name (Sen. Ted Cruz, Spokeswoman Haley Morris) or stand for the person (the "
        "senator).",
        "One row per title, lowercase; abbreviated titles keep their final period (sen.); "
        "multi-word titles are listed whole (secretary of state). Honorifics (mr., mrs., "
        "ms.) are included because they carry gender.",
        "title; gender the title implies: m, f, or - when it implies none.",
        _made_from("titles", "the role words standing right before a name, or after "
                   "'the', in Source spans"),
    )
    return write_lexicon(out, "titles", head, rows)


def outlet_keys(rows: Iterable[tuple[str, ...]]) -> dict[str, str]:
    """Map every lowercase name and short form to the canonical outlet name."""
    keys: dict[str, str] = {}
    for row in rows:
        name, short = row[0], row[1] if len(row) > 1 else ""
        for key in [name.lower(), *filter(None, short.split("|"))]:
            if keys.setdefault(key, name) != name:
                raise SystemExit(
                    f"build_lexicons: media_outlets: {key!r} names {keys[key]!r} and {name!r}"
                )
    return keys


def _outlet_rows() -> list[tuple[str, str]]:
    rows = []
    for row in read_curated("media_outlets"):
        short = row[1] if len(row) > 1 else ""
        forms = sorted({form.strip().lower() for form in short.split("|") if form.strip()})
        rows.append((row[0], "|".join(forms)))
    return sorted(rows, key=lambda row: (row[0].lower(), row[0]))


def build_media_outlets(out: Path) -> int:
    rows = _outlet_rows()
    outlet_keys(rows)
    head = header(
        "News outlets and agencies (newspapers, broadcasters, websites, wire services).",
        "One row per outlet. A short form names that outlet and no other in news prose; "
        "every lowercase name and short form is unique across the file. Left ambiguous on "
        "purpose: 'the times' (NYT), 'bloomberg', 'forbes'; left out: 'the post'.",
        "name as the outlet writes it; short_forms = lowercase alternatives separated by "
        "'|' (may be empty).",
        _made_from("media_outlets", "the capitalised Source spans"),
    )
    return write_lexicon(out, "media_outlets", head, rows)


def build_organization_heads(out: Path) -> int:
    rows = sorted((entry.lower(), kind) for entry, kind in read_curated("organization_heads"))
    _unique("organization_heads", (entry for entry, _ in rows))
    _check_values("organization_heads", (kind for _, kind in rows), {"head", "name"})
    head = header(
        "Organisation heads and names.",
        "head: a noun that makes a capitalised name ending in it an organisation (State "
        "Department, Clinton campaign, Judicial Watch). name: a name that is an "
        "organisation by itself (Kremlin, Pentagon, FBI, White House). Acronyms that are "
        "also common words (ICE, WHO) are left out; news outlets are in media_outlets.txt.",
        "entry (lowercase); kind = head or name.",
        _made_from("organization_heads", "the last words of capitalised Source spans"),
    )
    return write_lexicon(out, "organization_heads", head, rows)


def build_word_list(out: Path, name: str, title: str, about: str, mined: str) -> int:
    rows = sorted({(row[0].lower(),) for row in read_curated(name)})
    head = header(title, about, "head (lowercase noun).", _made_from(name, mined))
    return write_lexicon(out, name, head, rows)


def build_stance_verbs(out: Path) -> int:
    rows = sorted({tuple(field.lower() for field in row) for row in read_curated("stance_verbs")})
    _unique("stance_verbs", (row[0] for row in rows))
    _check_values("stance_verbs", (row[2] for row in rows),
                  {"to", "object", "to|object", "as", "for", "for|against", "against", "with", "on"})
    head = header(
        "Stance verbs: verbs that attribute a stance, refusal or intention rather than "
        "words (declined to comment, endorsed Clinton); their complement is the content.",
        "A form is listed when the predictions the stance rule adds with it are right "
        "at least half the time on PolNeAR train.",
        "form; lemma; complement (to: an infinitive follows; object: a noun phrase; "
        "to|object: an infinitive, else a noun phrase; for, against, with, on or "
        "for|against: that preposition, then a noun phrase; as: a noun phrase and as, as in "
        "'sees him as a leader').",
        _made_from("stance_verbs", "the stance rule's readings of each form"),
    )
    return write_lexicon(out, "stance_verbs", head, rows)


def build_pronouns(out: Path) -> int:
    rows = sorted(tuple(field.lower() for field in row) for row in read_curated("pronouns"))
    _unique("pronouns", (row[0] for row in rows))
    for row in rows:
        if len(row) != 5 or row[1] not in {"m", "f", "n", "-"} or row[2] not in {"sg", "pl", "-"}:
            raise SystemExit(f"build_lexicons: pronouns: malformed row {row}")
    head = header(
        "Personal pronouns, with the gender, number, person and case they mark.",
        "One row per form, lowercase: subject, object, possessive and reflexive forms.",
        "pronoun; gender = m, f, n (it) or -; number = sg, pl or - (you); person = 1, 2 "
        "or 3; case = nom, acc, gen (possessive) or refl, several separated by '|'.",
        f"Made by {MADE_BY} from scripts/curated/pronouns.txt (hand-written). Edit the "
        "curated file and rerun; do not edit this file.",
    )
    return write_lexicon(out, "pronouns", head, rows)


def build_all(articles: list[Article], out: Path) -> dict[str, int]:
    """Write every lexicon into ``out``; return row counts by lexicon name."""
    rejected = read_rejected()
    out.mkdir(parents=True, exist_ok=True)
    counts = {
        "reporting_verbs": build_reporting_verbs(articles, out),
        "cue_phrases": build_cue_phrases(articles, out),
        "abbreviations": build_abbreviations(articles, out, rejected),
        "titles": build_titles(out),
        "media_outlets": build_media_outlets(out),
        "organization_heads": build_organization_heads(out),
        "anonymous_heads": build_word_list(
            out,
            "anonymous_heads",
            "Anonymous-source heads: nouns that head a source whose identity the reporter "
            "withholds (a senior official, two people familiar with the talks, sources "
            "close to the campaign).",
            "Titles that name a position (spokesman) are in titles.txt and groups (voters, "
            "experts) in group_heads.txt; a few role nouns (aide, adviser, staffer, "
            "operative) are in both this file and titles.txt.",
            "the last words of nameless Source spans that start with a, an, one, two, "
            "several, other, senior, some, ...",
        ),
        "group_heads": build_word_list(
            out,
            "group_heads",
            "Group heads: nouns for groups of people reported as saying, believing or "
            "wanting something collectively (Democrats, many voters, critics, the crowd).",
            "Officials and unnamed insiders are in anonymous_heads.txt; polls, studies and "
            "documents in evidence_heads.txt.",
            "the last words of nameless Source spans",
        ),
        "evidence_heads": build_word_list(
            out,
            "evidence_heads",
            "Evidence heads: nouns for sources that are not people: polls, studies, data, "
            "and documents that show, find or say something (a new poll, the report, court "
            "records, the statement).",
            "Singular and plural forms are both listed.",
            "the last words of nameless Source spans",
        ),
        "attitude_nouns": build_word_list(
            out,
            "attitude_nouns",
            "Attitude nouns: nouns of feeling or stance that, bare or after a degree word, "
            "make with a verb and a preposition a phrase reporting a stance towards the "
            "preposition's object (expressed support for X, showed no sign of X).",
            "The content is the object alone; after a possessive (voiced his disapproval "
            "of X) the noun phrase is the object itself.",
            "the words before the last preposition of Cue spans",
        ),
        "media_heads": build_word_list(
            out,
            "media_heads",
            "Media heads: nouns for news outlets named by what they are, not by their name "
            "(the newspaper reports, the network said, a local TV station).",
            "Outlets named by their name are in media_outlets.txt; singular and plural forms "
            "are both listed.",
            "the last words of nameless Source spans",
        ),
        "headline_labels": build_word_list(
            out,
            "headline_labels",
            "Headline labels: words before a colon that label a headline or paragraph "
            "(EXCLUSIVE:, The Latest:, Paid Notice:) and do not name who speaks.",
            "Compared lowercase with the whole left side of the colon.",
            "the headline colons of PolNeAR train whose left side is not a Source span",
        ),
        "stance_verbs": build_stance_verbs(out),
        "pronouns": build_pronouns(out),
        "first_names": build_first_names(articles, out),
    }
    return counts


# --- first names ------------------------------------------------------------------------

FULL_NAME = regex.compile(
    r"\b(\p{Lu}\p{Ll}+)\s+(?:\p{Lu}\.\s+)?(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b"
)
HONORIFIC = regex.compile(r"\b(Mr|Mrs|Ms)\.\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b")
HONORIFIC_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f"}
MIN_NAME_COUNT = 2
MAX_LOWERCASE_USES = 5
LOWERCASE_WORD = regex.compile(r"(?<![\p{L}.])\p{Ll}+\b")
MIN_NAME_AGREEMENT = 0.8


def count_first_names(articles: list[Article]) -> dict[str, collections.Counter[str]]:
    """For each first name, how often its bearers are called Mr. or Mrs./Ms.

    In an article that writes both ``Hillary Clinton`` and ``Mrs. Clinton`` (the
    newspaper style of honorifics), the first name Hillary counts once for f.
    """
    not_names = {row[0].split()[-1] for row in read_curated("titles")} | FUNCTION | NAME_STOP
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for article in articles:
        honorifics: dict[str, set[str]] = collections.defaultdict(set)
        for match in HONORIFIC.finditer(article.text):
            honorifics[match.group(2)].add(HONORIFIC_GENDER[match.group(1)])
        seen = set()
        for first, last in FULL_NAME.findall(article.text):
            genders = honorifics.get(last, set())
            if len(genders) == 1 and first.lower() not in not_names and (first, last) not in seen:
                seen.add((first, last))
                counts[first][next(iter(genders))] += 1
    return counts


def lowercase_words(articles: list[Article]) -> collections.Counter[str]:
    """How often each word is written in lowercase: names rarely are."""
    return collections.Counter(
        word for article in articles for word in LOWERCASE_WORD.findall(article.text)
    )


def build_first_names(articles: list[Article], out: Path) -> int:
    found: dict[str, tuple[str, int, int]] = {}
    common = lowercase_words(articles)
    for name, counts in sorted(count_first_names(articles).items()):
        if common[name.lower()] > MAX_LOWERCASE_USES:
            continue
        total = counts["m"] + counts["f"]
        gender = max("mf", key=lambda g: counts[g])
        if total >= MIN_NAME_COUNT and counts[gender] / total >= MIN_NAME_AGREEMENT:
            found[name.lower()] = (gender, counts["m"], counts["f"])
    for name, gender in read_curated("first_names"):
        counts_m, counts_f = found.get(name, ("-", 0, 0))[1:]
        found[name] = (gender, counts_m, counts_f)
    rows = [(name, *entry) for name, entry in sorted(found.items()) if entry[0] != "-"]
    head = header(
        "First names and the gender their bearers are referred to with.",
        "A first name belongs here when, in the PolNeAR train articles that write both a "
        "full name (Hillary Clinton) and an honorific with its surname (Mrs. Clinton, "
        f"Mr. Trump), its bearers are given one gender at least {MIN_NAME_AGREEMENT:.0%} "
        f"of the time in at least {MIN_NAME_COUNT} articles, and it is written in lowercase "
        f"at most {MAX_LOWERCASE_USES} times (so not a word). Used to resolve he and she.",
        "name (lowercase), gender (m or f), count with Mr., count with Mrs. or Ms.",
        f"Made by {MADE_BY} from PolNeAR train (counts only) and "
        "scripts/curated/first_names.txt, whose entries win. Rerun the script; do not "
        "edit this file.",
    )
    return write_lexicon(out, "first_names", head, rows)


# --- review report ----------------------------------------------------------------------

NAME_STOP = set("the a an and or former then by with to for in on at who that".split())
COUNTING = {
    "a", "an", "one", "two", "three", "four", "five", "several", "other", "some", "many",
    "senior", "few", "multiple", "numerous", "various", "most", "top", "unnamed", "anonymous",
}
AUXILIARIES = set(
    "has have had is was are were be been being also not did does do will would to s t now "
    "later first then just even still never could can may might should must repeatedly "
    "publicly previously recently often already once again further frequently quickly "
    "openly privately long don didn doesn isn wasn hasn haven won wouldn reportedly widely".split()
)
ATTITUDE_PREPOSITIONS = set("for of about in over with toward towards on at".split())
# Words that are never lexicon entries; kept out of the report to cut its noise.
FUNCTION = set(
    "the a an in on of for to at by with from about as like than that this these those it "
    "its who whom whose which what so more most some many much both all any each either "
    "neither one two three four five ten another other others few several such including "
    "against over into after before during since under new north south east west top "
    "recent latest longtime presumptive national prominent leading current potential "
    "former retired percent self everyone everybody nobody anyone here there".split()
)


def report(articles: list[Article], top: int = 60) -> None:
    """Print the train candidates the curated lists and rejected.txt do not cover yet."""
    rejected = read_rejected()
    irregular = {row[0]: row[1:] for row in read_curated("irregular_verbs")}
    rejected_forms = {
        form for lemma in rejected["reporting_verbs"] for form in inflect(lemma, irregular)
    }
    pronouns = {row[0] for row in read_curated("pronouns")}
    noise = FUNCTION | pronouns
    lowercase_words = {
        word
        for article in articles
        for word in regex.findall(r"\b\p{Ll}[\p{L}'’-]*", article.text)
    }

    def is_name(word: str) -> bool:
        lower = word.lower()
        return word[:1].isupper() and not {lower, lower.rstrip(".")} & lowercase_words

    def show(title: str, counter: collections.Counter, known: set[str], lexicon: str) -> None:
        skip = known | rejected[lexicon] | noise
        rows = [
            (key, count) for key, count in counter.most_common()
            if count >= MIN_CANDIDATE_COUNT and key not in skip and not key.split()[-1] in noise
        ]
        print(f"\n## {title}: {len(rows)} unreviewed candidates (count >= {MIN_CANDIDATE_COUNT})")
        print(", ".join(f"{key} {count}" for key, count in rows[:top]))

    forms = verb_forms()
    phrase_words = [tuple(_phrase_words(row[0])) for row in read_curated("cue_phrases")]
    heads: collections.Counter = collections.Counter()
    phrases: collections.Counter = collections.Counter()
    attitudes: collections.Counter = collections.Counter()
    for words in cue_texts(articles):
        if len(words) > 1:
            phrases[" ".join(words)] += 1
        if len(words) > 2 and words[-1] in ATTITUDE_PREPOSITIONS:
            attitudes[words[-2]] += 1
        if any(word in forms for word in words) or any(_contains(words, p) for p in phrase_words):
            continue
        content = [word for word in words if word not in AUXILIARIES and word not in noise]
        if content:
            heads[content[0]] += 1
    show("Cue words with no reporting form or phrase", heads, rejected_forms, "reporting_verbs")
    show("Multi-word Cue spans", phrases, {" ".join(p) for p in phrase_words}, "cue_phrases")
    show("Nouns before the last preposition of Cue spans", attitudes,
         {row[0] for row in read_curated("attitude_nouns")}, "attitude_nouns")

    titles = {row[0].lower() for row in read_curated("titles")}
    orgs = {row[0].lower() for row in read_curated("organization_heads")}
    outlets = outlet_keys(read_curated("media_outlets"))
    heads_known = {
        row[0].lower()
        for name in ("anonymous_heads", "group_heads", "evidence_heads", "media_heads")
        for row in read_curated(name)
    }
    known_people = titles | heads_known | orgs
    before_name: collections.Counter = collections.Counter()
    after_the: collections.Counter = collections.Counter()
    org_last: collections.Counter = collections.Counter()
    counted_last: collections.Counter = collections.Counter()
    nameless_last: collections.Counter = collections.Counter()
    outlet_sources: collections.Counter = collections.Counter()
    capitalised: collections.Counter = collections.Counter()
    for article in articles:
        for _, text in article.span_texts("Source"):
            words = SPAN_WORD.findall(text)
            if not words:
                continue
            lower = [word.lower() for word in words]
            for i in range(1, len(words)):
                if is_name(words[i]) and not is_name(words[i - 1]):
                    run: list[str] = []
                    j = i - 1
                    while (
                        j >= 0
                        and lower[j] not in NAME_STOP
                        and not regex.search(r"['’]s$", words[j])
                        and not is_name(words[j])
                    ):
                        run.insert(0, lower[j])
                        j -= 1
                    if run and regex.fullmatch(r"\p{L}\.|\d+", run[-1]) is None:
                        for k in range(1, min(4, len(run)) + 1):
                            if run[-k] != "of":
                                before_name[" ".join(run[-k:])] += 1
            has_name = any(is_name(word) for word in words)
            if lower[0] == "the" and len(words) > 1 and words[-1].islower():
                after_the[lower[-1]] += 1
            if not has_name and words[-1].islower():
                nameless_last[lower[-1]] += 1
                if lower[0] in COUNTING:
                    counted_last[lower[-1]] += 1
            if (
                len(words) > 1
                and words[-1][:1].isupper()
                and not is_name(words[-2])
                and lower[-2] not in titles
                and lower[-2].rstrip(".") not in titles
            ):
                org_last[lower[-1]] += 1
            key = normalise(text)
            if key in outlets:
                outlet_sources[outlets[key]] += 1
            elif len(words) <= 4 and all(w[:1].isupper() for w in words if w.lower() != "the"):
                capitalised[key] += 1
    show("Role words right before a name in Source spans", before_name, titles, "titles")
    show("Nouns after 'the' in Source spans", after_the, known_people, "titles")
    show("Last word of capitalised Source spans", org_last, orgs, "organization_heads")
    show("Last word of counted nameless Sources", counted_last, known_people, "anonymous_heads")
    show("Last word of nameless Source spans", nameless_last, known_people, "group_heads")
    print(f"\n## Source spans that are outlets: {sum(outlet_sources.values())}")
    print(", ".join(f"{name} {count}" for name, count in outlet_sources.most_common()))
    known_outlets = set(outlets) | known_people
    show("Other capitalised Source spans of 1-4 words", capitalised, known_outlets, "media_outlets")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR,
                        help="PolNeAR folder holding train/ (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="where to write the lexicons (default: %(default)s)")
    parser.add_argument("--report", action="store_true",
                        help="print unreviewed train candidates instead of writing files")
    args = parser.parse_args(argv)
    articles = load_train(args.polnear)
    if args.report:
        report(articles)
        return 0
    counts = build_all(articles, args.out)
    for name, count in counts.items():
        print(f"{name}.txt: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
