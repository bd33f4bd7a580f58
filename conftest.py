"""Keep the modules of optional integrations out of doctest collection when their
package is missing: ``--doctest-modules`` would otherwise fail to import them."""

import importlib.util

_NEEDS = {
    "quoteattr/spacy_component.py": "spacy",
    "quoteattr/dask_bag.py": "dask",
}

collect_ignore = [path for path, package in _NEEDS.items() if importlib.util.find_spec(package) is None]
