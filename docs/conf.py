"""Sphinx configuration for the quoteattr documentation.

Build it from the repository root, as CI does, with warnings as errors:

    python -m sphinx -W -b html docs docs/_build/html
    python -m sphinx -W -b doctest docs docs/_build/doctest

No extension here reaches the network: there is no intersphinx mapping.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Document the quoteattr of this checkout, not another one installed elsewhere.
sys.path.insert(0, str(ROOT))

import quoteattr  # noqa: E402  (needs the path above)

project = "quoteattr"
author = "the quoteattr authors"
copyright = "the quoteattr authors"
release = quoteattr.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",  # the docstrings use Google-style Args: / Returns: / Raises:
]

exclude_patterns = ["_build"]
root_doc = "index"
language = "en"

autodoc_default_options = {"members": True, "member-order": "bysource"}
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# The pages' examples are written as ``.. doctest::`` blocks and run by the doctest
# builder. The ``>>>`` examples that autodoc brings in from docstrings are left to
# pytest --doctest-modules, which runs each in its own module's namespace.
doctest_test_doctest_blocks = ""
doctest_global_setup = "import quoteattr"

html_theme = "alabaster"
html_title = f"quoteattr {release}"
html_static_path: list[str] = []
# Wide enough for the examples, whose lines run to about 100 characters.
html_theme_options = {"page_width": "1200px"}
