"""List precision rules from session 4's second look (issue 10): price tables, exact
abbreviations, portfolios and hyphens around names, company evidence, a country's body.
Each test states the general rule with made-up names and text."""

from __future__ import annotations

from pathlib import Path

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich import identity
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.pipeline import build_entities
from ossetia_reader.core.enrich.refine import is_junk
from ossetia_reader.core.enrich.views import entity_counts
from ossetia_reader.core.library import Library

from .enriched import stored
from .spans import spans_of


def entity(surface: str, type_: str) -> Entity:
    return Entity(0, len(surface), surface, type_, identity.preferred_name(surface))


def junk(text: str, surface: str) -> bool:
    start = text.index(surface)
    return is_junk(text, start, start + len(surface))


# -- price tables ------------------------------------------------------------------------


TABLE = (
    "CHICAGO, April 7 - Closing prices of hog futures.\n\n"
    "OPEN   SALES\n\nMAY7  4676  OFF 238\n\nJUL7  4670  OFF 12\n\nSEP7  4672  OFF 9\n\n"
    "DEC7  4680  OFF 3\n\nJUN8 UNTRD\n\nSEP8 UNTRD\n\nDEC8 UNTRD\n\nMAR9 UNTRD\n\n"
    "TOLEDO   5 UND MAY UNC   1 UND MAY UNC\n\nDAYTON   7 UND MAY UNC   2 UND MAY UNC\n\n"
    "Traders at Vantor Grain said prices rose 5 cents in Toledo on Monday.\n"
)


def test_contract_months_and_table_cells_are_not_names() -> None:
    assert junk(TABLE, "MAY7") and junk(TABLE, "JUN8")
    assert junk("prices of F-CATTLE APR7 rose", "F-CATTLE APR7"), "a contract month inside"
    assert junk(TABLE, "OFF") and junk(TABLE, "UNTRD") and junk(TABLE, "UNC")


def test_names_heading_a_standings_table_stay() -> None:
    text = (
        "BASEBALL - MAJOR LEAGUE STANDINGS\n"
        "W L PCT GB\nMILWAUKEE 74 58 .561 -\nNEW YORK 70 62 .530 4\n"
        "NEW YORK 68 64 .515 6\nNEW YORK 66 66 .500 8\nNEW YORK 60 72 .455 14\n"
    )
    assert not junk(text, "MILWAUKEE"), "named once: a team, not a code"
    assert not junk(text, "NEW YORK"), "a listed place is a name however often"


def test_names_in_prose_beside_a_table_stay() -> None:
    assert not junk(TABLE, "Vantor Grain")
    assert not junk(TABLE, "CHICAGO"), "a dateline has lower-case words"
    text = "IBM SAYS 1987 NET UP\n\nIBM said on Monday profit rose 5 pct."
    assert not junk(text, "IBM"), "a headline in capitals with one number is no table"
    assert not junk("Mayo7 Group said", "Mayo7 Group")


# -- abbreviations match exactly ----------------------------------------------------------


def test_abbreviations_keep_their_doubled_letters() -> None:
    assert canonical_key("ICCO") != canonical_key("ICO")
    assert canonical_key("ICCO") == canonical_key("ICCO")
    # Names still fold doubled letters (English spellings of Russian names).
    assert canonical_key("Zelenskyy") == canonical_key("Zelensky")
    assert canonical_key("Kirill Dmitriyy") == canonical_key("Kirill Dmitriy")
    assert canonical_key("Icco") == canonical_key("Ico"), "a word in lower case is a name"


def test_two_bodies_whose_abbreviations_differ_by_a_doubled_letter_are_two_rows(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    stored(library, "ICCO a", [entity("ICCO", "ORG")] * 3)
    stored(library, "ICO b", [entity("ICO", "ORG")] * 2)
    rows = {row.name: row.mentions for row in entity_counts(library)}
    assert rows == {"ICCO": 3, "ICO": 2}


# -- the words around a name --------------------------------------------------------------


def test_a_portfolios_last_word_is_not_part_of_the_name() -> None:
    text = "Ruvia's Minister of Energy and Mines Subroko said output would fall."
    found = build_entities(text, spans_of(text, ("Ruvia", "LOC"), ("Mines Subroko", "PER")))
    assert [(e.text, e.type) for e in found] == [("Ruvia", "LOC"), ("Subroko", "PER")]


def test_a_given_name_after_a_portfolio_stays() -> None:
    text = "The Minister of Trade and John Vardy met."
    found = build_entities(text, spans_of(text, ("John Vardy", "PER")))
    assert [e.text for e in found] == ["John Vardy"]


def test_a_full_name_cut_at_its_hyphen_is_whole_again() -> None:
    text = "Deputy Prime Minister Pak Mahn-jo said exports rose."
    found = build_entities(text, spans_of(text, ("Pak Mahn", "PER")))
    assert [(e.text, e.type) for e in found] == [("Pak Mahn-jo", "PER")]
    text = "A Pak Mahn-led plan was dropped."
    found = build_entities(text, spans_of(text, ("Pak Mahn", "PER")))
    assert [e.text for e in found] == ["Pak Mahn"], "an English compound word is not a name"


def test_a_holding_company_or_a_firm_after_initials_is_a_company() -> None:
    text = (
        "Shares of Tarvin Mattox Holdings Ltd <TMH.HK> rose. Tarvin Mattox said it would pay. "
        "Keswin Lau (Holdings) Ltd fell. Keswin Lau director Albert Chu said so. "
        "London trade house E.D. and F. Marl said prices fell."
    )
    found = build_entities(
        text,
        spans_of(
            text,
            ("Tarvin Mattox", "PER"),
            ("Tarvin Mattox", "PER"),
            ("Keswin Lau", "PER"),
            ("Keswin Lau", "PER"),
            ("Albert Chu", "PER"),
            ("F. Marl", "PER"),
        ),
    )
    assert [(e.text, e.type) for e in found if e.text != "London"] == [
        ("Tarvin Mattox", "ORG"),
        ("Tarvin Mattox", "ORG"),
        ("Keswin Lau", "ORG"),
        ("Keswin Lau", "ORG"),
        ("Albert Chu", "PER"),
        ("F. Marl", "ORG"),
    ]


# -- a country's body ---------------------------------------------------------------------


def test_a_body_mostly_written_with_one_country_whose_articles_name_it_is_one_row(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    for number in range(4):  # the bare name in articles naming the United States
        stored(library, f"Exchequer {number}", [entity("Exchequer", "ORG"), entity("U.S.", "LOC")])
    stored(library, "Exchequer UK", [entity("Exchequer", "ORG"), entity("Britain", "LOC")])
    stored(library, "U.S. Exchequer", [entity("U.S. Exchequer", "ORG")] * 8)
    stored(library, "UK Exchequer", [entity("UK Exchequer", "ORG")] * 2)  # 4 times fewer
    rows = {row.name: row.mentions for row in entity_counts(library) if row.type == "ORG"}
    # One row for the US body (named by its commonest form), the UK's apart.
    assert rows == {"U.S. Exchequer": 13, "UK Exchequer": 2}


def test_a_body_whose_articles_name_two_countries_alike_stays_apart(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for number in range(4):
        stored(library, f"Exchequer {number}", [entity("Exchequer", "ORG"), entity("U.S.", "LOC")])
    for number in range(3):
        stored(library, f"Exchequer UK {number}", [entity("Exchequer", "ORG"), entity("UK", "LOC")])
    stored(library, "U.S. Exchequer", [entity("U.S. Exchequer", "ORG")] * 8)
    stored(library, "UK Exchequer", [entity("UK Exchequer", "ORG")] * 2)
    rows = {row.name for row in entity_counts(library)}
    assert {"Exchequer", "U.S. Exchequer", "UK Exchequer"} <= rows


# -- an abbreviation the article defines --------------------------------------------------


def test_an_abbreviation_of_some_letters_of_each_word_is_the_body_it_follows() -> None:
    text = (
        "The International Cocoa Organization (ICCO) met. Delegates of the ICCO agreed. "
        "Members of the Vantor Lumber Guild, VLG, met too; the VLG said so."
    )
    found = build_entities(
        text,
        spans_of(
            text,
            ("International Cocoa Organization", "ORG"),
            ("ICCO", "LOC"),
            ("ICCO", "LOC"),
            ("Vantor Lumber Guild", "ORG"),
            ("VLG", "ORG"),
            ("VLG", "PER"),
        ),
    )
    assert [(e.canonical, e.type) for e in found] == [
        ("International Cocoa Organization", "ORG")
    ] * 3 + [("Vantor Lumber Guild", "ORG")] * 3


def test_a_name_after_another_in_a_list_is_no_abbreviation() -> None:
    text = "Apple, IBM, and Sony rose."
    found = build_entities(text, spans_of(text, ("Apple", "ORG"), ("IBM", "ORG"), ("Sony", "ORG")))
    assert [e.canonical for e in found] == ["Apple", "IBM", "Sony"]


# -- a surname alone, told by the company it keeps ----------------------------------------


def test_a_surname_alone_is_the_namesake_whose_articles_name_the_same_things(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    stored(library, "c1", [entity("Harold W. Vance", "PER"), entity("Kerrin Doyle", "PER")])
    stored(library, "c2", [entity("Harold Vance", "PER"), entity("Ostravia", "LOC")])
    stored(library, "s1", [entity("Reggie Vance", "PER"), entity("Lakeside State", "ORG")])
    for number in range(5):  # "Vance" alone beside what Harold's articles name
        things = [entity("Kerrin Doyle", "PER")] if number % 2 else [entity("Ostravia", "LOC")]
        stored(library, f"bare {number}", [entity("Vance", "PER"), *things])
    people = {row.name: row.mentions for row in entity_counts(library, type="PER")}
    assert "Vance" not in people and people["Harold W. Vance"] == 7, people


def test_a_surname_alone_beside_both_namesakes_company_stays_apart(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "c1", [entity("Harold Vance", "PER"), entity("Kerrin Doyle", "PER")])
    stored(library, "s1", [entity("Reggie Vance", "PER"), entity("Lakeside State", "ORG")])
    for number in range(4):
        thing = entity("Kerrin Doyle", "PER") if number % 2 else entity("Lakeside State", "ORG")
        stored(library, f"bare {number}", [entity("Vance", "PER"), thing])
    people = {row.name for row in entity_counts(library, type="PER")}
    assert "Harold Vance" in people and "Reggie Vance" in people
    assert not any(
        row.mentions > 1 for row in entity_counts(library, type="PER") if "Vance" in row.name
    )


# -- a city's team written with and without its city --------------------------------------


def test_a_team_written_with_its_city_and_without_is_one_row(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for number in range(3):
        stored(library, f"t{number}", [entity("Red Lynx", "ORG"), entity("Boston", "LOC")])
    stored(library, "t", [entity("Red Lynx", "ORG")])
    stored(library, "full", [entity("Boston Red Lynx", "ORG")] * 5)
    rows = {row.name: row.mentions for row in entity_counts(library) if row.type == "ORG"}
    assert rows == {"Boston Red Lynx": 9}


# -- products, events and planets ---------------------------------------------------------


def test_a_name_followed_by_a_model_number_is_a_product_or_an_event() -> None:
    text = "The new Vexo 650 is out, a fan of the Vexo said. Bruno Laval won the Larkmark Indy 300."
    found = build_entities(
        text,
        spans_of(
            text, ("Vexo", "ORG"), ("Vexo", "ORG"), ("Bruno Laval", "PER"), ("Larkmark Indy", "PER")
        ),
    )
    assert [e.type for e in found] == ["MISC", "MISC", "PER", "MISC"]


def test_a_year_or_a_score_after_a_name_changes_nothing() -> None:
    text = "Vantor 2004 sales rose. Tim Harlow won 6-4 and Harlow 45, said so."
    found = build_entities(
        text, spans_of(text, ("Vantor", "ORG"), ("Tim Harlow", "PER"), ("Harlow", "PER"))
    )
    assert [e.type for e in found] == ["ORG", "PER", "PER"]


def test_a_name_with_moons_is_a_planet() -> None:
    text = "Cassini flew past Velura's smoggy moon Titan; Velura #39;s rings shone."
    found = build_entities(
        text, spans_of(text, ("Velura", "ORG"), ("Titan", "LOC"), ("Velura", "PER"))
    )
    assert [(e.text, e.type) for e in found] == [
        ("Velura", "LOC"),
        ("Titan", "LOC"),
        ("Velura", "LOC"),
    ]
