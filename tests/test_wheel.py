"""The built wheel installs and runs from outside the repository, bundled articles included."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED_TITLE


@pytest.mark.slow
def test_wheel_runs_list_from_outside_the_repo(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("ossetia_reader-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    borrow_dependencies(bin_dir / "python")
    subprocess.run(
        [
            str(bin_dir / "python"),
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--force-reinstall",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["OSSETIA_READER_LIBRARY"] = str(tmp_path / "library")
    result = subprocess.run(
        [str(bin_dir / "ossetia-reader"), "list", "--json"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = json.loads(result.stdout)
    assert any(r["title"] == SEED_TITLE and r["date"] == "2022-03-31" for r in rows)
    assert len(rows) == 14
    located = subprocess.run(
        [str(bin_dir / "python"), "-c", "import ossetia_reader; print(ossetia_reader.__file__)"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(env_dir) in located.stdout, "the wheel's copy ran, not the source tree"


def borrow_dependencies(python: Path) -> None:
    """Let the new venv import the dependencies installed where the suite runs.

    This tests the wheel, not PyPI, so nothing is downloaded. ``system_site_packages``
    is no answer: it inherits the *base* interpreter's packages, which lack the
    dependencies when the suite itself runs in a venv. A ``.pth`` file listing the
    running interpreter's site directories works in both cases; its entries come
    after the venv's own site-packages, so the wheel's copy of the package wins over
    any editable install of the source tree.
    """
    here = [*site.getsitepackages()]
    if site.ENABLE_USER_SITE:
        here.append(site.getusersitepackages())
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    lines = [path for path in here if Path(path).is_dir()]
    (Path(target) / "borrowed_dependencies.pth").write_text("\n".join(lines) + "\n")
