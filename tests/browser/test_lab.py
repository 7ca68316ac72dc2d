"""Run every notebook in a real JupyterLab, driven in Debian's Chromium by Playwright.

For each ``notebooks/*.ipynb`` the test works on a copy in a temporary folder, with its outputs
cleared, opens it in JupyterLab, runs all cells through the Run menu's "Run All Cells", waits
until the kernel is idle and no cell is queued, saves the notebook, and fails on any error output
or any code cell left unexecuted (or executed out of order). It saves a screenshot of the whole
executed notebook to ``reports/screenshots/<name>.png``.

Run it with ``make test-browser`` (or ``PRESSLENS_BROWSER=1 pytest tests/browser``); the plain
unit run skips it. Knobs (environment): ``PRESSLENS_CHROMIUM`` (default ``/usr/bin/chromium``),
``PRESSLENS_BROWSER_TIMEOUT`` (seconds per notebook, default 600).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from lab_views import check_statements_table, hover_timeline_point, tables_out_of_view

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SCREENSHOTS = ROOT / "reports" / "screenshots"
CHROMIUM = os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium")
TIMEOUT = float(os.environ.get("PRESSLENS_BROWSER_TIMEOUT", "600"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# User settings for a fresh Lab: no news or update notifications, and every cell kept in the DOM
# (no windowing) and no blank space past the end, so that queued cells can be seen and the
# screenshot shows the whole notebook and nothing more.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none",
        "scrollPastEnd": False,
    },
}
MAX_SCREENSHOT_HEIGHT = 15000
EXPLORE = ROOT / "notebooks" / "05-explore.ipynb"
EXPLORE_COPY = "explore-widgets.ipynb"  # a second copy, for the widget test
TIMELINE = "04-statements-timeline"  # its statements table and timeline are checked as seen


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str) -> object:
    """Return the JSON body of a GET on ``url``."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (local server)
        return json.load(response)


def open_and_run(page, lab: Lab, name: str, deadline: float) -> None:
    """Open notebook ``name`` in Lab, run all its cells from the Run menu, wait until done."""
    page.goto(lab.url(name), wait_until="domcontentloaded")
    page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.wait_for(state="visible")
    # Close the left sidebar (the file browser), so the notebook gets the page's width.
    current = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if current.count():
        current.first.click()
    while lab.kernel_state(name) is None and time.monotonic() < deadline:
        dismiss_dialogs(page)
        page.wait_for_timeout(500)
    menu_command(page, "Run", "runmenu:run-all", "notebook:run-all-cells")
    wait_until_done(page, lab, name, deadline)


def write_cleared(source: Path, target: Path) -> None:
    """Copy a notebook with every output and execution count cleared, so Lab must run it all."""
    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.write(notebook, target)


class Lab:
    """A JupyterLab server on 127.0.0.1, serving a folder of notebook copies."""

    def __init__(self, base: Path) -> None:
        self.work = base / "notebooks"
        self.work.mkdir()
        for notebook in NOTEBOOKS:
            write_cleared(notebook, self.work / notebook.name)
        if EXPLORE.exists():
            write_cleared(EXPLORE, self.work / EXPLORE_COPY)
        settings = base / "lab-settings"
        for name, values in LAB_SETTINGS.items():
            path = settings / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(base / "config"),
            JUPYTER_RUNTIME_DIR=str(base / "runtime"),
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
            JUPYTER_PATH=str(Path(sys.prefix) / "share" / "jupyter"),
            IPYTHONDIR=str(base / "ipython"),
            PYDEVD_DISABLE_FILE_VALIDATION="1",
            MPLBACKEND="module://matplotlib_inline.backend_inline",
        )
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.base_url = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser", "--ip=127.0.0.1", f"--port={self.port}", "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.work}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]  # fmt: skip
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        self.log = base / "jupyter-lab.log"
        self._log_file = self.log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            command, cwd=self.work, env=env, stdout=self._log_file, stderr=subprocess.STDOUT
        )
        self._wait_ready(deadline=time.monotonic() + 90)

    def _wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited early:\n{self.log_tail()}")
            try:
                get_json(self.api("status"))
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"jupyter lab did not start in time:\n{self.log_tail()}")

    def api(self, path: str) -> str:
        """Return the URL of a REST API path, with the token."""
        return f"{self.base_url}/api/{path}?token={self.token}"

    def url(self, name: str) -> str:
        """Return the Lab URL that opens notebook ``name`` in a reset workspace."""
        return f"{self.base_url}/lab/tree/{name}?reset&token={self.token}"

    def kernel_state(self, name: str) -> str | None:
        """Return the execution state of the kernel of notebook ``name`` (None: no session)."""
        for session in get_json(self.api("sessions")):
            if session.get("path") == name and session.get("kernel"):
                return session["kernel"].get("execution_state")
        return None

    def shut_down(self, name: str) -> None:
        """Shut down the session (and kernel) of notebook ``name``, if any."""
        for session in get_json(self.api("sessions")):
            if session.get("path") == name:
                request = urllib.request.Request(self.api(f"sessions/{session['id']}"),
                                                 method="DELETE")  # fmt: skip
                urllib.request.urlopen(request, timeout=10).close()  # noqa: S310

    def log_tail(self, lines: int = 40) -> str:
        """Return the last lines of the server log."""
        self._log_file.flush()
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server (and with it the kernels it started)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log_file.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """A JupyterLab server over copies of every notebook."""
    server = Lab(tmp_path_factory.mktemp("lab"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A headless Chromium (Debian's, never a downloaded one) with a fresh profile."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
            device_scale_factor=1,
        )
        context.set_default_timeout(60_000)
        try:
            yield context
        finally:
            context.close()


def dismiss_dialogs(page) -> None:
    """Accept any modal dialog Lab raised (a kernel choice, a notice) so the run can go on."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count():
        button = dialog.locator(".jp-Dialog-button.jp-mod-accept")
        if button.count():
            button.first.click()
        else:
            page.keyboard.press("Escape")


def menu_command(page, menu: str, *commands: str) -> None:
    """Open a main-menu entry (``menu``) and click its item for one of Lab's ``commands``."""
    page.locator(".lm-MenuBar-item", has_text=menu).filter(
        has=page.locator(f".lm-MenuBar-itemLabel:text-is('{menu}')")
    ).first.click()
    selector = ", ".join(f".lm-Menu-item[data-command='{command}']" for command in commands)
    item = page.locator(selector).first
    item.wait_for(state="visible")
    item.click()


def wait_until_done(page, lab: Lab, name: str, deadline: float) -> None:
    """Wait until no cell is queued or running and the kernel has stayed idle for a while."""
    queued = page.locator(".jp-Notebook .jp-InputPrompt", has_text="[*]")
    calm = 0
    while time.monotonic() < deadline:
        dismiss_dialogs(page)
        if queued.count() == 0 and lab.kernel_state(name) == "idle":
            calm += 1
            if calm >= 4:
                return
        else:
            calm = 0
        page.wait_for_timeout(500)
    pytest.fail(f"{name}: still running after {TIMEOUT:.0f} s")


def save(page, path: Path, deadline: float) -> None:
    """Save the notebook through the File menu and wait until the tab is clean on disk."""
    before = path.stat().st_mtime_ns
    menu_command(page, "File", "docmanager:save")
    while time.monotonic() < deadline:
        dismiss_dialogs(page)
        dirty = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-dirty").count()
        if not dirty and path.stat().st_mtime_ns != before:
            return
        page.wait_for_timeout(250)
    pytest.fail(f"{path.name}: not saved in time")


def problems(notebook: nbformat.NotebookNode) -> list[str]:
    """Return one line per error output or unexecuted code cell of an executed notebook.

    The notebook ran from a fresh kernel, so its code cells must count 1, 2, 3, ... in order.
    """
    found = []
    expected = 1
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        count = cell.get("execution_count")
        if count is None:
            found.append(f"cell {index}: not executed")
        elif count != expected:
            found.append(f"cell {index}: execution count {count}, expected {expected}")
        expected += 1
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
            elif output.get("name") == "stderr" and "Traceback" in output.get("text", ""):
                found.append(f"cell {index}: traceback on stderr")
    return found


def screenshot(page, target: Path) -> None:
    """Save a screenshot of the whole notebook: the viewport grows to the notebook's height."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    height = page.evaluate(
        """() => {
            const outer = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer')
                || document.querySelector('.jp-NotebookPanel .jp-Notebook');
            outer.scrollTop = 0;
            return outer.scrollHeight;
        }"""
    )
    chrome = 140  # menu bar, tab bar, toolbar and status bar above and below the notebook
    full = min(int(height) + chrome, MAX_SCREENSHOT_HEIGHT)
    page.set_viewport_size({"width": 1280, "height": full})
    page.wait_for_timeout(1500)
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))


@pytest.mark.parametrize("source", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_runs_in_lab(source: Path, lab: Lab, browser_context) -> None:
    name = source.name
    copy = lab.work / name
    deadline = time.monotonic() + TIMEOUT
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    (SCREENSHOTS / f"{source.stem}-FAILED.png").unlink(missing_ok=True)
    try:
        open_and_run(page, lab, name, deadline)
        save(page, copy, deadline)
        if source.stem == TIMELINE:
            check_statements_table(page, SCREENSHOTS / f"{TIMELINE}-table.png")
            hover_timeline_point(page, SCREENSHOTS / f"{TIMELINE}-hover.png")
        outside = tables_out_of_view(page)
        screenshot(page, SCREENSHOTS / f"{source.stem}.png")
        found = problems(nbformat.read(copy, as_version=4))
        rendered = (
            page.locator(".jp-Notebook .jp-OutputArea-output[data-mime-type*='stderr']")
            .filter(has_text="Traceback")
            .count()
        )
        assert not found, f"{name} in JupyterLab:\n" + "\n".join(found)
        assert rendered == 0, f"{name}: {rendered} error output(s) rendered in Lab"
        assert not outside, f"{name}: tables cut off at notebook width:\n" + "\n".join(outside)
    except Exception:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{source.stem}-FAILED.png"))
        raise
    finally:
        page.close()
        lab.shut_down(name)


@pytest.mark.skipif(not EXPLORE.exists(), reason="no notebooks/05-explore.ipynb")
def test_explore_widgets_respond(lab: Lab, browser_context) -> None:
    """In 05-explore, picking a speaker filters the table; a search highlights its matches."""
    from presslens.corpus.load import load_corpus
    from presslens.statements.extract import statements
    from presslens.views.explore import filter_statements

    found = statements(load_corpus().articles)
    deadline = time.monotonic() + TIMEOUT
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    (SCREENSHOTS / "05-explore-widgets-FAILED.png").unlink(missing_ok=True)
    try:
        open_and_run(page, lab, EXPLORE_COPY, deadline)
        explorer = page.locator(".jp-OutputArea-output .widget-vbox").first
        explorer.wait_for(state="visible")
        explorer.scroll_into_view_if_needed()
        summary = explorer.locator(".widget-html", has_text="speakers:").first
        speakers = explorer.locator(".widget-select-multiple select").first
        # ipywidgets writes the options with no-break spaces
        name = (speakers.locator("option").first.text_content() or "").replace("\xa0", " ")
        name = name.strip()
        assert name, "the speakers list is empty"
        expected = len(filter_statements(found, speakers=[name]))
        assert expected, f"no statement of {name!r} in {sorted(set(found['speaker']))}"
        speakers.select_option(index=0)
        summary.filter(has_text=f"speakers: {name}").wait_for(timeout=30_000)
        explorer.get_by_text(f"{expected} statements.", exact=True).wait_for(timeout=30_000)

        box = explorer.locator(".widget-text input").first
        box.fill("Столтенберг")
        box.press("Enter")
        summary.filter(has_text="«Столтенберг»").wait_for(timeout=30_000)
        explorer.locator("mark", has_text="Столтенберг").first.wait_for(timeout=30_000)
        texts = explorer.locator("mark:not(.speaker)").all_inner_texts()
        assert texts and all(t.startswith("Столтенберг") for t in texts), texts
        explorer.locator("mark").first.scroll_into_view_if_needed()
        # the name in Latin letters finds the speaker's statements, marked on the speaker
        explorer.locator("button", has_text="Show all").click()
        summary.filter(has_text="speakers: all").wait_for(timeout=30_000)
        box.fill("Stoltenberg")
        box.press("Enter")
        summary.filter(has_text="«Stoltenberg»").wait_for(timeout=30_000)
        by_name = explorer.locator("mark.speaker", has_text="Jens Stoltenberg")
        by_name.first.wait_for(timeout=30_000)
        assert by_name.count() >= 1
        page.screenshot(path=str(SCREENSHOTS / "05-explore-widgets.png"))
    except Exception:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "05-explore-widgets-FAILED.png"))
        raise
    finally:
        page.close()
        lab.shut_down(EXPLORE_COPY)


def test_report_charts_work_offline(tmp_path: Path, browser_context) -> None:
    """The HTML report of 04 (nbconvert, then plotly.js embedded) draws and hovers offline."""
    from presslens.views.report import embed_charts

    source = ROOT / "notebooks" / f"{TIMELINE}.ipynb"
    subprocess.run(
        [sys.executable, "-m", "nbconvert", "--log-level", "WARN", "--to", "html", str(source),
         "--output-dir", str(tmp_path)],
        check=True, env={**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"},
    )  # fmt: skip
    assert embed_charts(tmp_path) == [f"{TIMELINE}.html"]
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    asked: list[str] = []

    def no_network(route) -> None:
        asked.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(https?|wss?)://"), no_network)
    browser_context.set_offline(True)
    try:
        page.goto((tmp_path / f"{TIMELINE}.html").as_uri(), wait_until="load")
        page.locator(".js-plotly-plot .scatterlayer .point").first.wait_for(timeout=30_000)
        hover_timeline_point(page, SCREENSHOTS / f"{TIMELINE}-report-offline.png")
        assert not tables_out_of_view(page)
    finally:
        browser_context.set_offline(False)
        page.close()
    assert all("plot.ly" not in url for url in asked), asked
