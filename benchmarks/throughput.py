"""Throughput of quoteattr on a corpus: the same as ``python -m quoteattr bench``.

Usage: ``python benchmarks/throughput.py [DIR ...] [--repeat N] [--processes N]``;
without DIR it reads ``../shared/data/polnear`` (train and dev), and skips with a
message when that folder is absent. See ``quoteattr/_bench.py`` for what is measured.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, when not installed

from quoteattr.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["bench", *sys.argv[1:]]))
