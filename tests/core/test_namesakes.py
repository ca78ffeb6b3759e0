"""Namesakes across scripts: one folded name is one person only with evidence.

``Александр Козлов`` (a Moscow official in a Russian article) and ``Alexander
Kozlov`` (the natural resources minister in an English one) fold to one key;
the library keeps them apart unless the articles say they are one person.
"""

from __future__ import annotations

from pathlib import Path

from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.namesakes import one_person
from ossetia_reader.core.enrich.russian.crossscript import roles_before
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.enrich.views import articles_mentioning, entity_counts, entity_variants
from ossetia_reader.core.library import Library


def _spans(body: str, names: dict[str, tuple[str, str]]) -> list[Entity]:
    """Every occurrence of each written name, as (type, canonical); longer names first,
    so a surname inside a full name is not a second mention."""
    found: list[Entity] = []
    for text, (kind, canonical) in sorted(names.items(), key=lambda item: -len(item[0])):
        at = body.find(text)
        while at >= 0:
            if not any(e.start < at + len(text) and at < e.end for e in found):
                found.append(Entity(at, at + len(text), text, kind, canonical))
            at = body.find(text, at + 1)
    return sorted(found, key=lambda e: e.start)


def _library(tmp_path: Path, articles: list[tuple[str, dict[str, tuple[str, str]]]]) -> Library:
    library = Library(tmp_path / "lib")
    added = library.add(
        [Article(id=f"a{i}", title=f"A{i}", body=body) for i, (body, _) in enumerate(articles)]
    )
    for stored, (body, names) in zip(added, articles, strict=True):
        store_enrichment(library, stored.key, _spans(body, names), [])
    return library


RU = "Russia"
FILLER = [  # English articles that make Russia and Moscow ubiquitous, as in a real library
    (f"Russia and Moscow said item {i}.", {"Russia": ("LOC", RU), "Moscow": ("LOC", "Moscow")})
    for i in range(60)
]


def test_roles_are_read_from_the_name_s_own_clause() -> None:
    text = (
        "Presidential Aide Maxim Oreshkin, Minister of Natural Resources and Environment "
        "Alexander Kozlov"
    )
    assert roles_before(text, text.index("Alexander")) == {"minister", "natural resources"}
    ru = "министр природных ресурсов Александр Козлов"
    assert roles_before(ru, ru.index("Александр")) == {"minister", "natural resources"}
    ru = "председатель общественного штаба в Москве Александр Козлов"
    assert roles_before(ru, ru.index("Александр")) == {"chairman"}
    assert roles_before("Deputy Prime Minister Alexei Overchuk", 22) == {"deputy prime minister"}


def test_evidence_decides_one_person() -> None:
    names = ["Иван Петров", "Ivan Petrov"]
    no_context: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    minister = frozenset({"minister"})
    assert one_person(names, (minister, minister), no_context, lambda key: 0.0)
    assert not one_person(names, (minister, frozenset({"mayor"})), no_context, lambda k: 9.0)
    director = frozenset({"director"})
    assert not one_person(names, (director, director), no_context, lambda key: 9.0)
    assert not one_person(names, (frozenset(), frozenset()), no_context, lambda key: 9.0)
    shared = (frozenset({"a", "b", "russia"}), frozenset({"a", "b", "russia", "c"}))
    rare = {"a": 3.1, "b": 3.2, "russia": 0.1}
    assert one_person(names, (frozenset(), minister), shared, lambda key: rare[key])
    common = {"a": 2.9, "b": 9.0, "russia": 0.1}  # one rare key is not enough
    assert not one_person(names, (frozenset(), minister), shared, lambda key: common[key])
    # The shipped alias list names the person: no other evidence needed.
    assert one_person(["Дмитрий Песков", "Dmitry Peskov"], (minister, frozenset({"mayor"})),
                      no_context, lambda key: 0.0)  # fmt: skip


def test_two_namesakes_in_two_scripts_stay_two_rows(tmp_path: Path) -> None:
    ru = (
        "В Москве председатель общественного штаба Александр Козлов пойдет на выборы. "
        "Козлов возглавлял управляющие компании в Волгограде."
    )
    en = (
        "Russia. Minister of Natural Resources and Environment Alexander Kozlov reported on "
        "the Vostok station. Kozlov met Anton Siluanov."
    )
    library = _library(
        tmp_path,
        [
            (ru, {"Москве": ("LOC", "Москва"), "Александр Козлов": ("PER", "Александр Козлов"),
                  "Волгограде": ("LOC", "Волгоград"), "Козлов": ("PER", "Александр Козлов")}),
            (en, {"Russia": ("LOC", RU), "Alexander Kozlov": ("PER", "Alexander Kozlov"),
                  "Anton Siluanov": ("PER", "Anton Siluanov"), "Vostok": ("LOC", "Vostok")}),
            *FILLER,
        ],
    )  # fmt: skip
    assert canonical_key("Александр Козлов") == canonical_key("Alexander Kozlov")
    people = {row.name: (row.articles, row.mentions) for row in entity_counts(library, "PER")}
    assert people["Александр Козлов"] == (1, 2)
    assert people["Alexander Kozlov"] == (1, 1)
    [(ru_key, _)] = articles_mentioning(library, "Александр Козлов")
    [(en_key, _)] = articles_mentioning(library, "Alexander Kozlov")
    assert ru_key != en_key
    assert "Alexander Kozlov" not in entity_variants(library, "Александр Козлов")


def test_a_person_in_both_scripts_with_shared_context_is_one_row(tmp_path: Path) -> None:
    ru = "Сергей Собянин и Анастасия Ракова открыли в Коммунарке больницу."
    en = "Moscow Mayor Sergei Sobyanin and Anastasia Rakova visited the Kommunarka hospital."
    library = _library(
        tmp_path,
        [
            (ru, {"Сергей Собянин": ("PER", "Сергей Собянин"),
                  "Анастасия Ракова": ("PER", "Анастасия Ракова"),
                  "Коммунарке": ("LOC", "Коммунарка")}),
            (en, {"Moscow": ("LOC", "Moscow"), "Sergei Sobyanin": ("PER", "Sergei Sobyanin"),
                  "Anastasia Rakova": ("PER", "Anastasia Rakova"),
                  "Kommunarka": ("LOC", "Kommunarka")}),
            *FILLER,
        ],
    )  # fmt: skip
    people = {row.name: (row.articles, row.mentions) for row in entity_counts(library, "PER")}
    sobyanin = [name for name in people if canonical_key(name) == "sergei sobianin"]
    assert len(sobyanin) == 1 and people[sobyanin[0]] == (2, 2)
    assert len(articles_mentioning(library, "Сергей Собянин")) == 2


def test_a_listed_person_merges_without_other_evidence(tmp_path: Path) -> None:
    ru = "Алексей Навальный вышел."
    en = "Russia. Alexei Navalny spoke."
    library = _library(
        tmp_path,
        [
            (ru, {"Алексей Навальный": ("PER", "Алексей Навальный")}),
            (en, {"Alexei Navalny": ("PER", "Alexei Navalny"), "Russia": ("LOC", RU)}),
            *FILLER,
        ],
    )
    rows = [r for r in entity_counts(library, "PER") if canonical_key(r.name) == "aleksei navalni"]
    assert [(r.articles, r.mentions) for r in rows] == [(2, 2)]
    assert len(articles_mentioning(library, "Alexei Navalny")) == 2


def test_the_entity_view_of_a_namesake_shows_only_its_own_spellings(tmp_path: Path) -> None:
    from ossetia_reader.core.enrich.corrected import profile

    ru = "Председатель штаба Александр Козлов и Александр Козлов снова."
    en = "Minister of Natural Resources Alexander Kozlov reported."
    library = _library(
        tmp_path,
        [
            (ru, {"Александр Козлов": ("PER", "Александр Козлов")}),
            (en, {"Alexander Kozlov": ("PER", "Alexander Kozlov")}),
            *FILLER,
        ],
    )
    minister = profile(library, "Alexander Kozlov")
    assert minister.name == "Alexander Kozlov", "not the namesake most mentions name"
    assert "Александр Козлов" not in minister.variants
    assert minister.articles == 1
    official = profile(library, "Александр Козлов")
    assert official.name == "Александр Козлов" and "Alexander Kozlov" not in official.variants


def test_namesakes_stay_two_rows_when_the_reader_has_corrections(tmp_path: Path) -> None:
    from ossetia_reader.core.enrich import corrected, corrections

    ru = "Председатель штаба Александр Козлов и Александр Козлов снова."
    en = "Minister of Natural Resources Alexander Kozlov reported."
    library = _library(
        tmp_path,
        [
            (ru, {"Александр Козлов": ("PER", "Александр Козлов")}),
            (en, {"Alexander Kozlov": ("PER", "Alexander Kozlov")}),
            *FILLER,
        ],
    )
    corrections.hide(library, "Moscow")  # any correction takes the corrected path
    rows = {r.name: (r.articles, r.mentions) for r in corrected.entity_counts(library, "PER")}
    assert rows == {"Александр Козлов": (1, 2), "Alexander Kozlov": (1, 1)}


def test_namesakes_quoted_in_two_scripts_are_two_speakers(tmp_path: Path) -> None:
    from ossetia_reader.core.article import Quote
    from ossetia_reader.core.enrich.views import quotes_by, speaker_counts

    ru = "«Дома снесут», — сказал председатель штаба Александр Козлов."
    en = "“The station is ready,” Minister of Natural Resources Alexander Kozlov said."
    library = Library(tmp_path / "lib")
    added = library.add(
        [Article(id="ru", title="R", body=ru), Article(id="en", title="E", body=en)]
    )
    added += library.add(
        [Article(id=f"f{i}", title="F", body=body) for i, (body, _) in enumerate(FILLER)]
    )
    for stored, body, name in (
        (added[0], ru, "Александр Козлов"),
        (added[1], en, "Alexander Kozlov"),
    ):
        quote = Quote(0, body.index(",") + 1, body[: body.index(",") + 1], name, "said")
        store_enrichment(library, stored.key, _spans(body, {name: ("PER", name)}), [quote])
    for stored, (body, names) in zip(added[2:], FILLER, strict=True):
        store_enrichment(library, stored.key, _spans(body, names), [])
    speakers = {row.name: (row.articles, row.quotes) for row in speaker_counts(library)}
    assert speakers == {"Александр Козлов": (1, 1), "Alexander Kozlov": (1, 1)}
    assert [r.speaker for r in quotes_by(library, "Alexander Kozlov")] == ["Alexander Kozlov"]
