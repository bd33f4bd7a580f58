"""How ``quoteattr.analyze`` scales on adversarial input, and its peak memory.

For each family of hostile input (runs of quotation marks, of capitalised words,
of ``said`` and of tags such as ``Cole said``, of spaces, nested brackets, quotes
nested in one another, one huge paragraph, many one-line quotes) the input is
built at a base size n and doubled four times (n .. 16n); ``analyze`` is timed
(the least processor time, ``time.process_time``, of at least 5 runs and of as
many as fit in half a second, up to 50: other processes on the machine slow a
run down but cannot make one faster) and the table gives the ratio
between successive doublings, flagging any above 2.3 (super-linear). A flagged
family is timed again; if it is still flagged, its calls are counted too (the
same on every run), so noise and real super-linear work can be told apart.

Usage::

    python benchmarks/adversarial.py             # the scaling table
    python benchmarks/adversarial.py --scale 4   # base sizes times 4
    python benchmarks/adversarial.py --memory    # also peak memory on ~50 MB (minutes)
    python benchmarks/adversarial.py --memory-only --megabytes 20   # peak memory only

Peak memory is measured on quote-dense prose (``PARAGRAPH`` repeated) and on real
news (the PolNeAR articles beside the checkout, repeated), each in a fresh process.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import quoteattr  # noqa: E402
from quoteattr._bench import default_corpus, load_texts  # noqa: E402

LIMIT = 2.3
DOUBLINGS = 4
REPEAT = 5
BUDGET = 0.5
MOST_RUNS = 50

_WORDS = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel")


def _marks(marks: str) -> Callable[[int], str]:
    return lambda n: (marks * (n // len(marks) + 1))[:n]


def _capitalised(n: int) -> str:
    return " ".join(_WORDS[i % len(_WORDS)] for i in range(n // 6)) + " said."


def _nested_brackets(n: int) -> str:
    depth = n // 2
    return "(" * (depth // 2) + "[" * (depth - depth // 2) + "x" + "]" * (
        depth - depth // 2) + ")" * (depth // 2)


PARAGRAPH = (
    "Senator Ann Cole visited the new plant on Monday. \"The plan will work,\" Cole "
    "said, according to Reuters. She told reporters that the budget needs more time. "
    "Mayor Tom Brandt called the deal \"a waste of money.\" The meeting lasted two hours, "
    "and the vote is set for next week, officials said.\n\n"
)


def _run(unit: str) -> Callable[[int], str]:
    return lambda n: unit * (n // len(unit))


_SPEAKERS = [f"{first} {last}" for first in ("Ann", "Bob", "Cy", "Di", "Ed", "Flo", "Gus", "Hal")
             for last in ("Cole", "Diaz", "Egan", "Ford", "Gray", "Hunt", "Ives", "Jung")]


def _nested_speakers(n: int) -> str:
    """``"x," said Ann Cole "x," said Ann Diaz ...``: each quote nested in the one before."""
    text, i = [], 0
    while sum(map(len, text)) < n:
        text.append(f'"x," said {_SPEAKERS[i % len(_SPEAKERS)]} ')
        i += 1
    return "".join(text)


def _prose(n: int) -> str:
    """One paragraph of ordinary prose, ``n`` characters long."""
    sentence = PARAGRAPH.replace("\n\n", " ")
    return (sentence * (n // len(sentence) + 1))[:n]


FAMILIES: dict[str, tuple[Callable[[int], str], int]] = {
    "straight quotes": (_marks('"'), 20_000),
    "curly quotes": (_marks("“”"), 20_000),
    "guillemets": (_marks("«»"), 20_000),
    "mixed unbalanced quotes": (_marks("\"“'«‘„»’”"), 20_000),
    "quote and word runs": (lambda n: '"a ' * (n // 3), 20_000),
    "capitalised words": (_capitalised, 20_000),
    "said runs": (lambda n: "said " * (n // 5), 1_000),
    "said Name runs": (_run("said Cole "), 1_000),
    "Name said runs": (_run("Cole said "), 1_000),
    "said that runs": (_run("Mr. Cole said that "), 1_000),
    "told Name runs": (_run("told Cole "), 1_000),
    "said Ann Cole, runs": (_run("said Ann Cole, "), 1_000),
    "according to runs": (_run("according to Cole "), 1_000),
    "according to, said runs": (_run("according to Cole, Ann said "), 1_000),
    "and Name said runs": (_run("Ann Cole and Bob Diaz, "), 1_000),
    "expected to runs": (_run("The levy is expected to pass "), 1_000),
    "declined to runs": (_run("Mayor Ann Lee declined to comment and "), 1_000),
    "asked whether runs": (_run("Asked whether it rained, Cole said "), 1_000),
    "reported, then quote runs": (_run('Cole promised that it rained. "We are all wet now." '),
                                  1_000),
    "dash tags on one line": (_run('"We won the vote." ― Ann Cole, '), 1_000),
    "colon intros": (_run('The board issued a statement: "We won the vote." '), 1_000),
    "modified subjects": (_run("Experts on rivers and dams in Ohio said the levy failed, "),
                          1_000),
    "no-break spaces": (_run("Cole\u00a0said\u00a0the levy\u00a0failed, "), 1_000),
    "headline lines": (_run("Mayor Ann Cole Slams Plan Over Fares\n\n"), 1_000),
    "nested quote tags": (_run('"x," said Cole '), 1_000),
    "nested speakers": (_nested_speakers, 1_000),
    "spaces": (lambda n: "\"We won,\"" + " " * n + "she said.", 20_000),
    "nested brackets": (_nested_brackets, 20_000),
    "one huge paragraph": (_prose, 50_000),
    "one-line quotes": (lambda n: '"We won," she said.\n' * (n // 20), 20_000),
}


def best_of(text: str) -> float:
    """The least processor time of ``analyze(text)``, in seconds, over ``REPEAT`` runs or
    as many more as fit in ``BUDGET`` seconds (at most ``MOST_RUNS``): small inputs,
    the noisiest, get the most runs."""
    times: list[float] = []
    while len(times) < REPEAT or (sum(times) < BUDGET and len(times) < MOST_RUNS):
        start = time.process_time()
        quoteattr.analyze(text)
        times.append(time.process_time() - start)
    return min(times)


def _size(characters: int) -> str:
    return f"{characters / 1000:.1f}k" if characters < 10_000 else f"{characters // 1000}k"


def calls(text: str) -> int:
    """How many Python and C calls ``analyze(text)`` makes: the same on every run."""
    count = 0

    def profiler(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += 1

    sys.setprofile(profiler)
    try:
        quoteattr.analyze(text)
    finally:
        sys.setprofile(None)
    return count


def _ratios(values: list[float]) -> list[float]:
    return [b / a if a else float("inf") for a, b in zip(values, values[1:])]


def _timed(texts: list[str]) -> tuple[list[float], list[float]]:
    """Time each text; a family over the limit is timed again and keeps its better ratios."""
    seconds = [best_of(text) for text in texts]
    if max(_ratios(seconds)) > LIMIT:
        again = [best_of(text) for text in texts]
        if max(_ratios(again)) < max(_ratios(seconds)):
            seconds = again
    return seconds, _ratios(seconds)


def scaling(scale: float = 1.0, only: str | None = None) -> list[str]:
    """Time every family over five doublings; return the families that scale badly."""
    quoteattr.analyze('"Load," the lexicons said.')
    bad = []
    print(f"{'family':<24} {'sizes (chars)':<28} {'seconds':<40} ratios")
    for name, (make, base) in FAMILIES.items():
        if only and only not in name:
            continue
        n = int(base * scale)
        texts = [make(n * 2**k) for k in range(DOUBLINGS + 1)]
        seconds, ratios = _timed(texts)
        flag = ""
        if max(ratios) > LIMIT:
            bad.append(name)
            counted = " ".join(f"{r:.2f}" for r in _ratios([calls(text) for text in texts]))
            flag = f"  SUPER-LINEAR (call ratios {counted})"
        print(f"{name:<24} {'/'.join(_size(len(t)) for t in texts):<28} "
              f"{' '.join(f'{s:.3f}' for s in seconds):<40} "
              f"{' '.join(f'{r:.2f}' for r in ratios)}{flag}", flush=True)
    return bad


def _quote_dense_prose(megabytes: float) -> str:
    """~``megabytes`` MB of ``PARAGRAPH``: a quote every 70 characters."""
    return PARAGRAPH * int(megabytes * 1_000_000 / len(PARAGRAPH) + 1)


def _real_news(megabytes: float) -> str:
    """~``megabytes`` MB of the PolNeAR articles, one after another and from the first
    again as needed; empty when the corpus is not beside the checkout."""
    corpus = default_corpus()
    if corpus is None:
        return ""
    articles, size = [], 0
    for article in itertools.cycle(load_texts([corpus])):
        if size >= megabytes * 1_000_000:
            break
        articles.append(article)
        size += len(article) + 2
    return "\n\n".join(articles)


MEMORY_INPUTS: dict[str, Callable[[float], str]] = {
    "quote-dense prose": _quote_dense_prose,
    "real news": _real_news,
}


def _peak_in_child(megabytes: float, name: str) -> None:
    """Run in a subprocess: analyse ~``megabytes`` MB of the input ``name``, print its
    size, the peak resident memory before and after, the seconds taken and the quotes."""
    text = MEMORY_INPUTS[name](megabytes)
    import quoteattr._lexicons  # noqa: F401  (loaded before the baseline)
    quoteattr.analyze('"Load," the lexicons said.')
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    doc = quoteattr.analyze(text)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(len(text), len(text.encode("utf-8")), before * 1024, after * 1024, elapsed,
          len(doc.quotes))


def memory(megabytes: float) -> dict[str, float]:
    """Peak resident memory of ``analyze`` on ~``megabytes`` MB of each input of
    ``MEMORY_INPUTS``, each in a fresh process, as a multiple of the input's UTF-8 size."""
    ratios = {}
    for name in MEMORY_INPUTS:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(megabytes), "--input", name],
            check=True, capture_output=True, text=True,
        ).stdout.split()
        chars, size, before, after, elapsed, found = (float(x) for x in out)
        if not chars:
            print(f"memory, {name}: skipped (no PolNeAR beside the checkout)")
            continue
        ratios[name] = after / size
        print(f"memory, {name}: input {chars / 1e6:.1f} M characters ({size / 1e6:.1f} MB "
              f"UTF-8), {int(found)} quotes in {elapsed:.0f} s; peak RSS {after / 1e6:.0f} MB "
              f"({before / 1e6:.0f} MB before analyze) = {ratios[name]:.1f}x the input "
              f"({(after - before) / size:.1f}x for analyze alone)", flush=True)
    return ratios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the base sizes")
    parser.add_argument("--family", help="run only the families whose name holds this")
    parser.add_argument("--memory", action="store_true", help="measure peak memory (slow)")
    parser.add_argument("--memory-only", action="store_true",
                        help="measure peak memory and skip the scaling table")
    parser.add_argument("--megabytes", type=float, default=50.0, help="input for --memory")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--input", choices=MEMORY_INPUTS, default="quote-dense prose",
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        _peak_in_child(args.child, args.input)
        return 0
    if args.memory_only:
        memory(args.megabytes)
        return 0
    bad = scaling(args.scale, args.family)
    print(f"super-linear (ratio > {LIMIT}): {', '.join(bad) or 'none'}")
    if args.memory:
        memory(args.megabytes)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
