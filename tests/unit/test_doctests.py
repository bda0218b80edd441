"""The examples in the code's docstrings run as tests, so they cannot drift from what it does.

A few module docstrings show a call on data they do not define (a file's bytes, a parsed
resolution, a loaded archive): those are listed in ``ILLUSTRATIVE`` and only they are skipped.
"""

import doctest
import importlib
import io
import pkgutil

import pytest

import resolutions

ILLUSTRATIVE = {
    "resolutions.parsing.akn",  # needs an XML file's bytes
    "resolutions.parsing.records",  # needs a record file's bytes
    "resolutions.search",  # needs a database with the seeds
    "resolutions.services.identifiers",  # needs a parsed resolution
    "resolutions.services.merge",  # needs two parsed sources
}

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(resolutions.__path__, "resolutions.")
    if ".migrations" not in info.name
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    output = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in doctest.DocTestFinder().find(module, name):
        if test.name not in ILLUSTRATIVE:
            runner.run(test, out=output.write)
    assert runner.failures == 0, output.getvalue()


def test_the_skipped_examples_still_exist():
    # An entry left here after its example is gone or fixed would hide a new one.
    for name in ILLUSTRATIVE:
        assert doctest.DocTestFinder().find(importlib.import_module(name), name)[0].examples
