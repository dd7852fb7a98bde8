"""The examples in public docstrings are run, so they stay true."""

import doctest
import importlib

import pytest

MODULES = [
    "termbase",
    "termbase.errors",
    "termbase.models",
    "termbase.store",
    "termbase.store.base",
    "termbase.store.sqlite",
    "termbase.search.index",
    "termbase.search.matcher",
    "termbase.languages.normalize",
    "termbase.languages.keys",
    "termbase.extraction",
    "termbase.checking.prefilter",
    "termbase.checking.checker",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert tried > 0, f"{name} has no examples"
    assert failures == 0
