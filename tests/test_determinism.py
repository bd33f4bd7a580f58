"""``analyze`` gives the same Document in every process.

Worker processes of ``analyze_many`` (when started by spawn), of Dask or of
spaCy's ``nlp.pipe(n_process=...)`` each hash strings with their own random
seed, so any result that follows the iteration order of a set or of a dict
built from one differs between them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Two entities whose first mentions start at the same character: the headline's
# "Obama" and "Obama on Climate Change" (taken for a name).
TIED = 'Obama on Climate Change: The Trends Are Terrible\n\n"The trends are terrible," Mr. Obama said.'


def _entity_names(text: str, seed: int) -> str:
    """The names of ``analyze(text).entities``, computed in a process with this hash seed."""
    code = "import sys, quoteattr; print([e.name for e in quoteattr.analyze(sys.argv[1]).entities])"
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True,
                            env=env, cwd=ROOT, check=True, timeout=60)
    return result.stdout.strip()


def test_entity_order_does_not_depend_on_the_hash_seed():
    """The same text gives its entities in the same order under any hash seed."""
    assert 1 == len({_entity_names(TIED, seed) for seed in range(4)})
