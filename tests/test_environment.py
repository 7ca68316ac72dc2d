"""environment.yml, pyproject.toml and requirements.lock stay in step."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)).lower()


#: Extras pinned in their own lock, never installed by make venv.
OWN_LOCKS = {"peer": ROOT / "benchmarks" / "quality" / "peer.lock"}


def _lock(path: Path = ROOT / "requirements.lock") -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[_name(name)] = version
    return pins


def _pyproject_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for name, extra in project["optional-dependencies"].items():
        if name not in OWN_LOCKS:
            reqs += extra
    return reqs


def _environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"\s+- ([A-Za-z0-9_.\[\],-]+)==(\S+)$", line)
        if m:
            pins[_name(m.group(1))] = m.group(2)
    return pins


def test_environment_lists_exactly_the_pyproject_dependencies():
    assert sorted(_environment_pins()) == sorted({_name(r) for r in _pyproject_requirements()})


def test_environment_pins_match_the_lock():
    lock = _lock()
    assert {name: lock.get(name) for name in _environment_pins()} == _environment_pins()


def test_every_dependency_is_pinned_in_the_lock():
    lock = _lock()
    assert [r for r in _pyproject_requirements() if _name(r) not in lock] == []
    assert all(re.fullmatch(r"[0-9][0-9A-Za-z.+-]*", v) for v in lock.values())


def test_extras_with_their_own_lock_are_pinned_there_and_not_in_the_main_lock():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    main = _lock()
    for name, path in OWN_LOCKS.items():
        own = _lock(path)
        assert [r for r in extras[name] if _name(r) not in own] == []
        assert [r for r in extras[name] if _name(r) in main] == []
