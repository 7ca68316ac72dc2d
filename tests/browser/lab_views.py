"""What a person sees in a notebook page: reading tables in view, tooltips on the timeline.

Helpers of the browser tests (``test_lab.py``), for JupyterLab and for the HTML reports alike.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "reports" / "screenshots"


@cache
def seed_statements() -> list[tuple[str, str]]:
    """(speaker, quotation) of every statement of the seeds, computed here, not read off a page."""
    from presslens.corpus.load import load_corpus
    from presslens.statements.extract import statements

    found = statements(load_corpus().articles)
    return list(zip(found["speaker"], found["quote"], strict=True))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", html.unescape(text))


def tables_out_of_view(page) -> list[str]:
    """Return one line per reading table wider than its output area (its text cut off)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('table.presslens-reading')].flatMap((t, i) => {
            const box = t.closest('.jp-OutputArea-output, .jp-RenderedHTMLCommon')
                || t.parentElement;
            const over = t.getBoundingClientRect().right - box.getBoundingClientRect().right;
            return over > 1 ? [`table ${i} (${t.id}): ${Math.round(over)} px past the right edge`]
                : [];
        })"""
    )


def check_statements_table(page, target: Path) -> None:
    """The statements table shows its first quotation inside the viewport; keep a screenshot."""
    table = page.locator("table.presslens-reading", has=page.locator("th", has_text="quote"))
    table = table.first
    table.scroll_into_view_if_needed()
    cell = table.locator("td.text").first
    cell.scroll_into_view_if_needed()
    box = cell.bounding_box()
    width = page.viewport_size["width"]
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (box, width)
    text = cell.inner_text()
    assert any(_squeeze(q) == _squeeze(text) for _, q in seed_statements()), text
    page.screenshot(path=str(target))


def hover_timeline_point(page, target: Path) -> str:
    """Hover the first statement of the timeline chart; return the tooltip's text.

    Checks that the tooltip holds the quotation of one of the seeds' statements, with its
    speaker, and keeps a screenshot with the tooltip open.
    """
    chart = page.locator(".js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    index = chart.evaluate(
        "gd => gd.data.findIndex(t => !t.name.endsWith(': events') && t.x.length > 0)"
    )
    assert index >= 0, "no statement on the timeline"
    point = chart.locator(".scatterlayer .trace").nth(index).locator(".point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    label = chart.locator(".hoverlayer .hovertext").first
    label.wait_for(state="visible", timeout=10_000)
    shown = _squeeze(label.text_content() or "")
    matches = [(s, q) for s, q in seed_statements() if _squeeze(q)[:40] in shown]
    assert matches, f"the tooltip shows no quotation of the seeds: {shown[:200]}"
    assert any(_squeeze(s) in shown for s, _ in matches), f"no speaker in the tooltip: {shown}"
    page.screenshot(path=str(target))
    return shown
