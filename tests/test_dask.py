"""Tests for the Dask recipe, ``quoteattr/dask_bag.py``.

The cluster is a ``distributed.LocalCluster`` of two worker processes, started
once for the module and shut down after it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Iterator

import pytest

dask = pytest.importorskip("dask", reason="the Dask recipe needs dask: pip install 'dask[bag]'")
distributed = pytest.importorskip(
    "distributed", reason="the cluster tests need distributed: pip install distributed")

import quoteattr  # noqa: E402  (after the importorskips)
from quoteattr import Document  # noqa: E402
from quoteattr.dask_bag import analysis_bag, analyze_files  # noqa: E402
from quoteattr.errors import ArgumentError, InputTypeError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """A client of a local cluster of two single-threaded worker processes."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            yield client


def _read(path: Path) -> str:
    """A file's text as the recipe reads it: UTF-8, byte-order mark dropped, line ends kept."""
    return path.read_bytes().decode("utf-8-sig")


def _records(files: list[Path]) -> list[dict[str, Any]]:
    """Every line of the files, in order, parsed as JSON (each line must be one value)."""
    lines = []
    for file in files:
        content = file.read_text(encoding="utf-8")
        assert content == "" or content.endswith("\n")
        lines += content.splitlines()
    return [json.loads(line) for line in lines]


def test_the_dev_corpus_on_a_cluster_gives_what_analyze_many_gives(client, tmp_path):
    """Over PolNeAR dev, the JSON Lines hold one record per file, in input order across
    partitions, whose documents equal ``analyze_many``'s; the tasks ran on the workers."""
    paths = sorted(DEV.glob("*.txt"))
    if not paths:
        pytest.skip(f"the PolNeAR dev split is not at {DEV}")
    with distributed.get_task_stream(client) as tasks:
        files = analyze_files(paths, tmp_path / "out", partition_size=8, scheduler=client)
    assert [f"part-{i:05d}.jsonl" for i in range(math.ceil(len(paths) / 8))] == [
        file.name for file in files]
    records = _records(files)
    assert [str(path) for path in paths] == [record["path"] for record in records]
    assert all(set(record) == {"path", "document"} for record in records)
    expected = list(quoteattr.analyze_many([_read(path) for path in paths], processes=1))
    assert [doc.to_dict() for doc in expected] == [record["document"] for record in records]
    workers = set(client.scheduler_info()["workers"])
    assert tasks.data and {task["worker"] for task in tasks.data} <= workers


def test_a_bad_file_is_reported_in_its_place_and_the_others_come_back(client, tmp_path):
    """Bytes that are not UTF-8, a missing file and a directory each give an error record
    at their position; the good files around them give their documents. With a client
    active, the default scheduler is the cluster."""
    good = tmp_path / "good.txt"
    good.write_text('"We won," she said.', encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes('"Café," he said.'.encode("latin-1"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfThe war is over, the minister said.\r\n")
    paths = [good, latin1, tmp_path / "missing.txt", tmp_path, bom]
    records = _records(analyze_files(paths, tmp_path / "out", partition_size=2))
    assert [str(path) for path in paths] == [record["path"] for record in records]
    errors = [record.get("error", {}).get("type") for record in records]
    assert [None, "UnicodeDecodeError", "FileNotFoundError", "IsADirectoryError", None] == errors
    assert "0xe9" in records[1]["error"]["message"]  # the é of Café in Latin-1
    assert "UnicodeDecodeError" in records[1]["error"]["traceback"]
    assert quoteattr.analyze('"We won," she said.') == Document.from_dict(records[0]["document"])
    bom_text = "The war is over, the minister said.\r\n"
    assert bom_text == records[4]["document"]["text"]
    assert quoteattr.analyze(bom_text) == Document.from_dict(records[4]["document"])


def test_an_error_inside_analyze_is_that_files_record(monkeypatch, tmp_path):
    """Any exception ``analyze`` raises for a file is reported with its traceback."""

    def fragile(text: str) -> Document:
        if "war" in text:
            raise IndexError("boom")
        return quoteattr.analyze(text)

    monkeypatch.setattr("quoteattr.dask_bag.analyze", fragile)
    (tmp_path / "a.txt").write_text("The war is over, he said.", encoding="utf-8")
    (tmp_path / "b.txt").write_text('"Peace is near," she said.', encoding="utf-8")
    first, second = analysis_bag([tmp_path / "a.txt", tmp_path / "b.txt"]).compute(
        scheduler="synchronous")
    assert ("IndexError", "boom") == (first["error"]["type"], first["error"]["message"])
    assert "IndexError: boom" in first["error"]["traceback"]
    assert ["Peace is near"] == [quote["content"]["text"] for quote in second["document"]["quotes"]]


def test_no_paths_give_no_files(tmp_path):
    """No input, no records: the output directory is made, and left empty."""
    assert [] == analyze_files(iter([]), tmp_path / "out", scheduler="synchronous")
    assert [] == list((tmp_path / "out").iterdir())


def test_an_output_holding_json_lines_is_refused(tmp_path):
    """Old ``.jsonl`` files would mix with the new ones: refuse, and write nothing."""
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "part-00007.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(ArgumentError, match="already holds .jsonl files"):
        analyze_files([tmp_path / "a.txt"], tmp_path / "out", scheduler="synchronous")
    assert ["part-00007.jsonl"] == [path.name for path in (tmp_path / "out").iterdir()]


def test_an_output_that_is_a_file_is_refused(tmp_path):
    """``output`` names a directory."""
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ArgumentError, match="is a file"):
        analyze_files([tmp_path / "a.txt"], tmp_path / "a.txt", scheduler="synchronous")


@pytest.mark.parametrize(("size", "error"), [(0, ArgumentError), (1.5, InputTypeError),
                                             (True, InputTypeError)])
def test_a_bad_partition_size_is_refused(size, error):
    """``partition_size`` is an int of at least 1, checked before any work."""
    with pytest.raises(error, match="partition_size"):
        analysis_bag(["a.txt"], partition_size=size)
