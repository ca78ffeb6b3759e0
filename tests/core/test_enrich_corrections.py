"""A reader's entity corrections: applied to every view, kept through re-enrichment and export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ossetia_reader.core.article import Article, Entity, Quote
from ossetia_reader.core.enrich import corrected, corrections
from ossetia_reader.core.enrich.pipeline import enrich_pending
from ossetia_reader.core.enrich.store import reset_enrichment, store_enrichment
from ossetia_reader.core.formats.stored_text import read_stored_text
from ossetia_reader.core.importer import export_records, import_paths
from ossetia_reader.core.library import Library
from ossetia_reader.core.search import open_index
from tests.conftest import SEED

FIRST = (
    "Volodymyr Zelenskyy met the Head of State of Poland in Kovel and Brelovsk on Monday. "
    "“We will hold,” the Head of State said."
)
SECOND = "Zelensky spoke in Kovel and Brelowsk again. “Kovel stands,” Zelensky said on Tuesday."
THIRD = "Zelensky and Volodymyr Zelenskyy were in Brelovsk, which Kovel officials spell Brelowsk."


def span(body: str, text: str, type_: str, nth: int = 0, canonical: str | None = None) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Entity(start, start + len(text), text, type_, canonical or text)


def quote(body: str, text: str, speaker: str) -> Quote:
    start = body.index(text)
    return Quote(start, start + len(text), text, speaker, "said")


@pytest.fixture
def lib(tmp_path: Path) -> tuple[Library, list[int]]:
    """Three articles with hand-made spans: the tagger's usual mistakes, known exactly."""
    library = Library(tmp_path / "lib")
    added = library.add(
        [
            Article(id="a1", title="One", body=FIRST, date=dt.date(2022, 3, 1)),
            Article(id="a2", title="Two", body=SECOND, date=dt.date(2022, 3, 2)),
            Article(id="a3", title="Three", body=THIRD, date=dt.date(2022, 3, 3)),
        ]
    )
    k1, k2, k3 = (a.key for a in added)
    store_enrichment(
        library,
        k1,
        [
            span(FIRST, "Volodymyr Zelenskyy", "PER"),
            span(FIRST, "Head of State", "PER"),
            span(FIRST, "Kovel", "ORG"),
            span(FIRST, "Brelovsk", "LOC"),
            span(FIRST, "Head of State", "PER", nth=1),
        ],
        [quote(FIRST, "“We will hold,”", "Head of State")],
    )
    store_enrichment(
        library,
        k2,
        [
            span(SECOND, "Zelensky", "PER"),
            span(SECOND, "Kovel", "ORG"),
            span(SECOND, "Brelowsk", "LOC"),
            span(SECOND, "Kovel", "ORG", nth=1),
            span(SECOND, "Zelensky", "PER", nth=1),
        ],
        [quote(SECOND, "“Kovel stands,”", "Zelensky")],
    )
    store_enrichment(
        library,
        k3,
        [
            span(THIRD, "Zelensky", "PER"),
            span(THIRD, "Volodymyr Zelenskyy", "PER"),
            span(THIRD, "Brelovsk", "LOC"),
            span(THIRD, "Kovel", "ORG"),
            span(THIRD, "Brelowsk", "LOC"),
        ],
        [],
    )
    return library, [k1, k2, k3]


def names(library: Library, type: str | None = None) -> dict[str, tuple[str, int, int]]:
    return {
        row.name: (row.type, row.mentions, row.articles)
        for row in corrected.entity_counts(library, type=type)
    }


def search(library: Library, query: str) -> list[int]:
    return sorted(open_index(library).search(query).hits.keys)


def test_no_corrections_changes_nothing(lib: tuple[Library, list[int]]) -> None:
    library, _ = lib
    from ossetia_reader.core.enrich import views

    assert corrected.entity_counts(library) == views.entity_counts(library)
    assert corrected.speaker_counts(library) == views.speaker_counts(library)
    assert corrections.listed(library) == []


def test_a_type_change_applies_everywhere(lib: tuple[Library, list[int]]) -> None:
    library, (k1, k2, k3) = lib
    assert search(library, "place:kovel") == []
    assert names(library)["Kovel"][0] == "ORG"
    corrections.set_type(library, "kovel", "loc")  # any spelling, any case
    assert names(library)["Kovel"] == ("LOC", 4, 3)
    assert "Kovel" in names(library, type="LOC")
    assert "Kovel" not in names(library, type="ORG")
    article = library.get(k2)
    assert article is not None
    assert {e.type for e in article.entities if e.text == "Kovel"} == {"LOC"}
    assert search(library, "place:kovel") == [k1, k2, k3]  # the index caught up
    assert search(library, "org:kovel") == []
    profile = corrected.profile(library, "Kovel")
    assert profile.type == "LOC"
    assert profile.correction is not None and profile.correction.action == "type"


def test_a_merge_adds_up_and_follows_the_target(lib: tuple[Library, list[int]]) -> None:
    library, (k1, k2, k3) = lib
    before = names(library)
    assert before["Brelovsk"] == ("LOC", 2, 2) and before["Brelowsk"] == ("LOC", 2, 2)
    assert search(library, "place:brelovsk") == [k1, k3]
    corrections.merge(library, "Brelowsk", "Brelovsk")
    after = names(library)
    assert "Brelowsk" not in after
    # Mentions add up; the article naming both counts once.
    assert after["Brelovsk"] == ("LOC", 4, 3)
    mentioning = corrected.articles_mentioning(library, "Brelowsk")
    assert [key for key, _ in mentioning] == [k3, k2, k1], "newest first, either name"
    assert mentioning == corrected.articles_mentioning(library, "brelovsk")
    article = library.get(k2)
    assert article is not None
    assert [e.canonical for e in article.entities if e.type == "LOC"] == ["Brelovsk"]
    assert search(library, "place:brelovsk") == [k1, k2, k3]
    profile = corrected.profile(library, "Brelowsk")
    assert (profile.name, profile.type) == ("Brelovsk", "LOC")
    assert profile.variants == ("Brelowsk",)
    assert profile.merged == ("Brelowsk",)


def test_a_merged_speaker_speaks_as_the_target(lib: tuple[Library, list[int]]) -> None:
    library, (_, k2, _) = lib
    corrections.merge(library, "Zelensky", "Volodymyr Zelenskyy")
    assert "Zelensky" not in names(library)
    assert names(library)["Volodymyr Zelenskyy"][:2] == ("PER", 5)
    records = corrected.quotes_by(library, "Volodymyr Zelenskyy")
    assert [(r.key, r.speaker) for r in records] == [(k2, "Volodymyr Zelenskyy")]
    assert records == corrected.quotes_by(library, "Zelensky")
    speakers = {row.name: row.quotes for row in corrected.speaker_counts(library)}
    assert speakers.get("Volodymyr Zelenskyy") == 1 and "Zelensky" not in speakers
    article = library.get(k2)
    assert article is not None
    assert {e.canonical for e in article.entities if e.type == "PER"} == {"Volodymyr Zelenskyy"}
    assert article.quotes[0].speaker == "Volodymyr Zelenskyy"


def test_merging_refuses_loops_and_itself(lib: tuple[Library, list[int]]) -> None:
    library, _ = lib
    with pytest.raises(corrections.CorrectionError):
        corrections.merge(library, "Zelensky", "ZELENSKY")
    corrections.merge(library, "Zelensky", "Volodymyr Zelenskyy")
    with pytest.raises(corrections.CorrectionError):
        corrections.merge(library, "Volodymyr Zelenskyy", "Zelensky")
    corrections.hide(library, "Kovel")
    with pytest.raises(corrections.CorrectionError):
        corrections.merge(library, "Brelowsk", "Kovel")


def test_hiding_removes_names_colours_and_speaker_labels(lib: tuple[Library, list[int]]) -> None:
    library, (k1, _, _) = lib
    assert "Head of State" in names(library)
    assert search(library, 'person:"head of state"') == [k1]
    corrections.hide(library, "Head of State")
    assert "Head of State" not in names(library)
    assert "Head of State" not in [s.name for s in corrected.speaker_counts(library)]
    article = library.get(k1)
    assert article is not None
    assert [e.text for e in article.entities] == ["Volodymyr Zelenskyy", "Kovel", "Brelovsk"]
    assert article.quotes[0].speaker is None, "an unresolved quote stays without a speaker"
    assert search(library, 'person:"head of state"') == []
    # Undo brings back what enrichment found.
    removed = corrections.remove(library, "head of state")
    assert removed is not None and removed.action == "hide"
    assert "Head of State" in names(library)
    assert search(library, 'person:"head of state"') == [k1]
    assert corrections.remove(library, "head of state") is None


def test_corrections_survive_re_enrichment(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    [added] = library.add([read_stored_text(SEED)])
    enrich_pending(library, use_model=False)
    assert "Anatoly Bibilov" in names(library, type="PER")
    corrections.set_type(library, "Anatoly Bibilov", "ORG")
    corrections.hide(library, "Dmitry Peskov")
    reset_enrichment(library)
    assert enrich_pending(library, use_model=False) == 1
    people = names(library, type="PER")
    assert "Anatoly Bibilov" not in people and "Dmitry Peskov" not in people
    assert "Anatoly Bibilov" in names(library, type="ORG")
    article = library.get(added.key)
    assert article is not None
    assert "Dmitry Peskov" not in {e.canonical for e in article.entities}
    assert "Dmitry Peskov" not in {q.speaker for q in article.quotes}


def test_corrections_travel_with_export_and_add(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    library.add([read_stored_text(SEED)])
    enrich_pending(library, use_model=False)
    corrections.set_type(library, "Anatoly Bibilov", "ORG")
    corrections.merge(library, "Kremlin", "Dmitry Peskov")
    corrections.hide(library, "Russia")
    exported = tmp_path / "export.jsonl"
    lines = [json.dumps(record, ensure_ascii=False) for record in export_records(library)]
    exported.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = [json.loads(line) for line in lines if '"record"' in line]
    assert [r["name"] for r in records] == ["Anatoly Bibilov", "Kremlin", "Russia"], "oldest first"

    fresh = Library(tmp_path / "fresh")
    [report] = import_paths(fresh, [str(exported)])
    assert (report.added, report.failed) == (1, 0)
    assert [c.describe() for c in corrections.listed(fresh)] == [
        c.describe() for c in corrections.listed(library)
    ]
    reset_enrichment(fresh)
    enrich_pending(fresh, use_model=False)
    assert names(fresh) == names(library)
    assert "Russia" not in names(fresh) and "Kremlin" not in names(fresh)
    assert names(fresh)["Anatoly Bibilov"][0] == "ORG"


def test_malformed_exported_corrections_are_ignored(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    path = tmp_path / "x.jsonl"
    bad: list[dict[str, object]] = [
        {"name": "Kovel", "action": "type", "type": "CITY"},
        {"name": "Kovel", "action": "merge", "target": "kovel"},
        {"name": 3, "action": "hide"},
        {"name": "Kyiv", "action": "explode"},
        {"name": "Glory\x1b[31m", "action": "hide"},
    ]
    lines = [json.dumps({"title": "T", "body": "Glory to Kyiv."})]
    lines += [json.dumps({"record": corrections.RECORD, **value}) for value in bad]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [report] = import_paths(library, [str(path)])
    assert report.added == 1
    listed = corrections.listed(library)
    assert [c.action for c in listed] == ["hide"]
    assert "\x1b" not in listed[0].name


def test_the_name_is_shown_in_the_script_most_mentions_use(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    bodies = [
        "Дмитрий Песков ответил. Песков добавил, что Песков не знает.",
        "Dmitry Peskov declined to comment.",
    ]
    added = library.add(
        [Article(id=f"p{i}", title=f"P{i}", body=body) for i, body in enumerate(bodies)]
    )
    ru, en = bodies
    store_enrichment(
        library,
        added[0].key,
        [
            span(ru, "Дмитрий Песков", "PER"),
            span(ru, "Песков", "PER", nth=1, canonical="Дмитрий Песков"),
            span(ru, "Песков", "PER", nth=2, canonical="Дмитрий Песков"),
        ],
        [],
    )
    store_enrichment(library, added[1].key, [span(en, "Dmitry Peskov", "PER")], [])
    for asked in ("Dmitry Peskov", "Дмитрий Песков", "peskov"):
        found = corrected.profile(library, asked)
        assert found.name == "Дмитрий Песков", asked
        assert "Dmitry Peskov" in found.variants and found.type == "PER"


def test_a_merge_across_scripts_is_named_in_the_main_script(tmp_path: Path) -> None:
    # Пекин/Beijing: not on the alias list (Москва/Moscow is, so it needs no merge).
    library = Library(tmp_path / "lib")
    ru, en = "В Пекине и Пекин, Пекин.", "Beijing said."
    added = library.add(
        [Article(id="ru", title="R", body=ru), Article(id="en", title="E", body=en)]
    )
    store_enrichment(
        library,
        added[0].key,
        [
            span(ru, "Пекине", "LOC", canonical="Пекин"),
            span(ru, "Пекин", "LOC"),
            span(ru, "Пекин", "LOC", nth=1),
        ],
        [],
    )
    store_enrichment(library, added[1].key, [span(en, "Beijing", "LOC")], [])
    corrections.merge(library, "Пекин", "Beijing")
    assert names(library) == {"Пекин": ("LOC", 4, 2)}, "most mentions are in Cyrillic"
    found = corrected.profile(library, "Beijing")
    assert found.name == "Пекин" and found.head == "Beijing"
    assert "Beijing" in found.variants
    assert "Пекине" not in found.variants, "a case form is not another spelling"


def test_a_correction_names_the_entity_by_any_listed_alias(tmp_path: Path) -> None:
    from ossetia_reader.core.enrich.identity import preferred_name

    assert preferred_name("Kiev") == "Kyiv", "the shipped alias list joins them"
    library = Library(tmp_path / "lib")
    body = "Kyiv replied."
    [added] = library.add([Article(id="k", title="K", body=body)])
    store_enrichment(library, added.key, [span(body, "Kyiv", "LOC")], [])
    corrections.set_type(library, "Kiev", "ORG")
    assert names(library) == {"Kyiv": ("ORG", 1, 1)}
    with pytest.raises(corrections.CorrectionError):
        corrections.merge(library, "Kyiv", "Kiev")


def test_an_exported_correction_can_be_undone_in_the_library_it_went_to(
    lib: tuple[Library, list[int]], tmp_path: Path
) -> None:
    library, _ = lib
    corrections.merge(library, "Brelowsk", "Brelovsk")
    path = tmp_path / "out.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in export_records(library)),
        encoding="utf-8",
    )
    fresh = Library(tmp_path / "fresh")
    import_paths(fresh, [str(path)])
    assert names(fresh)["Brelovsk"] == ("LOC", 4, 3), "counted on import, merged"
    assert "Brelowsk" not in names(fresh)
    corrections.remove(fresh, "Brelowsk")
    assert names(fresh)["Brelowsk"] == ("LOC", 2, 2), "the exported spans were not rewritten"


def test_case_forms_are_not_other_spellings() -> None:
    from ossetia_reader.core.enrich.corrected import _inflected

    assert _inflected("Путина", "Vladimir Putin") is False, "one word is not two"
    assert _inflected("Путина", "Putin") and _inflected("Владимира Путина", "Vladimir Putin")
    assert not _inflected("Путин", "Putin"), "the name in the other script is a spelling"
    assert _inflected("Москвы", "Москва") and not _inflected("Подмосковье", "Москва")
    assert not _inflected("Zelensky", "Zelenskyy"), "Latin spellings are always shown"
