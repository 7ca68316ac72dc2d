"""Module paths from before the stage packages still import the same objects, with a warning."""

from __future__ import annotations

import importlib
import sys

import pytest


@pytest.mark.parametrize(
    ("old", "name", "new"),
    [
        ("presslens.load", "load_corpus", "presslens.corpus"),
        ("presslens.clean", "clean_text", "presslens.corpus"),
        ("presslens.nlp", "lemmatize", "presslens.text"),
        ("presslens.timeline", "timeline", "presslens.findings"),
        ("presslens.echoes", "echo_summary", "presslens.findings"),
        ("presslens.display", "reading_table", "presslens.views"),
        ("presslens.plots.timeline", "timeline_chart", "presslens.views.plots.timeline"),
    ],
)
def test_an_old_module_path_gives_the_same_object_and_names_the_new_one(old, name, new):
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=new.replace(".", r"\.")):
        module = importlib.import_module(old)
    assert getattr(module, name) is getattr(importlib.import_module(new), name)


def test_a_path_that_never_existed_still_fails():
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("presslens.no_such_stage")
