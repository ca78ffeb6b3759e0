"""Rules the code keeps: lint and format clean, core/ free of Textual, a light CLI."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

CHECKED = ["tui", "tests", "scripts", "benchmarks"]


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_check_and_format() -> None:
    lint = subprocess.run(["ruff", "check", *CHECKED], cwd=REPO, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout
    fmt = subprocess.run(
        ["ruff", "format", "--check", *CHECKED], cwd=REPO, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout


@pytest.mark.skipif(shutil.which("mypy") is None, reason="mypy is not installed")
def test_mypy_strict() -> None:
    # Plain ``mypy``: what it checks (tui and tests) is configured in pyproject.toml.
    result = subprocess.run(["mypy"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_core_never_imports_textual() -> None:
    offenders = []
    for path in sorted((REPO / "tui/ossetia_reader/core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "textual"]
    assert offenders == []


def test_headless_commands_do_not_load_textual() -> None:
    code = (
        "import sys, ossetia_reader.cli, ossetia_reader.core.library, ossetia_reader.core.search;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'spacy')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "tui"), "PATH": ""},
    )
    assert result.stdout.strip() == "[]"


def _import_graph(folder: str, typing_too: bool = True) -> dict[str, set[str]]:
    """Which modules under ``folder`` each of them imports (top level or inside functions
    alike; imports under ``if TYPE_CHECKING:`` only when ``typing_too``)."""
    package = REPO / "tui"
    modules: dict[str, Path] = {}
    for path in sorted((package / folder).rglob("*.py")):
        parts = path.relative_to(package).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only: set[ast.AST] = set()
        if not typing_too:
            for node in ast.walk(tree):
                if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                    typing_only |= {n for body in node.body for n in ast.walk(body)}
        targets: set[str] = set()
        for node in ast.walk(tree):
            if node in typing_only:
                continue
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:  # ``from package import module`` names the module
                    submodule = f"{node.module}.{alias.name}"
                    targets.add(submodule if submodule in modules else node.module)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def _find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path that returns to its start, or [] when there is none."""
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str]:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return []
        path.append(node)
        for target in sorted(graph[node]):
            if cycle := visit(target):
                return cycle
        path.pop()
        done.add(node)
        return []

    for start in sorted(graph):
        if cycle := visit(start):
            return cycle
    return []


def test_find_cycle_sees_a_cycle() -> None:
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_core_modules_import_each_other_one_way() -> None:
    """A cycle (even through an import inside a function) means a piece lives in the wrong place."""
    graph = _import_graph("ossetia_reader/core")
    assert "ossetia_reader.core.download" in graph["ossetia_reader.core.fetch"]  # the graph works
    assert _find_cycle(graph) == []


def test_package_has_no_run_time_import_cycle() -> None:
    """Screens may name the app's class for typing, but never import the module that
    imports them: the whole package imports one way at run time."""
    graph = _import_graph("ossetia_reader", typing_too=False)
    assert "ossetia_reader.screens.main" in graph["ossetia_reader.app"]  # the graph works
    assert "ossetia_reader.app" not in graph["ossetia_reader.screens.people"]  # typing only
    assert _find_cycle(graph) == []
