"""The screenshot script still drives the real app to every screen it documents."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_screenshot_script_writes_every_svg(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "scripts/screenshots.py"), "--output", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    names = sorted(path.name for path in tmp_path.glob("*.svg"))
    assert names == sorted(path.name for path in (REPO / "screenshots").glob("*.svg"))
    main = (tmp_path / "main-120x40.svg").read_text(encoding="utf-8")
    assert "Kremlin" in main and "Peskov" in main
