"""The user's settings (``config.toml``, theirs to edit) and remembered state.

``config.toml`` lives in the platform config dir and is only ever read: the
app never rewrites a file a person edits. What the app remembers by itself
(the last theme chosen in the command palette) goes to ``state.json`` beside
the library, written atomically.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_NAME = "config.toml"
STATE_NAME = "state.json"
DEFAULT_READING_WIDTH = 88
DEFAULT_REFRESH_MINUTES = 30
MAX_REFRESH_MINUTES = 7 * 24 * 60
MAX_CONFIG_BYTES = 1024 * 1024

EXAMPLE = """\
# ossetia-reader settings. Every line is optional.
theme = "textual-dark"        # any theme from the command palette (Ctrl+P, "theme")
reading_width = 88            # maximum text width in the reading pane, in columns
refresh_minutes = 30          # the open app refreshes feeds this often (0: never by itself)

[keys]                        # remap keys by binding id (see README, "Remapping keys")
# "main.search" = "slash,ctrl+f"
"""


class ConfigError(Exception):
    """The config file cannot be used; the message names the file and line."""


@dataclass
class Config:
    """Settings the app reads at start-up."""

    theme: str | None = None
    reading_width: int = DEFAULT_READING_WIDTH
    refresh_minutes: int = DEFAULT_REFRESH_MINUTES
    keys: dict[str, str] = field(default_factory=dict)
    path: Path | None = None


def load_config(path: Path) -> Config:
    """Read ``path``; a missing file means defaults. Raises ``ConfigError``.

    Only a regular file of at most ``MAX_CONFIG_BYTES`` is read: a config path
    linked to ``/dev/zero`` or a pipe must fail, not read forever.
    """
    from ossetia_reader.core.local_file import read_document

    try:
        raw, _ = read_document(path, MAX_CONFIG_BYTES)
        text = raw.decode("utf-8")
    except FileNotFoundError:
        return Config(path=path)
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise ConfigError(f"{path}: cannot read: {reason}") from None
    import tomllib  # here: most people have no config file, and it costs the launch ~3 ms

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None
    config = Config(path=path)
    for name, value in data.items():
        where = f"{path}, line {_line_of(text, name)}"
        if name == "theme":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: theme must be a string")
            config.theme = value
        elif name == "reading_width":
            if not isinstance(value, int) or isinstance(value, bool) or not 30 <= value <= 400:
                raise ConfigError(f"{where}: reading_width must be a whole number, 30 to 400")
            config.reading_width = value
        elif name == "refresh_minutes":
            if (
                not isinstance(value, int)
                or isinstance(value, bool)
                or not 0 <= value <= MAX_REFRESH_MINUTES
            ):
                raise ConfigError(
                    f"{where}: refresh_minutes must be a whole number, 0 (off) to "
                    f"{MAX_REFRESH_MINUTES}"
                )
            config.refresh_minutes = value
        elif name == "keys":
            config.keys = _keys(value, text, path)
        else:
            raise ConfigError(f"{where}: unknown setting {name!r}")
    return config


def _keys(value: Any, text: str, path: Path) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}, line {_line_of(text, 'keys')}: [keys] must be a table")
    keys: dict[str, str] = {}
    for binding_id, keyspec in value.items():
        if not isinstance(keyspec, str) or not keyspec.strip():
            line = _line_of(text, binding_id)
            raise ConfigError(
                f'{path}, line {line}: key for {binding_id!r} must be a string like "ctrl+f"'
            )
        if len(keyspec) > 200 or any(_is_control(c) for c in keyspec):
            line = _line_of(text, binding_id)
            raise ConfigError(
                f"{path}, line {line}: key for {binding_id!r} must be key names "
                'like "ctrl+f", not control characters'
            )
        keys[binding_id] = keyspec
    return keys


def _is_control(character: str) -> bool:
    """A character a key name never holds, and a terminal would obey if printed."""
    code = ord(character)
    return code < 0x20 or 0x7F <= code < 0xA0


def _line_of(text: str, name: str) -> int:
    """The line where ``name`` is set (1 when it cannot be found)."""
    pattern = re.compile(rf'^[ \t]*(\[[ \t]*)?["\']?{re.escape(name)}["\']?[ \t]*[=\]]', re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def load_state(path: Path) -> dict[str, Any]:
    """What the app remembered last time ({} when nothing, or when unreadable).

    Read like the config: a regular file, at most ``MAX_CONFIG_BYTES``.
    """
    from ossetia_reader.core.local_file import read_document

    try:
        raw, _ = read_document(path, MAX_CONFIG_BYTES)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_state(path: Path, state: dict[str, Any]) -> None:
    """Write ``state`` atomically: a temp file, fsync, then rename over the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".state-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(state, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
