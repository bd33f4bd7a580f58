"""quoteattr on Dask: analyse many files with a ``dask.bag`` and write JSON Lines.

:func:`analysis_bag` builds a bag of one record per file, in input order;
:func:`analyze_files` writes it as JSON Lines, one file per partition. A record
is ``{"path": ..., "document": ...}`` with the file's
:meth:`~quoteattr.model.Document.to_dict`, or, when the file cannot be read as
UTF-8 or analysed, ``{"path": ..., "error": {"type": ..., "message": ...,
"traceback": ...}}``: like :func:`quoteattr.analyze_many`'s
:class:`~quoteattr.BatchError`, one bad file never stops the others.

Dask is an optional dependency (``pip install 'quoteattr[dask]'``): only this
module imports it. The work runs on any Dask scheduler: the default one, a
named one (``"synchronous"``, ``"threads"``, ``"processes"``), or a
``distributed.Client``. On a cluster, the workers open the files under the
paths given, so use paths they can read (absolute ones on a shared filesystem).

The module is named after the Dask collection it builds, as
``quoteattr.spacy_component`` is after the spaCy object it provides.

>>> import json, pathlib, tempfile
>>> workspace = tempfile.TemporaryDirectory()
>>> folder = pathlib.Path(workspace.name)
>>> _ = (folder / "a.txt").write_text('"We won," she said.', encoding="utf-8")
>>> _ = (folder / "b.txt").write_bytes(b"caf\\xe9")
>>> records = analysis_bag([folder / "a.txt", folder / "b.txt"]).compute(scheduler="synchronous")
>>> records[0]["document"]["quotes"][0]["content"]["text"]
'We won'
>>> records[1]["error"]["type"]
'UnicodeDecodeError'
>>> workspace.cleanup()
"""

from __future__ import annotations

import json
import os
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import dask.bag

from quoteattr._batch import _at_least_one
from quoteattr._pipeline import analyze
from quoteattr.errors import ArgumentError

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["analysis_bag", "analyze_files"]


def analysis_bag(
    paths: Iterable[str | os.PathLike[str]], *, partition_size: int = 16
) -> dask.bag.Bag:
    """A bag of one record per file of ``paths``, in input order, not yet computed.

    Each file is read as UTF-8 (a leading byte-order mark is dropped, line ends
    are kept, as the ``quoteattr`` command does) and analysed with
    :func:`quoteattr.analyze`. Its record is ``{"path": path, "document":
    doc.to_dict()}``, or ``{"path": path, "error": {"type": ..., "message": ...,
    "traceback": ...}}`` when reading or analysing it raised. ``path`` is the
    path as given, made a ``str``.

    Args:
        paths: the files, each a ``str`` or path-like; read by the Dask workers.
        partition_size: how many files go in each partition (and so in each
            task, and in each file :func:`analyze_files` writes).

    Returns:
        A ``dask.bag.Bag`` of dicts, JSON-ready.

    Raises:
        InputTypeError: ``partition_size`` is not an ``int``.
        ArgumentError: ``partition_size`` is less than 1.

    >>> import pathlib, tempfile
    >>> workspace = tempfile.TemporaryDirectory()
    >>> path = pathlib.Path(workspace.name) / "a.txt"
    >>> _ = path.write_text("The war is over, the minister said.", encoding="utf-8")
    >>> bag = analysis_bag([path, pathlib.Path(workspace.name) / "missing.txt"])
    >>> first, second = bag.compute(scheduler="synchronous")
    >>> [quote["content"]["text"] for quote in first["document"]["quotes"]]
    ['The war is over']
    >>> second["error"]["type"]
    'FileNotFoundError'
    >>> workspace.cleanup()
    """
    partition_size = _at_least_one("partition_size", partition_size)
    names = [os.fspath(path) for path in paths]
    return dask.bag.from_sequence(names, partition_size=partition_size).map(_record)


def analyze_files(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    partition_size: int = 16,
    scheduler: str | Client | None = None,
) -> list[Path]:
    """Analyse every file of ``paths`` with Dask and write the records as JSON Lines.

    The records of :func:`analysis_bag` are written one per line (UTF-8, each
    line ending in a newline) to ``output/part-00000.jsonl``,
    ``part-00001.jsonl``, ..., one file per partition, so that reading the
    returned files in order gives the records in input order.

    Args:
        paths: the files to analyse, read by the Dask workers.
        output: a directory, created if missing; it must not already hold
            ``.jsonl`` files, which would mix with the new ones.
        partition_size: how many files go in each partition and output file.
        scheduler: the Dask scheduler to run on: a ``distributed.Client``, a
            name such as ``"processes"`` or ``"synchronous"``, or ``None`` for
            Dask's default (the active ``Client`` if there is one).

    Returns:
        The paths of the files written, in order; none for no ``paths``.

    Raises:
        ArgumentError: ``output`` is a file, or a directory holding ``.jsonl``
            files; or ``partition_size`` is less than 1.
        InputTypeError: ``partition_size`` is not an ``int``.

    >>> import json, pathlib, tempfile
    >>> workspace = tempfile.TemporaryDirectory()
    >>> folder = pathlib.Path(workspace.name)
    >>> _ = (folder / "a.txt").write_text('"We won," she said.', encoding="utf-8")
    >>> files = analyze_files([folder / "a.txt"], folder / "out", scheduler="synchronous")
    >>> [file.name for file in files]
    ['part-00000.jsonl']
    >>> (record,) = [json.loads(line) for line in files[0].read_text(encoding="utf-8").splitlines()]
    >>> record["path"] == str(folder / "a.txt"), record["document"]["quotes"][0]["kind"]
    (True, 'direct')
    >>> workspace.cleanup()
    """
    directory = Path(output)
    _check_output(directory)
    names = [os.fspath(path) for path in paths]
    if not names:  # Dask would write one empty partition as a blank line: write nothing
        directory.mkdir(parents=True, exist_ok=True)
        return []
    lines = analysis_bag(names, partition_size=partition_size).map(_json_line)
    written = lines.to_textfiles(
        str(directory / "*.jsonl"),
        name_function=_part_name,
        encoding="utf-8",
        last_endline=True,
        scheduler=scheduler,
    )
    return [Path(name) for name in written]


def _record(path: str) -> dict[str, Any]:
    """Run on a worker: the record of one file, its document or its error."""
    try:
        with open(path, "rb") as file:
            text = file.read().decode("utf-8-sig")
        return {"path": path, "document": analyze(text).to_dict()}
    except Exception as error:  # one file's failure is that file's record, not the batch's
        described = {"type": type(error).__name__, "message": str(error),
                     "traceback": traceback.format_exc()}
        return {"path": path, "error": described}


def _json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def _part_name(index: int) -> str:
    """Zero-padded, so that the file names sort in partition order."""
    return f"part-{index:05d}"


def _check_output(directory: Path) -> None:
    if directory.exists() and not directory.is_dir():
        raise ArgumentError(f"output: {directory} is a file; pass a directory for the .jsonl files")
    if directory.is_dir() and any(directory.glob("*.jsonl")):
        raise ArgumentError(
            f"output: {directory} already holds .jsonl files; remove them or pick another directory"
        )
