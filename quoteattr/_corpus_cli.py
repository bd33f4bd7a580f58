"""The corpus commands: ``quoteattr stats PATH...`` and ``quoteattr report PATH... -o FILE``.

Both read UTF-8 ``.txt`` files (given, or found at any depth under given folders),
analyse them with :func:`quoteattr.analyze_many` and count them with
:class:`quoteattr.analysis.Corpus`, one document at a time; ``--metadata FILE
--group-by COLUMN`` counts each group of files apart too, matching the file name or
stem to a key column of a TSV or CSV file. Errors are :class:`CorpusError`\\ s, which the
command line prints as one line.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import attrs

from quoteattr._batch import BatchError, analyze_many
from quoteattr._table import render, shorten
from quoteattr.analysis import Corpus, Counts, Summary
from quoteattr.errors import CorpusError
from quoteattr.model import Document

__all__ = ["parser", "command"]

_BOM = "\ufeff"
NO_GROUP = "(no metadata)"
TOP = 15
NAME_WIDTH = 32
RECORD_FIELDS = ["table", "name", "kind", "measure", "value"]
_UNREMARKABLE_STANCES = ("neutral",)


@attrs.frozen
class Grouping:
    """Which group each file belongs to: ``column``'s value in the metadata row keyed
    by the file's stem or name."""

    column: str
    groups: dict[str, str] = attrs.field(eq=False)

    def of(self, path: Path) -> str:
        """The group of ``path``, or :data:`NO_GROUP` when the metadata has no row for it.

        >>> Grouping("publisher", {"a": "nyt"}).of(Path("x/a.txt"))
        'nyt'
        """
        return self.groups.get(path.stem, self.groups.get(path.name, NO_GROUP))


@attrs.frozen
class Tally:
    """The counts of a run: the whole corpus, and each group when grouping."""

    total: Summary
    groups: dict[str, Summary] = attrs.field(eq=False)
    group_by: str | None = None


def parser(name: str) -> argparse.ArgumentParser:
    """The argument parser of ``quoteattr stats`` or ``quoteattr report``.

    >>> parser("stats").parse_args(["a.txt", "--format", "csv"]).format
    'csv'
    """
    if name == "report":
        result = argparse.ArgumentParser(
            prog="quoteattr report",
            description="Write one self-contained HTML page of charts about the quotes in"
            " a corpus, with links to every quote in context.",
        )
        result.add_argument("-o", "--output", required=True, metavar="FILE",
                            help="the HTML file to write, e.g. report.html")
        result.add_argument("--title", default="Quotes in the corpus",
                            help="the page title")
    else:
        result = argparse.ArgumentParser(
            prog="quoteattr stats",
            description="Count who is quoted in a corpus, how, in what terms and through"
            " whom.",
        )
        result.add_argument("--format", choices=("table", "json", "csv"), default="table",
                            help="table (default); json: the summary; csv: flat records")
    result.add_argument("paths", nargs="+", metavar="PATH",
                        help="UTF-8 text files, or folders searched at any depth for .txt")
    result.add_argument("--top", type=positive_number, default=TOP, metavar="N",
                        help=f"rows per ranked table, bars per chart (default: {TOP})")
    result.add_argument("--aliases", metavar="FILE",
                        help="a TSV of name<TAB>canonical name: speakers to count as one")
    result.add_argument("--metadata", metavar="FILE",
                        help="a TSV or CSV with a row per file, for --group-by")
    result.add_argument("--group-by", metavar="COLUMN",
                        help="count each value of this metadata column apart (e.g. publisher)")
    result.add_argument("--key", default="filename", metavar="COLUMN",
                        help="the metadata column holding the file name or stem"
                        " (default: filename)")
    result.add_argument("--processes", type=positive_number, default=None, metavar="N",
                        help="processes to analyse with (default: all cores)")
    result.add_argument("--progress", action="store_true",
                        help="show a progress bar on stderr even when it is not a terminal")
    return result


def command(name: str) -> Callable[[argparse.Namespace], int]:
    """The function that runs ``quoteattr stats`` or ``quoteattr report``.

    >>> command("stats").__name__
    '_run_stats'
    """
    return _run_report if name == "report" else _run_stats


def _run_stats(args: argparse.Namespace) -> int:
    """Count the corpus and print the tables, the JSON summary or the CSV records."""
    tally = _tally(_analysed(args), _aliases(args), _grouping(args))
    print(_STATS_FORMATS[args.format](tally, args.top))
    return 0


def _run_report(args: argparse.Namespace) -> int:
    """Count the corpus and write the HTML report, streaming each quote in context."""
    from quoteattr import _report  # imported here: only the report needs it

    output = Path(args.output)
    if output.is_dir():
        raise CorpusError(f"{output}: is a directory; give the file name to write")
    aliases, grouping = _aliases(args), _grouping(args)
    with _report.ReportWriter(title=args.title, top=args.top, aliases=aliases,
                              group_of=None if grouping is None else grouping.of) as writer:
        tally = _tally(writer.stream(_analysed(args)), aliases, grouping)
        try:
            writer.write(output, tally.total, tally.groups, tally.group_by)
        except OSError as error:
            raise CorpusError(f"{output}: cannot write it: {error.strerror}") from None
    print(f"wrote {output} ({tally.total.documents} documents, {tally.total.quotes} quotes)",
          file=sys.stderr)
    return 0


def _aliases(args: argparse.Namespace) -> dict[str, str] | None:
    return _read_aliases(Path(args.aliases)) if args.aliases else None


def _tally(analysed: Iterable[tuple[Path, Document]], aliases: dict[str, str] | None,
           grouping: Grouping | None) -> Tally:
    total = Corpus(aliases=aliases)
    groups: dict[str, Corpus] = {}
    for path, doc in analysed:
        total.add(doc)
        if grouping is not None:
            group = grouping.of(path)
            groups.setdefault(group, Corpus(aliases=aliases)).add(doc)
    summaries = {group: corpus.summary() for group, corpus in sorted(groups.items())}
    if NO_GROUP in summaries:
        print(f"quoteattr: {summaries[NO_GROUP].documents} files have no row in the metadata;"
              f" counted as {NO_GROUP!r}", file=sys.stderr)
    return Tally(total.summary(), summaries, None if grouping is None else grouping.column)


def _grouping(args: argparse.Namespace) -> Grouping | None:
    if args.group_by is None:
        if args.metadata is not None:
            raise CorpusError("--metadata needs --group-by COLUMN, the column to group by")
        return None
    if args.metadata is None:
        raise CorpusError("--group-by needs --metadata FILE, the table that holds the column")
    return Grouping(args.group_by, _read_metadata(Path(args.metadata), args.key, args.group_by))


def _analysed(args: argparse.Namespace) -> Iterator[tuple[Path, Document]]:
    paths = find_texts(args.paths)
    show = args.progress or sys.stderr.isatty()
    results = analyze_many((_read_text(path) for path in paths), processes=args.processes)
    for path, result in _progress(zip(paths, results), len(paths), show):
        if isinstance(result, BatchError):
            raise CorpusError(f"{path}: could not be analysed: {result.error}")
        yield path, result


def _progress(results: Iterable[tuple[Path, Document | BatchError]], total: int, show: bool
              ) -> Iterable[tuple[Path, Document | BatchError]]:
    if not show:
        return results
    from tqdm import tqdm  # nltk's dependency, so always installed

    return tqdm(results, total=total, unit="doc", desc="analysing", file=sys.stderr)


def find_texts(paths: Sequence[str]) -> list[Path]:
    """The files named, and the ``.txt`` files at any depth under the folders named.

    Raises:
        CorpusError: a path does not exist, or no text file is found.

    >>> find_texts(["no/such/folder"])
    Traceback (most recent call last):
    quoteattr.errors.CorpusError: no/such/folder: no such file or folder
    """
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise CorpusError(f"{name}: no such file or folder")
    if not found:
        raise CorpusError(f"no .txt files in {' '.join(paths)}; pass text files or folders"
                          " that hold them")
    return found


def _read_text(path: Path) -> str:
    """Read a UTF-8 file, dropping a byte-order mark.

    Raises:
        CorpusError: the file cannot be read or is not UTF-8; the message names it.
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path}: expected UTF-8, found byte 0x{error.object[error.start]:02x}"
                          f" at byte offset {error.start}; save it as UTF-8") from None
    except OSError as error:
        raise CorpusError(f"{path}: cannot read it: {error.strerror}") from None
    return text.removeprefix(_BOM)


def _read_metadata(path: Path, key: str, column: str) -> dict[str, str]:
    """Map each value of the ``key`` column to its value in ``column``.

    The file is a TSV when its first line holds a tab, a CSV otherwise.

    Raises:
        CorpusError: the file cannot be read, lacks a column, or repeats a key.
    """
    text = _read_text(path)
    delimiter = "\t" if "\t" in text.partition("\n")[0] else ","
    rows = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = rows.fieldnames or []
    for wanted, option in ((key, "--key"), (column, "--group-by")):
        if wanted not in columns:
            raise CorpusError(f"{path}: no column {wanted!r} for {option}; it has"
                              f" {', '.join(columns) or 'no header'}")
    groups: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
        name = (row[key] or "").strip()
        if name in groups:
            raise CorpusError(f"{path}: line {line}: the key {name!r} is there twice")
        groups[name] = (row[column] or "").strip()
    return groups


def _read_aliases(path: Path) -> dict[str, str]:
    """Read an alias table: ``name<TAB>canonical name`` per line, ``#`` comments.

    Raises:
        CorpusError: a line does not have two tab-separated names.
    """
    aliases: dict[str, str] = {}
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != 2 or not all(fields):
            raise CorpusError(f"{path}: line {number}: expected name<TAB>canonical name")
        aliases[fields[0]] = fields[1]
    return aliases


def positive_number(value: str) -> int:
    """An argparse type: a whole number of at least 1.

    >>> positive_number("3")
    3
    """
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value}")
    return number


# Output ---------------------------------------------------------------------------------


def _format_json(tally: Tally, top: int) -> str:
    """The summary as indented JSON; with groups, ``{"group_by", "all", "groups"}``."""
    if tally.group_by is None:
        return tally.total.to_json(indent=2)
    return json.dumps({
        "group_by": tally.group_by,
        "all": tally.total.to_dict(),
        "groups": {group: summary.to_dict() for group, summary in tally.groups.items()},
    }, ensure_ascii=False, indent=2)


def _format_csv(tally: Tally, top: int) -> str:
    """The flat records; with groups, a first ``group`` column (empty for the whole)."""
    out = io.StringIO()
    if tally.group_by is None:
        writer = csv.DictWriter(out, fieldnames=RECORD_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(tally.total.to_records())
    else:
        writer = csv.DictWriter(out, fieldnames=["group", *RECORD_FIELDS], lineterminator="\n")
        writer.writeheader()
        for group, summary in [("", tally.total), *tally.groups.items()]:
            writer.writerows({"group": group, **record} for record in summary.to_records())
    return out.getvalue().rstrip("\n")


def _format_tables(tally: Tally, top: int) -> str:
    """Plain-text tables: by group when grouping, else the whole corpus section by section."""
    if tally.group_by is not None:
        return _group_table(tally, top)
    summary = tally.total
    return "\n\n".join([
        _headline(summary),
        _source_kind_table(summary),
        _speaker_table(summary, top),
        _relay_table(summary, top),
        _chain_table(summary),
        _stance_table(summary),
        _cue_table(summary, top),
    ])


def percent(part: float) -> str:
    """A share as a percentage with one decimal.

    >>> percent(0.1234), percent(0)
    ('12.3%', '0.0%')
    """
    return f"{100 * part:.1f}%"


def _headline(summary: Summary) -> str:
    return (f"{summary.documents} documents, {summary.quotes} quotes, {summary.words} words"
            f" quoted; {summary.unattributed} quotes without a speaker,"
            f" {summary.unresolved} whose speaker is only a pronoun")


def _ranked(title: str, shown: int, of: int) -> str:
    return f"{title} (top {shown} of {of})" if shown < of else title


def _stance_note(stances: Counts[str]) -> str:
    others = [(stance, n) for stance, n in stances.most_common()
              if stance not in _UNREMARKABLE_STANCES]
    return ", ".join(f"{stance} {n}" for stance, n in others[:3]) or "-"


def _source_kind_table(summary: Summary) -> str:
    kinds = summary.source_kinds()
    rows = [(kind, str(n), percent(kinds.share(kind)), _stance_note(summary.stances(kind)))
            for kind, n in kinds.most_common()]
    return "Source kinds\n" + render(("kind", "quotes", "share", "other than neutral"), rows)


def _speaker_table(summary: Summary, top: int) -> str:
    speakers = summary.speakers()
    rows = [(shorten(s.name, NAME_WIDTH), s.kind, str(s.quotes), str(s.direct),
             str(s.indirect), str(s.mixed), str(s.words), _stance_note(s.stances))
            for s in speakers[:top]]
    header = ("speaker", "kind", "quotes", "direct", "indirect", "mixed", "words",
              "other than neutral")
    return _ranked("Speakers", len(rows), len(speakers)) + "\n" + render(header, rows)


def _relay_table(summary: Summary, top: int) -> str:
    relays = summary.relays.most_common()
    rows = [(shorten(name, NAME_WIDTH), kind, str(n)) for (name, kind), n in relays[:top]]
    title = _ranked("Relays: who passed on others' words", len(rows), len(relays))
    return title + "\n" + render(("relay", "kind", "quotes"), rows)


def _chain_table(summary: Summary) -> str:
    lengths = summary.chain_lengths
    rows = [(str(length), str(n), percent(lengths.share(length))) for length, n in lengths.items()]
    return "Chain lengths\n" + render(("length", "quotes", "share"), rows)


def _stance_table(summary: Summary) -> str:
    stances = summary.stances()
    rows = [(stance, str(n), percent(stances.share(stance))) for stance, n in stances.most_common()]
    return "Cue stances\n" + render(("stance", "quotes", "share"), rows)


def _cue_table(summary: Summary, top: int) -> str:
    cues = summary.cues.most_common()
    rows = [(shorten(head, NAME_WIDTH), stance, str(n)) for (head, stance), n in cues[:top]]
    return _ranked("Cue verbs", len(rows), len(cues)) + "\n" + render(
        ("cue", "stance", "quotes"), rows)


def _group_table(tally: Tally, top: int) -> str:
    shown = min(top, 3)
    rows = [_group_row(group, summary, shown) for group, summary in tally.groups.items()]
    rows.append(_group_row("(all)", tally.total, shown))
    header = (tally.group_by or "group", "documents", "quotes", "anonymous", "distancing",
              f"most quoted ({shown})")
    return render(header, rows)


def _group_row(group: str, summary: Summary, shown: int) -> tuple[str, ...]:
    speakers = ", ".join(f"{s.name} {s.quotes}" for s in summary.speakers(shown))
    return (group, str(summary.documents), str(summary.quotes),
            percent(summary.source_kinds().share("anonymous")),
            percent(summary.stances().share("distancing")), speakers or "-")


_STATS_FORMATS: dict[str, Callable[[Tally, int], str]] = {
    "table": _format_tables,
    "json": _format_json,
    "csv": _format_csv,
}
