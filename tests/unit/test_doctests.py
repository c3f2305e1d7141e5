"""The examples in the package's docstrings run as tests, so a docstring cannot drift from the code.

Examples that need a running server or the user's files are marked ``+SKIP`` where they stand;
every other example runs here.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

# The subpackages are mapped from top-level folders (package-dir), so each is walked on its own.
PACKAGES = ("clusterkg", "clusterkg.api", "clusterkg.graph", "clusterkg.loaders", "clusterkg.queries")
MODULES = sorted(
    {p for p in PACKAGES}
    | {m.name for p in PACKAGES for m in pkgutil.walk_packages(importlib.import_module(p).__path__, p + ".")}
)


def test_the_package_has_modules_with_examples() -> None:
    finder = doctest.DocTestFinder()
    with_examples = [name for name in MODULES if any(t.examples for t in finder.find(importlib.import_module(name)))]
    assert len(with_examples) >= 50, with_examples  # 59 modules hold examples today


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed (output above)"
