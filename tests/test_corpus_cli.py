"""Tests for ``quoteattr stats`` (``quoteattr/_corpus_cli.py``) on a corpus of three articles.

The expected counts were worked out by reading the articles below:

- ``a.txt``: Ann Lee, direct, *said* (4 words); Tom Hart, indirect, *claimed* (4 words).
- ``b.txt``: Ann Lee, direct, *insisted*, relayed by Reuters (4 words); Officials
  (anonymous), indirect, *said* (4 words).
- ``sub/c.txt``: Tom Hart, direct, *told* (2 words).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

import quoteattr.__main__ as cli

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
ARTICLES = {
    "a.txt": '"We won the vote," Ann Lee said.\n\nTom Hart claimed the count was wrong.\n',
    "b.txt": '"The plan will fail," Ann Lee insisted, according to Reuters.\n\n'
             "Officials said the plan was late.\n",
    "sub/c.txt": '"No comment," Tom Hart told reporters.\n',
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of three articles, one in a subfolder, and a file that is not .txt."""
    root = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "notes.md").write_text('"Ignore me," Ann Lee said.', encoding="utf-8")
    return root


@pytest.fixture
def metadata(tmp_path: Path) -> Path:
    """A TSV giving a publisher to a and c (by stem), and to b (by file name)."""
    path = tmp_path / "metadata.tsv"
    path.write_text("filename\tpublisher\na\tnyt\nb.txt\tpost\nc\tnyt\n", encoding="utf-8")
    return path


def _stats(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["stats", "--processes", "1", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _rows(table: str) -> list[list[str]]:
    return [re.split(r" {2,}", line.strip()) for line in table.splitlines()]


def _section(out: str, title: str) -> list[list[str]]:
    """The data rows of the table under ``title`` (after its header and rule)."""
    for block in out.split("\n\n"):
        if block.startswith(title):
            return _rows("\n".join(block.splitlines()[3:]))
    raise AssertionError(f"no section {title!r} in {out!r}")


def test_table_counts_the_corpus(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The headline and tables hold the hand-counted figures; notes.md is not read."""
    status, out, err = _stats(capsys, str(corpus))
    assert (0, "") == (status, err)
    assert out.startswith("3 documents, 5 quotes, 18 words quoted; 0 quotes without a"
                          " speaker, 0 whose speaker is only a pronoun\n")
    assert [
        ["Ann Lee", "person", "2", "2", "0", "0", "8", "emphatic 1"],
        ["Tom Hart", "person", "2", "1", "1", "0", "6", "distancing 1"],
        ["Officials", "anonymous", "1", "0", "1", "0", "4", "-"],
    ] == _section(out, "Speakers")
    assert [["person", "4", "80.0%", "distancing 1, emphatic 1"],  # ties in name order
            ["anonymous", "1", "20.0%", "-"]] == _section(out, "Source kinds")
    assert [["Reuters", "media", "1"]] == _section(out, "Relays")
    assert [["neutral", "3", "60.0%"], ["distancing", "1", "20.0%"],
            ["emphatic", "1", "20.0%"]] == _section(out, "Cue stances")
    assert [["1", "4", "80.0%"], ["2", "1", "20.0%"]] == _section(out, "Chain lengths")
    assert ["say", "neutral", "2"] == _section(out, "Cue verbs")[0]


def test_top_limits_the_ranked_tables(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--top 1 keeps one speaker and says how many there are."""
    status, out, _ = _stats(capsys, "--top", "1", str(corpus))
    assert 0 == status
    assert [["Ann Lee", "person", "2", "2", "0", "0", "8", "emphatic 1"]] == _section(
        out, "Speakers (top 1 of 3)")


def test_json_is_the_summary(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints Summary.to_dict() with the hand-counted figures."""
    status, out, _ = _stats(capsys, "--format", "json", str(corpus))
    data = json.loads(out)
    assert (0, 3, 5, 18) == (status, data["documents"], data["quotes"], data["words"])
    assert {"name": "Tom Hart", "kind": "person", "quotes": 2, "direct": 1, "indirect": 1,
            "mixed": 0, "words": 6, "stances": {"distancing": 1, "neutral": 1}} == (
        data["speakers"][1])
    assert [{"name": "Reuters", "kind": "media", "quotes": 1}] == data["relays"]


def test_csv_is_the_flat_records(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format csv prints one record per line under a fixed header."""
    status, out, _ = _stats(capsys, "--format", "csv", str(corpus))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert 0 == status
    assert "table,name,kind,measure,value" == out.splitlines()[0]
    assert {"table": "corpus", "name": "", "kind": "", "measure": "quotes", "value": "5"} in rows
    assert {"table": "speaker", "name": "Ann Lee", "kind": "person",
            "measure": "stance:emphatic", "value": "1"} in rows


def test_group_by_a_metadata_column(corpus: Path, metadata: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """nyt has a and c (3 quotes, 1 distancing), post has b (2 quotes, 1 anonymous)."""
    status, out, err = _stats(capsys, str(corpus), "--metadata", str(metadata),
                              "--group-by", "publisher")
    assert (0, "") == (status, err)
    assert [
        ["publisher", "documents", "quotes", "anonymous", "distancing", "most quoted (3)"],
        ["nyt", "2", "3", "0.0%", "33.3%", "Tom Hart 2, Ann Lee 1"],
        ["post", "1", "2", "50.0%", "0.0%", "Ann Lee 1, Officials 1"],
        ["(all)", "3", "5", "20.0%", "20.0%", "Ann Lee 2, Tom Hart 2, Officials 1"],
    ] == [row for i, row in enumerate(_rows(out)) if i != 1]


def test_grouped_json_and_csv(corpus: Path, metadata: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    """JSON holds the whole and each group; CSV rows carry the group, empty for the whole."""
    grouping = ["--metadata", str(metadata), "--group-by", "publisher"]
    _, out, _ = _stats(capsys, "--format", "json", str(corpus), *grouping)
    data = json.loads(out)
    assert ("publisher", ["nyt", "post"]) == (data["group_by"], sorted(data["groups"]))
    assert (5, 3, 2) == (data["all"]["quotes"], data["groups"]["nyt"]["quotes"],
                         data["groups"]["post"]["quotes"])
    _, out, _ = _stats(capsys, "--format", "csv", str(corpus), *grouping)
    rows = list(csv.DictReader(io.StringIO(out)))
    quotes = {r["group"]: r["value"] for r in rows
              if r["table"] == "corpus" and r["measure"] == "quotes"}
    assert {"": "5", "nyt": "3", "post": "2"} == quotes


def test_files_missing_from_the_metadata_are_counted_apart(
        corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV that lacks c.txt: c goes to '(no metadata)', with a note on stderr."""
    path = tmp_path / "meta.csv"
    path.write_text("name,outlet\na,nyt\nb,post\n", encoding="utf-8")
    status, out, err = _stats(capsys, str(corpus), "--metadata", str(path), "--key", "name",
                              "--group-by", "outlet")
    assert 0 == status
    assert "1 files have no row in the metadata" in err
    assert ["(no metadata)", "1", "1", "0.0%", "0.0%", "Tom Hart 1"] in _rows(out)


def test_aliases_merge_speakers(corpus: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    """An alias file renames Tom Hart, wherever he is quoted."""
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("# name<TAB>canonical\nTom Hart\tThomas Hart\n", encoding="utf-8")
    _, out, _ = _stats(capsys, "--format", "json", "--aliases", str(aliases), str(corpus))
    names = [s["name"] for s in json.loads(out)["speakers"]]
    assert ["Ann Lee", "Thomas Hart", "Officials"] == names


def test_progress_bar_goes_to_stderr(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--progress draws on stderr and leaves stdout as it was; without it stderr is quiet."""
    _, plain, quiet = _stats(capsys, "--format", "json", str(corpus))
    _, out, err = _stats(capsys, "--format", "json", "--progress", str(corpus))
    assert (plain, "") == (out, quiet)
    assert "analysing" in err and "3/3" in err


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (None, ["missing"], "missing: no such file or folder"),
        ("empty", ["empty"], "no .txt files in"),
        (None, ["CORPUS", "--group-by", "publisher"], "--group-by needs --metadata"),
        ("meta", ["CORPUS", "--metadata", "meta.tsv"], "--metadata needs --group-by"),
        ("meta", ["CORPUS", "--metadata", "meta.tsv", "--group-by", "outlet"],
         "no column 'outlet' for --group-by"),
        ("twice", ["CORPUS", "--metadata", "meta.tsv", "--group-by", "publisher"],
         "line 3: the key 'a' is there twice"),
        ("aliases", ["CORPUS", "--aliases", "aliases.tsv"], "line 1: expected name<TAB>"),
        ("latin1", ["latin1.txt"], "latin1.txt: expected UTF-8, found byte 0xe9"),
    ],
)
def test_bad_input_is_a_one_line_error(setup: str | None, args: list[str], message: str,
                                       corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Each mistake exits 2 with one 'quoteattr: error:' line that names it."""
    monkeypatch.chdir(tmp_path)
    files = {
        "meta": ("meta.tsv", "filename\tpublisher\na\tnyt\n"),
        "twice": ("meta.tsv", "filename\tpublisher\na\tnyt\na\tpost\n"),
        "aliases": ("aliases.tsv", "Tom Hart only\n"),
    }
    if setup == "empty":
        (tmp_path / "empty").mkdir()
    elif setup == "latin1":
        (tmp_path / "latin1.txt").write_bytes(b'"Caf\xe9," she said.')
    elif setup is not None:
        name, text = files[setup]
        (tmp_path / name).write_text(text, encoding="utf-8")
    status, out, err = _stats(capsys, *[str(corpus) if a == "CORPUS" else a for a in args])
    assert (2, "") == (status, out)
    assert 1 == len(err.splitlines()) and err.startswith("quoteattr: error: ")
    assert message in err


def test_a_file_named_on_the_command_line_is_read_whatever_its_suffix(
        corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Folders are searched for .txt, but a file given by name is always read."""
    _, out, _ = _stats(capsys, "--format", "json", str(corpus / "notes.md"))
    assert (1, 1) == (json.loads(out)["documents"], json.loads(out)["quotes"])


@pytest.mark.skipif(not (POLNEAR / "dev").is_dir(),
                    reason="PolNeAR is not in ../shared/data/polnear")
def test_the_worked_example_runs_on_polnear_dev(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/recipes/corpus.rst's command, on dev: seven publishers of 12 articles each."""
    status, out, err = _stats(
        capsys, "--format", "json", str(POLNEAR / "dev"),
        "--metadata", str(POLNEAR / "metadata.tsv"), "--group-by", "publisher",
        "--aliases", str(ROOT / "docs" / "recipes" / "polnear-aliases.tsv"))
    data = json.loads(out)
    assert (0, "") == (status, err)
    assert {"breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post",
            "west-journal"} == set(data["groups"])
    assert {12} == {group["documents"] for group in data["groups"].values()}
    assert data["all"]["quotes"] == sum(g["quotes"] for g in data["groups"].values())
    names = {speaker["name"] for speaker in data["all"]["speakers"]}
    assert "Donald Trump" in names and not {"Donald J Trump", "Obama"} & names
