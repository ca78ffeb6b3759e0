"""Rules the code keeps: lint and format clean, core/ free of Textual, a light CLI."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys

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
