"""Tests for the benchmark, ``quoteattr/_bench.py``, and ``quoteattr bench``.

They check what the benchmark measures and how it adds up, never how fast
anything is: the clock differs from machine to machine and run to run.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr.__main__ as cli
from quoteattr import _bench
from quoteattr.errors import ArgumentError, CorpusError

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    '"We won," she said. "The count is over."\n\nThe minister said the war was over.',
    "WASHINGTON (Reuters) - According to officials, the vote will be held on Monday.",
    'She called the plan "a disaster in slow motion".\n\nNo quotation here.',
]


@pytest.fixture(scope="module")
def bench() -> _bench.Bench:
    """One run over a tiny corpus, with a pool of two processes."""
    return _bench.run(TEXTS, repeat=2, processes=2, long_chars=100)


def test_every_figure_is_positive(bench):
    """Each time, size and count the run reports is above zero."""
    stages = bench.stages
    figures = [bench.texts, bench.characters, bench.analyze_seconds, bench.punkt_seconds,
               stages.quotes, stages.direct, stages.indirect, bench.many_seconds,
               bench.import_seconds, bench.import_cold_seconds, bench.largest_text,
               bench.peak_traced_bytes, *(step.seconds for step in bench.linearity)]
    if bench.max_rss_bytes is not None:
        figures.append(bench.max_rss_bytes)
    assert [] == [figure for figure in figures if not figure > 0]


def test_the_corpus_is_counted(bench):
    """``texts``, ``characters`` and ``largest_text`` describe the texts given."""
    assert (3, sum(map(len, TEXTS)), max(map(len, TEXTS))) == (
        bench.texts, bench.characters, bench.largest_text)
    assert 2 == bench.processes


def test_ratio_and_rates_are_derived_from_the_times(bench):
    """The ratio is analyze's time over Punkt's; rates and speed-up follow from the times."""
    assert bench.analyze_seconds / bench.punkt_seconds == bench.ratio
    assert bench.characters / bench.analyze_seconds == bench.analyze_rate
    assert bench.characters / bench.punkt_seconds == bench.punkt_rate
    assert bench.characters / bench.many_seconds == bench.many_rate
    assert bench.analyze_seconds / bench.many_seconds == bench.speedup


def test_the_stages_add_up_to_analyze(bench):
    """Quote finding, direct, indirect and the rest make up analyze's time."""
    stages = bench.stages
    assert math.isclose(bench.analyze_seconds,
                        stages.quotes + stages.direct + stages.indirect + stages.rest)


def test_linearity_doubles_one_article(bench):
    """The texts are joined until the article is long enough (100 characters: the first
    two), and that article is repeated 1, 2, 4 and 8 times, joined as paragraphs."""
    steps = bench.linearity
    assert [1, 2, 4, 8] == [step.scale for step in steps]
    base = len(TEXTS[0] + "\n\n" + TEXTS[1])
    assert [k * base + (k - 1) * 2 for k in (1, 2, 4, 8)] == [step.characters for step in steps]


def test_the_report_shows_the_figures(bench):
    """The report gives the ratio, the speed-up and one row per scale."""
    text = _bench.report(bench)
    assert f"ratio analyze / Punkt {bench.ratio:>14.2f}" in text
    assert f"{bench.speedup:.2f}x one process" in text
    scale_rows = [line.split()[0] for line in text.splitlines()[-4:]]
    assert ["1", "2", "4", "8"] == scale_rows


def test_the_report_names_the_versions_punkt_ran_on(bench):
    """Punkt's speed depends on the nltk and regex installed, so the report names them."""
    import nltk
    import regex

    punkt_line = next(line for line in _bench.report(bench).splitlines()
                      if line.startswith("Punkt"))
    assert punkt_line.endswith(f"nltk {nltk.__version__}, regex {regex.__version__}")


def test_run_rejects_an_empty_corpus():
    """No characters, nothing to time."""
    with pytest.raises(ArgumentError):
        _bench.run(["", ""])


def test_load_texts_reads_txt_files_at_any_depth_in_path_order(tmp_path):
    """``*.txt`` files in subfolders come in path order, a byte-order mark dropped."""
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "train" / "text").mkdir(parents=True)
    (tmp_path / "train" / "text" / "a.txt").write_text("train a", encoding="utf-8")
    (tmp_path / "dev" / "text" / "b.txt").write_text("\ufeffdev b", encoding="utf-8")
    (tmp_path / "dev" / "text" / "a.txt").write_text("dev a", encoding="utf-8")
    (tmp_path / "dev" / "notes.ann").write_text("not a text", encoding="utf-8")
    assert ["dev a", "dev b", "train a"] == _bench.load_texts([tmp_path])


def test_load_texts_names_a_missing_or_empty_folder(tmp_path):
    """A folder that is missing, or holds no .txt file, is a CorpusError naming it."""
    for folder in (tmp_path / "missing", tmp_path):
        with pytest.raises(CorpusError, match=str(folder)):
            _bench.load_texts([folder])


def test_cli_prints_the_report(monkeypatch, tmp_path, capsys, bench):
    """``quoteattr bench DIR`` reads DIR, runs with --repeat and --processes, prints the report."""
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    calls = []

    def fake_run(texts, **options):
        calls.append((texts, options["repeat"], options["processes"]))
        return bench

    monkeypatch.setattr(_bench, "run", fake_run)
    assert 0 == cli.main(["bench", str(tmp_path), "--repeat", "3", "--processes", "4"])
    assert [([TEXTS[0]], 3, 4)] == calls
    assert _bench.report(bench) + "\n" == capsys.readouterr().out


def test_cli_keeps_the_best_of_three_runs_by_default(monkeypatch, tmp_path, bench):
    """Without --repeat, each measurement runs three times: one pass would count the
    caches filling on the first."""
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    repeats = []
    monkeypatch.setattr(_bench, "run", lambda texts, **options: repeats.append(
        options["repeat"]) or bench)
    assert 0 == cli.main(["bench", str(tmp_path)])
    assert [3] == repeats


def test_cli_skips_without_a_corpus(monkeypatch, capsys):
    """Without DIR and without ../shared/data/polnear, bench says so and exits 0."""
    monkeypatch.setattr(_bench, "default_corpus", lambda: None)
    assert 0 == cli.main(["bench"])
    out, err = capsys.readouterr()
    assert "" == out
    assert "skipped" in err


@pytest.mark.parametrize("argv", [["bench", "--repeat", "0"], ["bench", "--processes", "x"]])
def test_cli_rejects_a_count_below_one(argv, capsys):
    """--repeat and --processes take whole numbers of at least 1."""
    assert 2 == cli.main(argv)
    assert "at least 1" in capsys.readouterr().err


def test_cli_names_a_missing_folder(tmp_path, capsys):
    """A DIR that is not there is one error line and status 2."""
    assert 2 == cli.main(["bench", str(tmp_path / "missing")])
    assert capsys.readouterr().err.startswith("quoteattr: error: ")


def test_the_script_is_the_bench_command():
    """``benchmarks/throughput.py`` is ``quoteattr bench``."""
    script = ROOT / "benchmarks" / "throughput.py"
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True,
                          text=True, timeout=60)
    assert 0 == done.returncode
    assert done.stdout.startswith("usage: quoteattr bench")
