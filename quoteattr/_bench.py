"""How fast quoteattr is: ``python -m quoteattr bench`` and ``benchmarks/throughput.py``.

:func:`run` times :func:`quoteattr.analyze` over a corpus against NLTK's Punkt
sentence splitter on the same texts (the reference that makes figures from
different machines comparable), the stages of the pipeline, ``analyze_many``
over several processes, the import, peak memory, and how the time grows with
the length of one article. :func:`report` renders the result as plain text.
Every time is the best of ``repeat`` runs; the runs over the corpus of ``analyze``,
Punkt, the stages and ``analyze_many`` take turns.

>>> result = run(['"We won," she said.'] * 3, repeat=1, processes=1, long_chars=100)
>>> result.texts, result.characters, [step.scale for step in result.linearity]
(3, 57, [1, 2, 4, 8])
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable, Iterable, Sequence

import attrs

import quoteattr
from quoteattr._attribute import attribute
from quoteattr._batch import BatchError, analyze_many
from quoteattr._indirect import attribute_indirect
from quoteattr._quotes import layout_of
from quoteattr.errors import ArgumentError, CorpusError

__all__ = ["Bench", "Stages", "Step", "default_corpus", "load_texts", "report", "run"]

SCALES = (1, 2, 4, 8)
_JOIN = "\n\n"
_IMPORT_RUNS = 3


@attrs.frozen
class Stages:
    """Seconds spent in each stage of :func:`quoteattr.analyze` over the corpus.

    The stages are called as ``analyze`` calls them, in its order, and together they
    make up its time: ``quotes + direct + indirect + rest`` is ``analyze``'s.

    Attributes:
        quotes: paragraphs, quotation marks and sentences, ``quoteattr._quotes.layout_of``.
        direct: direct and mixed quotes, ``quoteattr._attribute.attribute``.
        indirect: reported speech, ``quoteattr._indirect.attribute_indirect``.
        rest: ``analyze`` less the three: entities, chains, building the result.
    """

    quotes: float
    direct: float
    indirect: float
    rest: float


@attrs.frozen
class Step:
    """One row of the linearity table: the long article repeated ``scale`` times."""

    scale: int
    characters: int
    quotes: int
    seconds: float


@attrs.frozen
class Bench:
    """The figures of one benchmark run; times in seconds, sizes in bytes.

    Attributes:
        texts: how many texts the corpus holds.
        characters: their total length.
        analyze_seconds: ``analyze`` over every text, in this process.
        punkt_seconds: ``PunktSentenceTokenizer().tokenize`` over every text.
        stages: ``analyze_seconds`` split by stage.
        processes: how many processes ``analyze_many`` was given.
        many_seconds: ``analyze_many`` over every text, pool start included.
        import_seconds: ``import quoteattr`` in a fresh interpreter, bytecode cached.
        import_cold_seconds: the same, compiling quoteattr from source.
        largest_text: the length of the longest text.
        peak_traced_bytes: the most memory ``tracemalloc`` saw allocated while
            analysing the longest text.
        max_rss_bytes: the benchmark process's peak resident size, or ``None``
            where the ``resource`` module is missing (Windows).
        linearity: one long article analysed at each of :data:`SCALES`.
        cores: ``os.cpu_count()``.
        load_average: the one-minute load average when the run began, or ``None``
            where the system has none; other work on the machine slows every figure,
            and ``analyze_many``'s most.
        reference: the versions of nltk and regex that Punkt ran on; Punkt's speed
            depends on them (nltk 3.10.4 runs every pattern through ``regex`` with a
            time limit, which makes Punkt 2.5 times slower than in 3.10.3).
    """

    texts: int
    characters: int
    analyze_seconds: float
    punkt_seconds: float
    stages: Stages
    processes: int
    many_seconds: float
    import_seconds: float
    import_cold_seconds: float
    largest_text: int
    peak_traced_bytes: int
    max_rss_bytes: int | None
    linearity: tuple[Step, ...]
    cores: int = 1
    load_average: float | None = None
    reference: str = ""

    @property
    def analyze_rate(self) -> float:
        """Characters per second for ``analyze`` in one process."""
        return self.characters / self.analyze_seconds

    @property
    def punkt_rate(self) -> float:
        """Characters per second for Punkt sentence splitting."""
        return self.characters / self.punkt_seconds

    @property
    def ratio(self) -> float:
        """How many times Punkt's time ``analyze`` takes; the goal is at most 2."""
        return self.analyze_seconds / self.punkt_seconds

    @property
    def many_rate(self) -> float:
        """Characters per second for ``analyze_many`` with :attr:`processes` processes."""
        return self.characters / self.many_seconds

    @property
    def speedup(self) -> float:
        """``analyze_many``'s throughput over that of ``analyze`` in one process."""
        return self.analyze_seconds / self.many_seconds


def default_corpus() -> Path | None:
    """The PolNeAR folder beside the checkout (``../shared/data/polnear``), if there is one.

    It is looked for next to the source tree this module comes from, then relative
    to the working directory.
    """
    candidates = (
        Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear",
        Path("..", "shared", "data", "polnear"),
    )
    return next((path for path in candidates if path.is_dir()), None)


def load_texts(folders: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Read every ``*.txt`` file under each folder, at any depth, in path order, as UTF-8.

    For PolNeAR that is ``dev/text/*.txt`` then ``train/text/*.txt``.

    Raises:
        CorpusError: a folder is missing or holds no ``.txt`` file.
    """
    texts: list[str] = []
    for folder in folders:
        root = Path(folder)
        if not root.is_dir():
            raise CorpusError(f"{root}: no such folder; pass a folder of UTF-8 .txt files")
        paths = sorted(root.rglob("*.txt"))
        if not paths:
            raise CorpusError(f"{root}: no .txt files in it; pass a folder of UTF-8 .txt files")
        texts += [path.read_text(encoding="utf-8-sig") for path in paths]
    return texts


def run(
    texts: Sequence[str],
    *,
    repeat: int = 1,
    processes: int = 2,
    long_chars: int = 50_000,
    progress: Callable[[str], None] = lambda message: None,
) -> Bench:
    """Time quoteattr on ``texts``; see :class:`Bench` for what is measured.

    Args:
        texts: the corpus, at least one non-empty ``str``.
        repeat: how many times each measurement runs; the best time is kept.
        processes: the processes given to ``analyze_many``.
        long_chars: the length the long article of the linearity table reaches,
            made by joining texts in order.
        progress: called with a line saying what is being measured next.

    Returns:
        A :class:`Bench`.

    Raises:
        ValueError: ``texts`` holds no characters, or ``repeat`` is less than 1.
    """
    load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    texts = list(texts)
    characters = sum(map(len, texts))
    if characters == 0 or repeat < 1:
        raise ArgumentError("run() needs some text and repeat >= 1")
    from nltk.tokenize.punkt import PunktSentenceTokenizer  # only the benchmark needs it

    punkt = PunktSentenceTokenizer()
    quoteattr.analyze('"Warm," she said.')  # load the lexicons before the clock starts
    progress(f"analyze, Punkt sentence splitting, stages and analyze_many ({processes} "
             f"processes), taking turns: {len(texts)} texts, {characters:,} characters")
    (analyze_seconds,), (punkt_seconds,), stage_seconds, (many_seconds,) = _taking_turns(
        repeat, (
            lambda: (_each(quoteattr.analyze, texts),),
            lambda: (_each(punkt.tokenize, texts),),
            lambda: _stage_pass(texts),
            lambda: (_many(texts, processes),),
        ))
    stages = _stages(stage_seconds, analyze_seconds)
    progress("import time")
    import_cold, import_warm = _import_seconds()
    progress("memory")
    largest = max(texts, key=len)
    peak = _traced_peak(largest)
    progress("linearity")
    linearity = _linearity(_long_article(texts, long_chars), repeat)
    return Bench(
        texts=len(texts),
        characters=characters,
        analyze_seconds=analyze_seconds,
        punkt_seconds=punkt_seconds,
        stages=stages,
        processes=processes,
        many_seconds=many_seconds,
        import_seconds=import_warm,
        import_cold_seconds=import_cold,
        largest_text=len(largest),
        peak_traced_bytes=peak,
        max_rss_bytes=_max_rss(),
        linearity=linearity,
        cores=os.cpu_count() or 1,
        load_average=load_average,
        reference=_reference_versions(),
    )


def _reference_versions() -> str:
    """The versions Punkt's speed depends on, e.g. ``"nltk 3.10.4, regex 2026.5.9"``."""
    import nltk
    import regex

    return f"nltk {nltk.__version__}, regex {regex.__version__}"


def _best(repeat: int, measure: Callable[[], float]) -> float:
    return min(measure() for _ in range(repeat))


def _taking_turns(
    repeat: int, measures: Sequence[Callable[[], tuple[float, ...]]]
) -> list[tuple[float, ...]]:
    """The best of ``repeat`` runs of each of ``measures`` (each time it returns, the
    least), the measures run in turn, once a round: a spell of other work on the
    machine then slows them all alike, rather than every run of one of them, which
    would skew the ratios between them.

    >>> _taking_turns(2, [lambda: (1.0,), lambda: (2.0, 3.0)])
    [(1.0,), (2.0, 3.0)]
    """
    rounds = [[measure() for measure in measures] for _ in range(repeat)]
    return [tuple(map(min, zip(*runs))) for runs in zip(*rounds)]


def _each(function: Callable[[str], object], texts: Sequence[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - start


def _stages(best: tuple[float, ...], analyze_seconds: float) -> Stages:
    """The stages' ``best`` times, and the rest of ``analyze_seconds``."""
    quotes, direct, indirect = best
    return Stages(quotes, direct, indirect, analyze_seconds - quotes - direct - indirect)


def _stage_pass(texts: Sequence[str]) -> tuple[float, float, float]:
    """The stage functions, called the way ``analyze`` calls them."""
    clock = time.perf_counter
    quotes = direct = indirect = 0.0
    for text in texts:
        start = clock()
        layout = layout_of(text)
        found_quotes = clock()
        attributions = attribute(text, layout)
        attributed = clock()
        attribute_indirect(text, attributions, layout)
        done = clock()
        quotes += found_quotes - start
        direct += attributed - found_quotes
        indirect += done - attributed
    return quotes, direct, indirect


def _many(texts: Sequence[str], processes: int) -> float:
    start = time.perf_counter()
    for result in analyze_many(texts, processes=processes):
        if isinstance(result, BatchError):
            raise result.error
    return time.perf_counter() - start


def _import_seconds() -> tuple[float, float]:
    """``import quoteattr`` in a fresh interpreter: compiling from source, then cached.

    The bytecode goes to a temporary folder, so the checkout is left as it was.
    """
    package_root = str(Path(quoteattr.__file__).resolve().parents[1])
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        cold, *warm = [_import_once(env) for _ in range(1 + _IMPORT_RUNS)]
    return cold, min(warm)


def _import_once(env: dict[str, str]) -> float:
    command = [sys.executable, "-X", "importtime", "-c", "import quoteattr"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    for line in reversed(done.stderr.splitlines()):
        _, cumulative, name = line.rsplit("|", 2)
        if name.strip() == "quoteattr":
            return int(cumulative) / 1e6
    raise RuntimeError(f"no import time for quoteattr in: {done.stderr[-500:]}")


def _traced_peak(text: str) -> int:
    tracemalloc.start()
    try:
        quoteattr.analyze(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _max_rss() -> int | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB elsewhere


def _long_article(texts: Sequence[str], length: int) -> str:
    """Texts joined as paragraphs, in order, until the article is ``length`` long."""
    parts: list[str] = []
    size = 0
    for text in texts:
        if size >= length:
            break
        parts.append(text.strip())
        size += len(parts[-1]) + len(_JOIN)
    return _JOIN.join(parts)


def _linearity(article: str, repeat: int) -> tuple[Step, ...]:
    steps = []
    for scale in SCALES:
        text = _JOIN.join([article] * scale)
        seconds = _best(repeat, lambda: _each(quoteattr.analyze, [text]))
        steps.append(Step(scale, len(text), len(quoteattr.analyze(text).quotes), seconds))
    return tuple(steps)


def report(bench: Bench) -> str:
    """The figures of ``bench`` as plain text, rounded for reading.

    >>> stages = Stages(quotes=0.1, direct=0.4, indirect=0.3, rest=0.2)
    >>> steps = (Step(1, 1000, 3, 0.01), Step(2, 2002, 6, 0.02))
    >>> bench = Bench(10, 10_000, 1.0, 0.5, stages, 2, 0.6, 0.09, 0.2, 4000, 2_500_000,
    ...               100_000_000, steps, cores=2, load_average=0.05,
    ...               reference="nltk 3.10.4, regex 2026.5.9")
    >>> print(report(bench))  # doctest: +NORMALIZE_WHITESPACE
    quoteattr bench: 10 texts, 10,000 characters; 2 cores, load average 0.05 at the start
    analyze, 1 process          10,000 chars/s     1.00 s
    Punkt sentence splitting    20,000 chars/s     0.50 s   nltk 3.10.4, regex 2026.5.9
    ratio analyze / Punkt         2.00             (goal: at most 2)
    <BLANKLINE>
    stage                       seconds  share of analyze
    quote finding                  0.10    10%
    direct attribution             0.40    40%
    indirect attribution           0.30    30%
    rest: entities, chains         0.20    20%
    <BLANKLINE>
    analyze_many, 2 processes   16,667 chars/s     0.60 s   1.67x one process (goal: at least 1.7x)
    import quoteattr            90 ms (200 ms compiling from source; goal: under 150 ms)
    peak memory                 2.5 MB traced analysing the longest text (4,000 characters)
                                max RSS 100 MB
    <BLANKLINE>
    linearity: one article repeated (time per doubling: ideally 2.00)
    scale  characters  quotes  seconds  ratio
        1       1,000       3    0.010
        2       2,002       6    0.020   2.00
    """
    stages = bench.stages
    rows = [
        ("quote finding", stages.quotes),
        ("direct attribution", stages.direct),
        ("indirect attribution", stages.indirect),
        ("rest: entities, chains", stages.rest),
    ]
    load = "" if bench.load_average is None else f", load average {bench.load_average:.2f}"
    rss = [] if bench.max_rss_bytes is None else [
        f"{'':28}max RSS {bench.max_rss_bytes / 1e6:.0f} MB"]
    lines = [
        f"quoteattr bench: {bench.texts:,} texts, {bench.characters:,} characters;"
        f" {bench.cores} cores{load} at the start",
        _rate("analyze, 1 process", bench.analyze_rate, bench.analyze_seconds),
        _rate("Punkt sentence splitting", bench.punkt_rate, bench.punkt_seconds)
        + f"   {bench.reference}",
        f"ratio analyze / Punkt     {bench.ratio:>10.2f}             (goal: at most 2)",
        "",
        "stage                       seconds  share of analyze",
        *(f"{name:<26}{seconds:>9.2f} {seconds / bench.analyze_seconds:>6.0%}"
          for name, seconds in rows),
        "",
        _rate(f"analyze_many, {bench.processes} processes", bench.many_rate, bench.many_seconds)
        + f" {bench.speedup:>6.2f}x one process (goal: at least 1.7x)",
        f"import quoteattr            {bench.import_seconds * 1000:.0f} ms"
        f" ({bench.import_cold_seconds * 1000:.0f} ms compiling from source; goal: under 150 ms)",
        f"peak memory                 {bench.peak_traced_bytes / 1e6:.1f} MB traced analysing the"
        f" longest text ({bench.largest_text:,} characters)",
        *rss,
        "",
        "linearity: one article repeated (time per doubling: ideally 2.00)",
        "scale  characters  quotes  seconds  ratio",
    ]
    previous: Step | None = None
    for step in bench.linearity:
        ratio = "" if previous is None else f"{step.seconds / previous.seconds:>7.2f}"
        lines.append(
            f"{step.scale:>5} {step.characters:>11,} {step.quotes:>7} {step.seconds:>8.3f} {ratio}"
        )
        previous = step
    return "\n".join(line.rstrip() for line in lines)


def _rate(label: str, rate: float, seconds: float) -> str:
    return f"{label:<26}{rate:>10,.0f} chars/s {seconds:>8.2f} s"
