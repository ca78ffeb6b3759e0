"""List precision rules of session 5 (issue 10), from the rows below the judged lists:
wire datelines, a company after a title word, a country's people, feed entities around
names, a dateline's capitals beside the name written in lower case.
Each test states the general rule with made-up names and text."""

from __future__ import annotations

from pathlib import Path

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich import rules
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.pipeline import build_entities
from ossetia_reader.core.enrich.refine import in_dateline, refine_spans
from ossetia_reader.core.enrich.views import entity_counts
from ossetia_reader.core.library import Library

from .enriched import stored
from .spans import spans_of


def built(text: str, *marked: tuple[str, str]) -> list[tuple[str, str, str]]:
    return [(e.text, e.type, e.canonical) for e in build_entities(text, spans_of(text, *marked))]


# -- datelines -----------------------------------------------------------------------------


def test_the_place_of_a_dateline_is_a_place_whatever_the_tagger_said() -> None:
    text = "BRANTVILLE, April 9 - Corvex Radio Inc said it agreed to buy two stations."
    assert built(text, ("BRANTVILLE", "PER"), ("Corvex Radio Inc", "ORG"))[0][1] == "LOC"
    text = "HOLMGARD (Reuters) - Prices of wheat rose on Tuesday, traders said."
    assert built(text, ("HOLMGARD", "ORG"))[0][1] == "LOC"
    text = "Some headline .\nKESTRA 1996-08-30\nThe council met on Friday ."
    assert built(text, ("KESTRA", "ORG"))[0][1] == "LOC"


def test_a_name_opening_a_line_without_a_dateline_after_it_keeps_its_type() -> None:
    text = "Corvex Radio, the broadcaster, said on April 9 it would buy two stations."
    assert not in_dateline(text, 0, len("Corvex Radio"))
    assert built(text, ("Corvex Radio", "ORG"))[0][1] == "ORG"
    text = "Reuters - Vantor Steel Inc. has lost a contract, the company said."
    assert not in_dateline(text, 0, len("Reuters")), "a wire's name is no place"


def test_a_states_abbreviation_in_a_dateline_is_the_state() -> None:
    text = "BRANTVILLE, ILL., April 8 - Corvex Co said its board voted a dividend."
    found = built(text, ("BRANTVILLE", "PER"), ("ILL", "LOC"), ("Corvex Co", "ORG"))
    assert found[:2] == [("BRANTVILLE", "LOC", "BRANTVILLE"), ("ILL", "LOC", "Illinois")]
    text = "He fell ILL. The doctors said so."
    assert built(text, ("ILL", "LOC"))[0][2] == "ILL", "only after a dateline's city"


def test_an_abbreviated_saint_and_the_name_after_it_are_one_name() -> None:
    text = "ST. HALVERS, April 9 - Corvex Co said it acquired a salt mine near Ft. Orlan."
    spans = spans_of(text, ("ST", "LOC"), ("HALVERS", "LOC"), ("Ft", "LOC"), ("Orlan", "LOC"))
    refined = [(text[s:e], label) for s, e, label in refine_spans(text, spans)]
    assert refined == [("ST. HALVERS", "LOC"), ("Ft. Orlan", "LOC")]


def test_capitals_of_a_dateline_count_with_the_name_written_in_lower_case(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    for number in range(3):
        body = f"VANNOR, April {number + 1} - The institute met.\nThe talks in Vannor go on."
        start = body.index("Vannor")
        stored(
            library,
            body,
            [
                Entity(0, 6, "VANNOR", "LOC", "VANNOR"),
                Entity(start, start + 6, "Vannor", "LOC", "Vannor"),
            ],
        )
    assert canonical_key("VANNOR") != canonical_key("Vannor"), "keys stay exact"
    rows = entity_counts(library)
    assert [(row.name, row.mentions) for row in rows] == [("Vannor", 6)]


def test_an_abbreviation_with_a_doubled_letter_stays_apart_when_never_written_lower(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    body = "The ICCO and the ICO met in London."
    stored(
        library, body, [Entity(4, 8, "ICCO", "ORG", "ICCO"), Entity(17, 20, "ICO", "ORG", "ICO")]
    )
    assert sorted(row.name for row in entity_counts(library)) == ["ICCO", "ICO"]


# -- companies after a title word ---------------------------------------------------------


def test_a_title_word_opening_a_company_with_a_legal_form_stays() -> None:
    text = "DETROIT, April 8 - General Harvesters Corp said it set dates to shut two plants."
    found = built(text, ("DETROIT", "ORG"), ("General Harvesters Corp", "ORG"))
    assert found[1] == ("General Harvesters Corp", "ORG", "General Harvesters")


# -- a country's people ------------------------------------------------------------------


def test_a_listed_countrys_name_with_i_is_its_people() -> None:
    assert rules.listed_type("Kuwaiti") == "MISC"
    assert rules.listed_type("Bahraini") == "MISC"
    assert rules.listed_type("Irani") is None, "Iran's people are the listed Iranians"
    assert rules.listed_type("Burman") is None, "a country + n is as often a surname"


# -- feed entities -----------------------------------------------------------------------


def test_a_name_cut_at_a_feeds_escaped_apostrophe_is_whole() -> None:
    text = "Space agency chief Brendan O #39;Farrell has resigned."
    found = built(text, ("Brendan O", "PER"), ("Farrell", "PER"))
    assert found == [("Brendan O #39;Farrell", "PER", "Brendan O'Farrell")]


# -- companies and products --------------------------------------------------------------


def test_a_partnership_and_an_airline_are_organisations() -> None:
    text = "The issue was managed by Kestrel Baines, Orman Hulett and Co Inc, a dealer said."
    assert built(text, ("Kestrel Baines", "ORG"), ("Orman Hulett", "PER"))[1][1] == "ORG"
    text = "Air Vantor said it would buy two jets."
    assert built(text, ("Air Vantor", "PER"))[0][1] == "ORG"
    text = "Air Marshal Tobias Grell said the jets flew."
    assert built(text, ("Tobias Grell", "PER"))[0][1] == "PER"


def test_a_stock_symbol_after_a_company_is_no_entity() -> None:
    text = "Orman Hulett Corp <OHC> said it sold its stake."
    assert [name for name, _, _ in built(text, ("Orman Hulett Corp", "ORG"), ("OHC", "ORG"))] == [
        "Orman Hulett Corp"
    ]


def test_a_name_before_a_product_noun_is_a_product_but_a_maker_is_not() -> None:
    text = (
        "Vantor will not sell its Zephyr 4 chip. The Zephyr processor runs hot. Vantor chips sell."
    )
    found = built(text, ("Vantor", "ORG"), ("Zephyr", "ORG"), ("Zephyr", "PER"), ("Vantor", "ORG"))
    assert [kind for _, kind, _ in found] == ["ORG", "MISC", "MISC", "ORG"]


# -- one row for a body however the library writes it ---------------------------------------


def test_an_abbreviation_the_library_defined_counts_with_its_full_name(tmp_path: Path) -> None:
    library = Library(tmp_path)
    body = "The Kestrel Valley Exchange (KVE) opened. KVE shares rose."
    entities = build_entities(
        body, spans_of(body, ("Kestrel Valley Exchange", "ORG"), ("KVE", "ORG"), ("KVE", "ORG"))
    )
    stored(library, body, list(entities))
    for number in range(3):
        stored(
            library,
            f"Bid {number}: KVE said the offer was low.",
            [Entity(12, 15, "KVE", "LOC", "KVE")],
        )
    rows = entity_counts(library)
    assert [(row.name, row.type, row.mentions) for row in rows] == [("KVE", "ORG", 6)]


def test_an_abbreviation_two_bodies_of_the_library_share_stays_apart(tmp_path: Path) -> None:
    library = Library(tmp_path)
    body = "The Kestrel Valley Exchange (KVE) opened. KVE shares rose."
    entities = build_entities(
        body, spans_of(body, ("Kestrel Valley Exchange", "ORG"), ("KVE", "ORG"), ("KVE", "ORG"))
    )
    stored(library, body, list(entities))
    other = "The Kestrel Village Estates board met. Kestrel Village Estates sold."
    stored(
        library,
        other,
        [Entity(4, 27, "Kestrel Village Estates", "ORG", "Kestrel Village Estates")] * 2,
    )
    stored(library, "Later: KVE said so.", [Entity(7, 10, "KVE", "ORG", "KVE")])
    assert "KVE" in [row.name for row in entity_counts(library)]


def test_a_company_named_with_its_possessive_counts_with_the_possessive_alone(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    body = "Vantor's Investors Service cut the rating. Vantor said so."
    stored(
        library,
        body,
        [
            Entity(0, 26, "Vantor's Investors Service", "ORG", "Vantor's Investors Service"),
            Entity(43, 49, "Vantor", "ORG", "Vantor"),
            Entity(43, 49, "Vantor", "ORG", "Vantor"),
        ],
    )
    assert [(row.name, row.mentions) for row in entity_counts(library)] == [("Vantor", 3)]


def test_a_ring_name_before_a_full_name_is_the_same_person(tmp_path: Path) -> None:
    library = Library(tmp_path)
    body = "Sugar Tomas Vell won. Tomas Vell said so. Tomas Vell left."
    stored(
        library,
        body,
        [
            Entity(0, 16, "Sugar Tomas Vell", "PER", "Sugar Tomas Vell"),
            Entity(22, 32, "Tomas Vell", "PER", "Tomas Vell"),
            Entity(42, 52, "Tomas Vell", "PER", "Tomas Vell"),
        ],
    )
    assert [(row.name, row.mentions) for row in entity_counts(library, type="PER")] == [
        ("Tomas Vell", 3)
    ]
    library = Library(tmp_path / "two")
    body = "Maria Tomas Vell won. Tomas Vell said so."
    stored(
        library,
        body,
        [
            Entity(0, 16, "Maria Tomas Vell", "PER", "Maria Tomas Vell"),
            Entity(22, 32, "Tomas Vell", "PER", "Tomas Vell"),
        ],
    )
    assert len(entity_counts(library, type="PER")) == 2, "a given name first: another person"


def test_a_team_after_its_poll_rank_is_an_organisation_but_a_player_is_not() -> None:
    text = "No. 1 Vantor Forest used a 19-5 run to beat Arizona."
    assert built(text, ("Vantor Forest", "PER"), ("Arizona", "LOC"))[0][1] == "ORG"
    text = "World No. 1 Roger Kell beat Tomas Vell."
    assert built(text, ("Roger Kell", "PER"), ("Tomas Vell", "PER"))[0][1] == "PER"


def test_a_brand_in_lower_case_and_the_words_after_it_are_one_product() -> None:
    text = "Vantor launched its iZephyr Music Store in Canada."
    found = built(
        text, ("Vantor", "ORG"), ("iZephyr", "MISC"), ("Music Store", "PER"), ("Canada", "LOC")
    )
    assert found[1][:2] == ("iZephyr Music Store", "MISC")


def test_a_giant_is_a_company() -> None:
    text = "Russian oil giant Vantorneft said it would appeal. Vantorneft shares fell."
    found = built(text, ("Vantorneft", "PER"), ("Vantorneft", "PER"))
    assert [kind for _, kind, _ in found] == ["ORG", "ORG"]


def test_a_notice_in_capitals_names_nothing_but_a_headline_keeps_its_names() -> None:
    text = "Aired May 12\n\nTHIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.\n"
    assert built(text, ("TRANSCRIPT", "LOC")) == []
    text = "SOCCER - RESULT IN THE VANTORIAN FIRST DIVISION OF THE LEAGUE .\nMADRID 1996-08-31\n"
    assert built(text, ("VANTORIAN", "MISC"))[0][1] == "MISC"


def test_a_person_named_after_the_articles_company_is_its_product_or_arm() -> None:
    text = "Vantor said its Vantor Messenger app grew. Vantor Europe sold more. Vantor rose."
    found = built(
        text,
        ("Vantor", "ORG"),
        ("Vantor Messenger", "PER"),
        ("Vantor Europe", "PER"),
        ("Vantor", "ORG"),
    )
    assert [kind for _, kind, _ in found] == ["ORG", "MISC", "ORG", "ORG"]
    text = "Sen. Kell Vantor spoke. Kell said so, and Kell Vantor left."
    found = built(text, ("Kell Vantor", "PER"), ("Kell", "ORG"), ("Kell Vantor", "PER"))
    assert found[0][1] == "PER", "one word typed ORG once makes no company"


def test_united_nations_titles_are_not_names() -> None:
    text = "UN Emergency Relief Coordinator Tomas Vell said so. The Special Rapporteur agreed."
    found = built(
        text, ("UN", "ORG"), ("Emergency Relief Coordinator", "ORG"), ("Tomas Vell", "PER"),
        ("Special Rapporteur", "MISC"),
    )  # fmt: skip
    assert [name for name, _, _ in found] == ["UN", "Tomas Vell"]
    text = "They met at Burger King and the Dairy Queen."
    assert len(built(text, ("Burger King", "ORG"), ("Dairy Queen", "ORG"))) == 2


def test_a_web_pages_furniture_names_nothing() -> None:
    text = "Follow on Published On: Sat, 23 Nov 2024\nImage Credit: Vantor Wire\nReply Your email"
    found = built(
        text,
        ("Published", "PER"),
        ("Image Credit", "ORG"),
        ("Vantor Wire", "ORG"),
        ("Reply Your", "ORG"),
    )
    assert [name for name, _, _ in found] == ["Vantor Wire"]
    text = "FILE - Vantor Health Organization officials met. They would vote to Leave."
    found = built(text, ("FILE - Vantor Health Organization", "ORG"), ("Leave", "MISC"))
    assert [name for name, _, _ in found] == ["Vantor Health Organization", "Leave"]
    text = "It paid A$ 100 million."
    assert built(text, ("A$", "MISC")) == [("A$", "MISC", "A$")]


def test_a_court_case_is_no_person_and_an_editors_bracket_is_cut() -> None:
    text = "The ruling in Vell v. Kestrel stood."
    assert built(text, ("Vell v. Kestrel", "PER")) == [
        ("Vell v. Kestrel", "MISC", "Vell v. Kestrel")
    ]
    text = "We were tired but [Tomas] Vell bowled well. “[W]e won,” he said."
    found = built(text, ("Tomas] Vell", "PER"), ("W]e", "PER"))
    assert [name for name, _, _ in found] == ["Vell"]
