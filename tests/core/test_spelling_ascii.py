"""``spelling_key``'s ASCII shortcut: the general path's first steps leave ASCII as ``lower()``."""

from __future__ import annotations

import random
import string
import unicodedata

from ossetia_reader.core.enrich.spelling import spelling_key, transliterate


def _general(text: str) -> str:
    folded = transliterate(unicodedata.normalize("NFKC", text).casefold())
    return "".join(
        char for char in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(char)
    )


def test_every_ascii_character_folds_as_lower() -> None:
    for code in range(128):
        assert _general(chr(code)) == chr(code).lower()


def test_ascii_names_fold_as_lower() -> None:
    rng = random.Random(0)
    alphabet = string.printable
    for _ in range(2000):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert _general(name) == name.lower()


def test_keys_of_ascii_names_are_unchanged() -> None:
    # A few names whose keys other tests rely on, through the shortcut.
    assert spelling_key("Dmitry Peskov") == spelling_key("Dmitriy  Peskov") == "dmitri peskov"
    assert spelling_key("Zelenskyy") == spelling_key("Zelensky")
    assert spelling_key("World War II") != spelling_key("World War I")
    assert spelling_key("O'Brien") == spelling_key("OBrien")
