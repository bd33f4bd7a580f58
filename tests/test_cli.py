"""Tests for the command line, ``quoteattr/__main__.py``.

Most tests run ``main([...])`` in-process. Those about layout replace the
pipeline with a fixed document, so they do not depend on what the pipeline
finds; the others hold for any result of ``quoteattr.analyze``.
"""

from __future__ import annotations

import doctest
import io
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

import quoteattr
import quoteattr.__main__ as cli
from quoteattr import Document, Entity, EntityKind, Quote, QuoteKind, Span
from quoteattr.errors import CorpusError, InputTypeError

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "quoteattr" / "data" / "demo.txt"
HEADER = ["quote", "kind", "speaker", "cue"]

TEXT = (
    '"We cannot keep pretending the rain will save us, and every week we wait'
    ' makes it worse," said Helena Varga.\n\nShe called it "a disaster".\n'
)


def _fixed_document() -> Document:
    """Two quotes: a long one with speaker and cue, and one with neither."""
    first = Span.of(TEXT, 1, TEXT.index(',"'))
    cue = Span.of(TEXT, TEXT.index("said"), TEXT.index("said") + 4)
    name = Span.of(TEXT, TEXT.index("Helena"), TEXT.index(".\n"))
    varga = Entity("Helena Varga", EntityKind.PERSON, (name,), ())
    second = Span.of(TEXT, TEXT.index("a disaster"), TEXT.index('".\n'))
    return Document(
        TEXT,
        (
            Quote(first, QuoteKind.DIRECT, cue, name, varga, (varga,), 0.9, "quote-said-name"),
            Quote(second, QuoteKind.MIXED, None, None, None, (), 0.2, "mixed-unattributed"),
        ),
        (varga,),
    )


@pytest.fixture
def fixed(monkeypatch: pytest.MonkeyPatch) -> Document:
    """Make the command line's pipeline return :func:`_fixed_document` whatever the input."""
    doc = _fixed_document()
    monkeypatch.setattr(cli, "analyze", lambda text: doc)
    return doc


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A UTF-8 file holding TEXT."""
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _assert_one_line_error(capsys: pytest.CaptureFixture[str], status: int) -> str:
    out, err = capsys.readouterr()
    assert 2 == status
    assert "" == out
    assert 1 == len(err.splitlines())
    assert err.startswith("quoteattr: error: ")
    assert "Traceback" not in err
    return err


def test_table_has_a_header_a_rule_and_one_row_per_quote(fixed, article, capsys):
    """Each quote is one row: content cut to 60 characters, kind, speaker name, cue text."""
    assert 0 == cli.main([str(article)])
    lines = capsys.readouterr().out.splitlines()
    assert 2 + len(fixed.quotes) == len(lines)
    assert HEADER == lines[0].split()
    assert set(lines[1]) == {"-", " "}
    long_row, short_row = lines[2:]
    assert long_row.startswith("We cannot keep pretending")
    assert "… " in long_row
    assert long_row.endswith("direct  Helena Varga  said")
    assert short_row.split() == ["a", "disaster", "mixed", "-", "-"]


def test_quote_cells_are_at_most_60_characters(fixed, article, capsys):
    """A long quote is cut to 60 characters or fewer, "…" included."""
    cli.main([str(article)])
    header, _, long_row, _ = capsys.readouterr().out.splitlines()
    cell = long_row[: header.index("kind")].rstrip()
    assert cell.endswith("…")
    assert 50 < len(cell) <= 60


def test_table_rows_match_the_pipeline(article, capsys):
    """With the real pipeline the table still has one row per quote found."""
    assert 0 == cli.main([str(article)])
    lines = capsys.readouterr().out.splitlines()
    assert HEADER == lines[0].split()
    assert 2 + len(quoteattr.analyze(TEXT).quotes) == len(lines)


def test_json_round_trips_through_from_dict(fixed, article, capsys):
    """``--format json`` prints one indented document that ``Document.from_dict`` rebuilds."""
    assert 0 == cli.main(["--format", "json", str(article)])
    out = capsys.readouterr().out
    assert out.startswith("{\n  ")
    assert fixed == Document.from_dict(json.loads(out))


def test_json_of_the_real_pipeline_round_trips(article, capsys):
    """Whatever the pipeline finds, the printed JSON is the document for the file's text."""
    assert 0 == cli.main(["--format", "json", str(article)])
    doc = Document.from_dict(json.loads(capsys.readouterr().out))
    assert TEXT == doc.text
    assert quoteattr.analyze(TEXT) == doc


def test_jsonl_is_one_line(fixed, article, capsys):
    """``--format jsonl`` prints a single input as exactly one line of JSON."""
    assert 0 == cli.main(["--format", "jsonl", str(article)])
    out = capsys.readouterr().out
    assert 1 == len(out.splitlines())
    assert out.endswith("}\n")
    assert fixed == Document.from_dict(json.loads(out))


def test_dash_reads_utf8_from_stdin(monkeypatch, capsys):
    """``-`` analyses standard input, decoded as UTF-8 whatever the locale."""
    text = "«Nous avons gagné», a-t-elle dit. \"Café,\" she said."
    _stdin(monkeypatch, text.encode("utf-8"))
    assert 0 == cli.main(["--format", "jsonl", "-"])
    assert text == json.loads(capsys.readouterr().out)["text"]


def test_a_byte_order_mark_is_dropped(monkeypatch, capsys):
    """A UTF-8 byte-order mark is not part of the text, so offsets start after it."""
    _stdin(monkeypatch, b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert 0 == cli.main(["--format", "json", "-"])
    assert TEXT == json.loads(capsys.readouterr().out)["text"]


def test_demo_analyses_the_bundled_article(capsys):
    """``--demo`` needs no FILE and analyses quoteattr/data/demo.txt."""
    assert 0 == cli.main(["--demo", "--format", "json"])
    doc = Document.from_dict(json.loads(capsys.readouterr().out))
    assert DEMO.read_text(encoding="utf-8") == doc.text


def test_demo_runs_as_a_module():
    """``python -m quoteattr --demo`` prints a table and exits 0 in a real process."""
    result = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--demo"],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert ("", 0) == (result.stderr, result.returncode)
    lines = result.stdout.splitlines()
    assert HEADER == lines[0].split()
    assert 2 + len(quoteattr.analyze(DEMO.read_text(encoding="utf-8")).quotes) == len(lines)


def test_missing_file_is_a_one_line_error(tmp_path, capsys):
    """A file that does not exist gives exit status 2 and names the file."""
    missing = tmp_path / "missing.txt"
    err = _assert_one_line_error(capsys, cli.main([str(missing)]))
    assert f"{missing}: no such file" in err


def test_directory_is_a_one_line_error(tmp_path, capsys):
    """A directory is not a text file; the message points to ``evaluate``."""
    err = _assert_one_line_error(capsys, cli.main([str(tmp_path)]))
    assert "is a directory" in err
    assert f"quoteattr evaluate {tmp_path}" in err


def test_undecodable_bytes_name_the_encoding_and_offset(tmp_path, capsys):
    """Bytes that are not UTF-8 give the expected encoding and the first bad byte's offset."""
    path = tmp_path / "latin1.txt"
    path.write_bytes("\"Café,\" he said.".encode("latin-1"))
    err = _assert_one_line_error(capsys, cli.main([str(path)]))
    assert "UTF-8" in err
    assert "byte 0xe9 at byte offset 4" in err


def test_undecodable_stdin_counts_the_byte_order_mark(monkeypatch, capsys):
    """Offsets are into the bytes as given, byte-order mark included."""
    _stdin(monkeypatch, b"\xef\xbb\xbfab\xff")
    err = _assert_one_line_error(capsys, cli.main(["-"]))
    assert "<stdin>: expected UTF-8, found byte 0xff at byte offset 5" in err


def test_library_errors_are_one_line(monkeypatch, article, capsys):
    """A QuoteAttrError from the pipeline is reported, not raised; newlines are folded."""

    def fail(text: str) -> Document:
        raise InputTypeError("expected str;\npass text")

    monkeypatch.setattr(cli, "analyze", fail)
    err = _assert_one_line_error(capsys, cli.main([str(article)]))
    assert "quoteattr: error: expected str; pass text\n" == err


def test_file_or_demo_is_required(capsys):
    """With neither FILE nor ``--demo`` argparse reports a usage error with status 2."""
    assert 2 == cli.main([])
    out, err = capsys.readouterr()
    assert "" == out
    assert "quoteattr: error: one of the arguments FILE --demo is required" in err


def test_help_returns_zero(capsys):
    """``--help`` returns 0 from ``main`` instead of exiting."""
    assert 0 == cli.main(["--help"])
    assert "evaluate DIR" in capsys.readouterr().out


@pytest.fixture
def evaluation(monkeypatch: pytest.MonkeyPatch) -> types.SimpleNamespace:
    """Stand in for ``quoteattr.evaluation``, recording the directory it was asked to score."""
    report = types.SimpleNamespace(to_dict=lambda: {"documents": 2})
    calls: list[str] = []

    def evaluate(directory: str) -> types.SimpleNamespace:
        calls.append(directory)
        if directory == "empty":
            raise CorpusError("empty: no articles found")
        return report

    fake = types.ModuleType("quoteattr.evaluation")
    fake.evaluate = evaluate
    fake.format_report = lambda r: f"documents: {r.to_dict()['documents']}"
    monkeypatch.setitem(sys.modules, "quoteattr.evaluation", fake)
    monkeypatch.setattr(quoteattr, "evaluation", fake, raising=False)
    return types.SimpleNamespace(calls=calls)


def test_evaluate_prints_the_formatted_report(evaluation, capsys):
    """``evaluate DIR`` scores DIR and prints ``format_report`` of the result."""
    assert 0 == cli.main(["evaluate", "corpus/dev"])
    assert ["corpus/dev"] == evaluation.calls
    assert "documents: 2\n" == capsys.readouterr().out


def test_evaluate_json_prints_the_report_dict(evaluation, capsys):
    """``evaluate DIR --format json`` prints ``report.to_dict()`` as JSON."""
    assert 0 == cli.main(["evaluate", "corpus/dev", "--format", "json"])
    assert {"documents": 2} == json.loads(capsys.readouterr().out)


def test_evaluate_errors_are_one_line(evaluation, capsys):
    """A CorpusError from the scorer is a one-line error with status 2."""
    err = _assert_one_line_error(capsys, cli.main(["evaluate", "empty"]))
    assert "quoteattr: error: empty: no articles found\n" == err


def test_examples_in_the_main_module_pass():
    """pytest's ``--doctest-modules`` skips ``__main__.py``, so its examples run here."""
    results = doctest.testmod(cli)
    assert (0, True) == (results.failed, results.attempted > 0)
