"""Every figure of ``presslens.views.plots`` follows the figure rules of the notebooks.

Each public function of a ``presslens.views.plots`` module that returns a matplotlib ``Figure`` or
``Axes`` is drawn on the seeds, and its figure must have:

* a title on every panel (its own, or the figure's suptitle);
* x and y axis labels on every panel (its own, or one of a panel in the same grid column or
  row or sharing the axis, or the figure's supxlabel/supylabel), in English: no Cyrillic in
  axis labels, and at least one title in English (panel titles may name Cyrillic data);
* every text (tick labels with Cyrillic data included) in a font that has its glyphs;
* a width that reads at notebook width: at most ``MAX_WIDTH`` inches.

A plot function with no input recipe below is skipped with a message, so that a new one is
noticed; add its recipe.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import warnings
from collections.abc import Callable
from functools import cache

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ft2font import FT2Font  # noqa: E402

import presslens.views.plots  # noqa: E402
from presslens.corpus.load import load_corpus  # noqa: E402

MAX_WIDTH = 11.0  # inches: about the width of a JupyterLab notebook at 100 dpi
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CYRILLIC_WORDS = re.compile(r"[\u0400-\u04ff'’-]+")
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def plot_functions() -> list[str]:
    """Return ``module.function`` for every public plot function of presslens.views.plots."""
    names = []
    for info in sorted(pkgutil.iter_modules(presslens.views.plots.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"presslens.views.plots.{info.name}")
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or func.__module__ != module.__name__:
                continue
            returns = str(inspect.signature(func).return_annotation)
            if returns.split(".")[-1].strip("'\"") in ("Axes", "Figure"):
                names.append(f"{info.name}.{name}")
    return names


@cache
def seeds():
    return load_corpus()


@cache
def topic_model():
    from presslens.findings import TopicModel, topic_units

    return TopicModel(3).fit(topic_units(seeds().articles))


def _similarity(name: str):
    import presslens.findings as similarity

    return getattr(similarity, name)


def _timeline_table():
    from presslens.findings.timeline import timeline

    return timeline(seeds().articles)


#: How to draw each plot function on the seeds: ``module.function`` → a call.
RECIPES: dict[str, Callable[[Callable], object]] = {
    "corpus.lengths": lambda f: f(seeds().articles),
    "corpus.removals": lambda f: f(seeds().removed, seeds().articles),
    "similarity.heatmap": lambda f: f(
        _similarity("article_matrix")(seeds().articles), seeds().articles
    ),
    "similarity.term_bars": lambda f: f(
        _similarity("distinctive_terms")(seeds().articles, "article", n=5),
        importlib.import_module("presslens.views.plots.similarity").article_labels(seeds().articles),
    ),
    "topics.k_selection": lambda f: f(
        importlib.import_module("presslens.findings").select_k(
            importlib.import_module("presslens.findings").topic_units(seeds().articles),
            ks=[2, 3],
            n_seeds=2,
        )
    ),
    "topics.top_terms": lambda f: f(topic_model().top_terms()),
    "topics.heatmap": lambda f: f(topic_model().document_topics()),
    "topics.shares": lambda f: f(topic_model().shares("outlet")),
    "timeline.timeline_plot": lambda f: f(_timeline_table()),
}


def _same(ax: Axes, panels: list[Axes], along: str) -> list[Axes]:
    """Return the panels sharing ``ax``'s axis, or its grid row/column (``row``/``col``)."""
    shared = ax.get_shared_x_axes() if along == "col" else ax.get_shared_y_axes()
    siblings = list(shared.get_siblings(ax))
    spec = ax.get_subplotspec()
    if spec is None:
        return siblings
    span = spec.colspan if along == "col" else spec.rowspan
    for other in panels:
        other_spec = other.get_subplotspec()
        if other_spec is None or other_spec.get_gridspec() is not spec.get_gridspec():
            continue
        other_span = other_spec.colspan if along == "col" else other_spec.rowspan
        if other_span == span:
            siblings.append(other)
    return siblings


@cache
def has_glyphs(path: str, text: str) -> bool:
    """Tell whether the font file at ``path`` has a glyph for every character of ``text``."""
    charmap = FT2Font(path).get_charmap()
    return all(ord(ch) in charmap for ch in text if not ch.isspace())


def violations(fig: Figure) -> list[str]:
    """Return one line per broken figure rule."""
    found = []
    width = fig.get_size_inches()[0]
    if width > MAX_WIDTH:
        found.append(f"{width:.1f} in wide (more than {MAX_WIDTH} in)")
    suptitle = fig._suptitle.get_text() if fig._suptitle else ""
    supx = fig._supxlabel.get_text() if getattr(fig, "_supxlabel", None) else ""
    supy = fig._supylabel.get_text() if getattr(fig, "_supylabel", None) else ""
    panels = [
        ax for ax in fig.axes if ax.axison and not hasattr(ax, "_colorbar") and ax.has_data()
    ]
    english_title = bool(ENGLISH.search(CYRILLIC_WORDS.sub("", suptitle)))
    for index, ax in enumerate(panels):
        where = f"panel {index}"
        title = ax.get_title() or ax.get_title("left") or ax.get_title("right") or suptitle
        xlabel = supx or any(a.get_xlabel() for a in _same(ax, panels, "col"))
        ylabel = supy or any(a.get_ylabel() for a in _same(ax, panels, "row"))
        if not title:
            found.append(f"{where}: no title")
        if not xlabel:
            found.append(f"{where}: no x axis label")
        if not ylabel:
            found.append(f"{where}: no y axis label")
        for label in (ax.get_xlabel(), ax.get_ylabel()):
            if CYRILLIC.search(label):
                found.append(f"{where}: axis label not in English: {label!r}")
        english_title |= bool(ENGLISH.search(CYRILLIC_WORDS.sub("", ax.get_title())))
    titled = suptitle or any(ax.get_title() for ax in panels)
    if titled and not english_title:
        found.append("no title in English (only data in Cyrillic)")
    for text in fig.findobj(matplotlib.text.Text):
        content = text.get_text()
        if not content.strip() or not text.get_visible():
            continue
        path = font_manager.findfont(text.get_fontproperties(), fallback_to_default=True)
        if CYRILLIC.search(content) and not has_glyphs(path, content):
            found.append(f"no glyphs for {content[:30]!r} in {path.rsplit('/', 1)[-1]}")
    return found


#: Rules a plot function breaks today, reported to its owner: the test is expected to fail
#: for these (xfail, not strict) until the plot is fixed; then remove the entry.
KNOWN_VIOLATIONS: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_VIOLATIONS[n], strict=False))
        if n in KNOWN_VIOLATIONS
        else n
        for n in plot_functions()
    ],
)
def test_figure_rules(name: str) -> None:
    if name not in RECIPES:
        pytest.skip(f"no input recipe for presslens.views.plots.{name}: add one to RECIPES")
    module, function = name.split(".")
    func = getattr(importlib.import_module(f"presslens.views.plots.{module}"), function)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = RECIPES[name](func)
        fig = result.figure if isinstance(result, Axes) else result
        fig.canvas.draw()
    try:
        missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
        found = violations(fig) + [f"draw: {m}" for m in missing[:3]]
        assert not found, f"presslens.views.plots.{name}:\n" + "\n".join(found)
    finally:
        plt.close("all")


def test_every_plot_function_has_a_recipe() -> None:
    assert set(RECIPES) <= set(plot_functions()), "a recipe for a function that is gone"


def _figure(
    width=6.0, title="Lengths", xlabel="characters", ylabel="article", ticks=(), font=None
):
    fig, ax = plt.subplots(figsize=(width, 3))
    ax.bar(range(len(ticks) or 1), [1] * (len(ticks) or 1))
    if ticks:
        ax.set_xticks(range(len(ticks)), ticks, fontfamily=font)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, []),
        ({"ticks": ["Столтенберг", "Блінкен"]}, []),  # Cyrillic data is fine in DejaVu Sans
        ({"title": ""}, ["panel 0: no title"]),
        ({"xlabel": ""}, ["panel 0: no x axis label"]),
        ({"ylabel": "статья"}, ["panel 0: axis label not in English: 'статья'"]),
        ({"title": "Длина статей"}, ["no title in English (only data in Cyrillic)"]),
        ({"width": 14}, ["14.0 in wide (more than 11.0 in)"]),
        ({"ticks": ["Рябков"], "font": "cmr10"}, ["no glyphs for 'Рябков' in cmr10.ttf"]),
    ],
)
def test_violations_finds_broken_rules(options, expected) -> None:
    plt.rcParams["font.family"] = "DejaVu Sans"
    fig = _figure(**options)
    try:
        assert violations(fig) == expected
    finally:
        plt.close(fig)


def test_timeline_reads_with_many_statements() -> None:
    """150 statements of 30 speakers over 60 days: lanes are capped and the figure fits."""
    import pandas as pd

    plot = importlib.import_module("presslens.views.plots.timeline").timeline_plot
    days = pd.date_range("2022-01-01", periods=60, freq="D")
    table = pd.DataFrame(
        {
            "date": [days[i % 60] for i in range(150)],
            "date_end": [days[i % 60] for i in range(150)],
            "type": "statement",
            "article": [f"a{i % 40:02d}" for i in range(150)],
            "outlet": [f"Outlet {i % 6}" for i in range(150)],
            "speaker": [f"Speaker {i % 30:02d}" for i in range(150)],
            "text": "…",
            "cluster": range(150),
            "event": pd.NA,
            "disagreement": False,
            "basis": "published",
        }
    )
    fig = plot(table)
    try:
        width, height = fig.get_size_inches()
        (ax,) = [a for a in fig.axes if a.has_data()]
        assert width <= MAX_WIDTH and height <= 12, (width, height)
        assert len(ax.get_yticks()) <= 13, "at most a dozen speaker lanes"
        assert violations(fig) == []
    finally:
        plt.close(fig)
