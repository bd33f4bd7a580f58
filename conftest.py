"""Keep the modules of optional integrations out of doctest collection when their
package is missing: ``--doctest-modules`` would otherwise fail to import them."""

import importlib.util

_OPTIONAL = {
    "quoteattr/spacy_component.py": ("spacy",),
    "quoteattr/dask_bag.py": ("dask", "distributed"),
}

collect_ignore = [
    path for path, packages in _OPTIONAL.items()
    if any(importlib.util.find_spec(package) is None for package in packages)
]
