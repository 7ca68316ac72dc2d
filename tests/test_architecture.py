"""The house rules of issue #16, checked on the source: stages, sizes, public names.

* A module imports only its own stage package and earlier ones (base modules from anywhere);
  module-level imports form no circle.
* Modules stay under about 400 lines and functions under 60 lines of body (the docstring does
  not count); the exceptions are listed below, each with its reason.
* Every stage package names its public API in ``__all__``, and every name there resolves.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "presslens"
#: The stages in the order data flows through them; a module may import its own and earlier ones.
STAGES = ["corpus", "text", "dates", "statements", "findings", "engine", "views", "commands"]
#: Modules any stage may import: they import no stage themselves.
BASE = {"paths", "lexicon", "_gc", "morphology"}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
#: Module → why it is longer than MAX_MODULE_LINES.
LONG_MODULES: dict[str, str] = {}
#: "module:function" → why its body is longer than MAX_FUNCTION_LINES.
LONG_FUNCTIONS: dict[str, str] = {}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(p for p in parts if p != "__init__")
        out[name or "__init__"] = path
    return out


def _imports(path: Path, top_level_only: bool = False) -> set[str]:
    """The presslens modules ``path`` imports (``presslens.`` stripped)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else ast.walk(tree)
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("presslens."):
                base = node.module.removeprefix("presslens.")
                found.add(base)
                found.update(f"{base}.{a.name}" for a in node.names)
            elif node.module == "presslens":
                found.update(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("presslens.") for a in node.names
                         if a.name.startswith("presslens."))
    modules = _modules()
    return {m for m in found if m in modules}


def _stage(module: str) -> str | None:
    head = module.split(".")[0]
    return head if head in STAGES else None


def _body_lines(node: ast.AST) -> int:
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    return body[-1].end_lineno - body[0].lineno + 1 if body else 0


@pytest.mark.parametrize("module", sorted(_modules()))
def test_a_module_imports_only_its_stage_and_earlier_ones(module):
    path = _modules()[module]
    own = _stage(module)
    for target in _imports(path):
        stage = _stage(target)
        if module in BASE:
            assert stage is None, f"{module} is a base module but imports {target}"
        elif own is not None and stage is not None:
            assert STAGES.index(stage) <= STAGES.index(own), f"{module} imports later {target}"


def test_module_level_imports_form_no_circle():
    modules = _modules()
    graph = {m: _imports(p, top_level_only=True) - {m} for m, p in modules.items()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                raise AssertionError("import circle: " + " → ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [])


def test_modules_are_short_or_listed():
    long = {m: p.read_text(encoding="utf-8").count("\n") for m, p in _modules().items()}
    long = {m: n for m, n in long.items() if n > MAX_MODULE_LINES}
    assert set(long) <= set(LONG_MODULES), long
    assert set(LONG_MODULES) <= set(long), "a listed exception is short now: unlist it"


def test_functions_are_short_or_listed():
    found = {}
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = _body_lines(node)
                if n > MAX_FUNCTION_LINES:
                    found[f"{module}:{node.name}"] = n
    assert set(found) <= set(LONG_FUNCTIONS), found
    assert set(LONG_FUNCTIONS) <= set(found), "a listed exception is short now: unlist it"


@pytest.mark.parametrize("package", STAGES[:-1])
def test_every_stage_package_names_its_public_api(package):
    module = importlib.import_module(f"presslens.{package}")
    assert module.__all__, f"presslens.{package} lists no public name"
    for name in module.__all__:
        assert getattr(module, name) is not None


def test_the_top_level_api_reads_from_the_stages():
    import presslens

    for name in presslens.PUBLIC:
        assert getattr(presslens, name).__module__.startswith(f"presslens.{presslens.PUBLIC[name]}")
