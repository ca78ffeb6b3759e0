"""config.toml: defaults, valid settings, and errors that name the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ossetia_reader.core.config import ConfigError, load_config, load_state, save_state


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "nope.toml")
    assert config.theme is None and config.reading_width == 88 and config.keys == {}


def test_valid_settings(tmp_path: Path) -> None:
    config = load_config(
        write(tmp_path, 'theme = "nord"\nreading_width = 72\n[keys]\n"main.search" = "ctrl+f"\n')
    )
    assert config.theme == "nord" and config.reading_width == 72
    assert config.keys == {"main.search": "ctrl+f"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('theme = "nord"\n\nreading_width = 5\n', "line 3: reading_width must be"),
        ('theme = "nord"\ncolour = "red"\n', "line 2: unknown setting 'colour'"),
        ('[keys]\n"main.search" = 3\n', "line 2: key for 'main.search' must be a string"),
        ('theme = "nord"\nreading_width = \n', "line 2"),
        ("theme = 7\n", "line 1: theme must be a string"),
    ],
)
def test_errors_name_the_line(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    message = str(caught.value)
    assert expected in message and "\n" not in message and str(tmp_path) in message


def test_state_round_trip_and_corrupt_state_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.json"
    save_state(path, {"theme": "nord"})
    assert load_state(path) == {"theme": "nord"}
    assert [p.name for p in path.parent.iterdir()] == ["state.json"], "no temp files left"
    path.write_text("{not json", encoding="utf-8")
    assert load_state(path) == {}
