"""The command line: ``quoteattr FILE`` or ``python -m quoteattr FILE``.

``quoteattr FILE`` (``-`` reads standard input, ``--demo`` the bundled article)
prints the quotes it finds as a table, with ``--format json|jsonl`` as
:meth:`quoteattr.Document.to_dict` JSON, or with ``--format html`` as the page
of :func:`quoteattr.render_html`. ``quoteattr evaluate DIR`` scores the
library against a BRAT stand-off corpus, and ``quoteattr bench [DIR ...]`` times
it. ``quoteattr stats PATH...`` counts the quotes of a corpus (speakers, source
kinds, relays, cue stances) and ``quoteattr report PATH... -o FILE`` draws them on
one HTML page. Input must be UTF-8. Any error is one ``quoteattr: error: ...`` line on
standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib.resources
import json
import os
import sys
from typing import Callable, Sequence

from quoteattr import __version__, analyze, render_html, to_json
from quoteattr._table import render, shorten
from quoteattr.errors import QuoteAttrError
from quoteattr.model import Document

__all__ = ["main"]

EXIT_OK = 0
EXIT_ERROR = 2
QUOTE_WIDTH = 60
_BOM = b"\xef\xbb\xbf"


class _InputError(Exception):
    """The input cannot be read; the message names it and says why."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 on success, 2 on a usage error or unreadable input.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:
        parser, command = _evaluate_parser(), _evaluate
        argv = argv[1:]
    elif argv[:1] == ["bench"]:
        parser, command = _bench_parser(), _bench
        argv = argv[1:]
    elif argv[:1] in (["stats"], ["report"]):
        from quoteattr import _corpus_cli  # imported here, like evaluation below

        parser, command = _corpus_cli.parser(argv[0]), _corpus_cli.command(argv[0])
        argv = argv[1:]
    else:
        parser, command = _analyze_parser(), _analyze
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits after --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_ERROR
    return _run(command, args)


def _run(command: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return command(args)
    except (_InputError, QuoteAttrError) as error:
        print("quoteattr: error: " + " ".join(str(error).split()), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader went away, as in `quoteattr FILE | head -1`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find the quotations in a UTF-8 news text and who said them.",
        epilog="To score the library on a BRAT corpus: quoteattr evaluate DIR",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="a UTF-8 text file, or - for stdin")
    source.add_argument("--demo", action="store_true", help="analyse the bundled demo article")
    parser.add_argument(
        "--format",
        choices=sorted(_FORMATS),
        default="table",
        help="table (default); json: the document, indented; jsonl: the document on one line;"
        " html: a self-contained page with the quotes highlighted",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _evaluate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr evaluate",
        description="Score quoteattr against a BRAT stand-off corpus (see EVALUATION.md).",
    )
    parser.add_argument("directory", metavar="DIR", help="e.g. ../shared/data/polnear/dev")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _bench_parser() -> argparse.ArgumentParser:
    from quoteattr._corpus_cli import positive_number  # the one check every command uses

    parser = argparse.ArgumentParser(
        prog="quoteattr bench",
        description="Time quoteattr against NLTK's Punkt sentence splitter, by stage, over"
        " processes, and on one article at 1x, 2x, 4x and 8x its length.",
    )
    parser.add_argument(
        "directories", nargs="*", metavar="DIR",
        help="folders of UTF-8 .txt files, read at any depth (default: ../shared/data/polnear)",
    )
    parser.add_argument("--repeat", type=positive_number, default=3, metavar="N",
                        help="run each measurement N times and keep the best (default: 3)")
    parser.add_argument("--processes", type=positive_number, default=2, metavar="N",
                        help="processes for analyze_many (default: 2)")
    return parser


def _analyze(args: argparse.Namespace) -> int:
    text = _demo_text() if args.demo else _read(args.file)
    print(_FORMATS[args.format](analyze(text)))
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    # Imported here: scoring code has no business slowing down `quoteattr FILE`.
    from quoteattr import evaluation

    report = evaluation.evaluate(args.directory)
    if args.format == "json":
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(evaluation.format_report(report))
    return EXIT_OK


def _bench(args: argparse.Namespace) -> int:
    # Imported here, like evaluation: the benchmark brings in nltk.
    from quoteattr import _bench

    directories = args.directories or [_bench.default_corpus()]
    if directories == [None]:
        print("quoteattr bench: skipped: no corpus at ../shared/data/polnear;"
              " pass DIR, a folder of .txt files", file=sys.stderr)
        return EXIT_OK
    texts = _bench.load_texts(directories)
    result = _bench.run(texts, repeat=args.repeat, processes=args.processes,
                        progress=lambda step: print(f"measuring {step} ...", file=sys.stderr))
    print(_bench.report(result))
    return EXIT_OK


def _table(doc: Document) -> str:
    rows = [
        (
            shorten(quote.content.text, QUOTE_WIDTH),
            quote.kind.value,
            "-" if quote.speaker is None else quote.speaker.name,
            "-" if quote.cue is None else quote.cue.text,
        )
        for quote in doc.quotes
    ]
    return render(("quote", "kind", "speaker", "cue"), rows)


_FORMATS: dict[str, Callable[[Document], str]] = {
    "table": _table,
    "json": lambda doc: to_json(doc, indent=2),
    "jsonl": to_json,
    "html": render_html,
}


def _demo_text() -> str:
    demo = importlib.resources.files("quoteattr") / "data" / "demo.txt"
    return _decode(demo.read_bytes(), "demo.txt")


def _read(path: str) -> str:
    if path == "-":
        return _read_stdin()
    if os.path.isdir(path):
        raise _InputError(
            f"{path}: is a directory; pass a text file (to score a corpus: quoteattr evaluate {path})"
        )
    try:
        with open(path, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        raise _InputError(f"{path}: no such file") from None
    except OSError as error:
        raise _InputError(f"{path}: cannot read it: {error.strerror}") from None
    return _decode(data, path)


def _read_stdin() -> str:
    if sys.stdin is None:
        raise _InputError("-: there is no standard input to read")
    if not hasattr(sys.stdin, "buffer"):  # already text, e.g. io.StringIO
        return sys.stdin.read()
    return _decode(sys.stdin.buffer.read(), "<stdin>")


def _decode(data: bytes, name: str) -> str:
    """Decode UTF-8, dropping a byte-order mark; a bad byte is named by its offset.

    >>> _decode(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9", "a.txt")
    'café'
    >>> _decode(b"caf\\xe9", "a.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    quoteattr.__main__._InputError: a.txt: expected UTF-8, found byte 0xe9 at byte offset 3; ...
    """
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = skip + error.start
        raise _InputError(
            f"{name}: expected UTF-8, found byte 0x{data[offset]:02x} at byte offset {offset}; "
            "save the text as UTF-8 and try again"
        ) from None


if __name__ == "__main__":
    sys.exit(main())
