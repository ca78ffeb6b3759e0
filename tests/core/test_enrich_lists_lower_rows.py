"""List precision rules of session 6 (issue 10), from the rows below the judged lists of the
press releases and AG News: a portfolio or a body's last word glued to a person, a
hyphenated given name, a parenthesis a name runs into, head words that type a name, a
people's plural, a wire's credit, a team before a player's position, AP's dotted state
abbreviations, a company known without "Computer", a body without its "of <country>".
Each test states the general rule with made-up names and text."""

from __future__ import annotations

from pathlib import Path

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich import identity
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.pipeline import build_entities
from ossetia_reader.core.enrich.refine import could_be_person, is_marker
from ossetia_reader.core.enrich.views import entity_counts
from ossetia_reader.core.library import Library

from .enriched import stored
from .spans import spans_of


def built(text: str, *marked: tuple[str, str]) -> list[tuple[str, str, str]]:
    return [(e.text, e.type, e.canonical) for e in build_entities(text, spans_of(text, *marked))]


# -- spans ----------------------------------------------------------------------------------


def test_a_portfolio_after_minister_of_is_no_organisation() -> None:
    text = "Minister of Infrastructure Maxim Dorvan met the press."
    assert built(text, ("Infrastructure Maxim Dorvan", "ORG")) == [
        ("Maxim Dorvan", "PER", "Maxim Dorvan")
    ]
    text = "Minister of Economic Development Maxim Dorvan spoke."
    assert built(text, ("Economic Development Maxim Dorvan", "ORG")) == [
        ("Maxim Dorvan", "PER", "Maxim Dorvan")
    ]
    text = "I would like to ask the Minister of Transport to report."
    assert built(text, ("Transport", "LOC")) == []
    text = "Secretary of the Security Council Maxim Dorvan said so."
    found = built(text, ("Security Council Maxim Dorvan", "ORG"))
    assert [(name, kind) for name, kind, _ in found] == [
        ("Security Council", "ORG"),
        ("Maxim Dorvan", "PER"),
    ], "a body after the role stays a body"


def test_a_bodys_last_word_glued_to_a_person_is_cut_off() -> None:
    text = "He met the head of the Vestra (Lore) Society Maxim Dorvan in the capital."
    found = built(text, ("Vestra", "LOC"), ("Society Maxim Dorvan", "ORG"))
    assert ("Maxim Dorvan", "PER", "Maxim Dorvan") in found
    assert all(name != "Society" for name, _, _ in found)


def test_a_hyphenated_given_name_cut_by_the_tagger_is_one_name() -> None:
    text = "He met President of Kazakhstan Kassym-Jomart Dorvanov on Friday."
    found = built(text, ("Kazakhstan Kassym", "ORG"), ("Jomart Dorvanov", "PER"))
    assert found == [
        ("Kazakhstan", "LOC", "Kazakhstan"),
        ("Kassym-Jomart Dorvanov", "PER", "Kassym-Jomart Dorvanov"),
    ]


def test_a_name_ends_before_a_parenthesis_it_does_not_close() -> None:
    text = "Vantorix (Quote, Chart) officials announced a deal."
    assert built(text, ("Vantorix (Quote", "ORG"), ("Chart", "ORG")) == [
        ("Vantorix", "ORG", "Vantorix")
    ]
    text = "Director of the Vestra (Lore) Society spoke."
    assert built(text, ("Vestra (Lore) Society", "ORG"))[0][0] == "Vestra (Lore) Society"


def test_an_honorary_title_cut_from_its_country_is_no_entity() -> None:
    text = "He was nominated for the title of Hero of Russia."
    assert built(text, ("Hero", "LOC"), ("Russia", "LOC")) == [("Russia", "LOC", "Russia")]


# -- types ----------------------------------------------------------------------------------


def test_a_names_head_words_type_it_against_the_taggers_slip() -> None:
    text = "Ships in the Sea of Marvos were stopped. The Gulf War ended in 1991."
    found = built(text, ("Sea of Marvos", "ORG"), ("Gulf War", "MISC"))
    assert [kind for _, kind, _ in found] == ["LOC", "MISC"]
    text = "The Dorva Agreements were signed. The Dorva Platform met. The Marvos Times wrote."
    found = built(text, ("Dorva Agreements", "LOC"), ("Dorva Platform", "LOC"),
                  ("Marvos Times", "MISC"))  # fmt: skip
    assert [kind for _, kind, _ in found] == ["MISC", "MISC", "ORG"]
    text = "They met at the Dorvinsky Palace on Monday."
    assert built(text, ("Dorvinsky Palace", "PER"))[0][1] == "LOC"


def test_a_peoples_plural_is_no_person() -> None:
    text = "The law protects the rights of Crimean Tatars and Bosnian Serbs."
    found = built(text, ("Crimean Tatars", "PER"), ("Bosnian Serbs", "LOC"))
    assert [kind for _, kind, _ in found] == ["MISC", "MISC"]
    text = "The release of citizens, especially Crimean Tatars, who are detained, is urgent."
    assert built(text, ("Crimean Tatars", "PER"))[0][1] == "MISC", "'who' makes no person"
    text = "Ships near the Philippine Islands were seen."
    assert built(text, ("Philippine Islands", "LOC"))[0][1] == "LOC"


def test_a_wires_credit_after_a_dateline_is_an_organisation() -> None:
    text = "ZURICH, Switzerland (Wirex) - Anna Dorvan won on Tuesday."
    found = built(text, ("ZURICH", "LOC"), ("Switzerland", "LOC"), ("Wirex", "MISC"))
    assert found[2][:2] == ("Wirex", "ORG")


def test_a_team_before_a_players_position_is_an_organisation() -> None:
    text = "Marlins quarterback Anna Dorvan will start. American quarterback Tom Dorvan won."
    found = built(text, ("Marlins", "MISC"), ("American", "MISC"))
    assert [kind for _, kind, _ in found] == ["ORG", "MISC"]


def test_a_spacecraft_is_a_product() -> None:
    text = "Images were sent by the Velora spacecraft. Velora then turned to Saturn."
    found = built(text, ("Velora", "ORG"), ("Velora", "PER"))
    assert [kind for _, kind, _ in found] == ["MISC", "MISC"]


# -- the alias list -------------------------------------------------------------------------


def test_ap_state_abbreviations_match_only_with_their_full_stop() -> None:
    found_state = identity.lookup("Del.")
    assert found_state is not None and found_state.name == "Delaware"
    assert identity.lookup("Dell") is None, "the company is not Delaware"
    assert identity.lookup("Mass") is None
    text = "WILMINGTON, Del. - Dell said its sales rose."
    found = built(text, ("WILMINGTON", "LOC"), ("Del.", "LOC"), ("Dell", "ORG"))
    assert [canonical for _, _, canonical in found][1:] == ["Delaware", "Dell"]


def test_ussr_is_the_soviet_union() -> None:
    text = "The USSR collapsed in 1991."
    assert built(text, ("USSR", "LOC"))[0][2] == "Soviet Union"


# -- library rows ---------------------------------------------------------------------------


def test_a_company_known_without_its_last_word_is_one_row(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for number in range(3):
        stored(
            library,
            f"Story {number}: Vantorix shares rose.",
            [Entity(10, 18, "Vantorix", "ORG", "Vantorix")],
        )
    stored(
        library,
        "Vantorix Computer said so.",
        [Entity(0, 17, "Vantorix Computer", "ORG", "Vantorix Computer")],
    )
    rows = entity_counts(library)
    assert [(row.name, row.mentions) for row in rows] == [("Vantorix", 4)]


def test_a_subsidiarys_name_stays_apart(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "Vantorix shares rose.", [Entity(0, 8, "Vantorix", "ORG", "Vantorix")])
    stored(
        library,
        "Vantorix Pictures said so.",
        [Entity(0, 17, "Vantorix Pictures", "ORG", "Vantorix Pictures")],
    )
    assert len(entity_counts(library)) == 2


def test_a_body_without_its_of_country_counts_with_it(tmp_path: Path) -> None:
    library = Library(tmp_path)
    full, bare = "Bureau of the Marshal of Ukraine", "Bureau of the Marshal"
    for number, name in enumerate([full] * 3 + [bare] * 2):
        body = f"Item {number}: the {name} said. Ukraine agreed."
        at = body.index("Ukraine")
        named = Entity(12, 12 + len(name), name, "ORG", name)
        stored(library, body, [named, Entity(at, at + 7, "Ukraine", "LOC", "Ukraine")])
    rows = [(row.name, row.mentions) for row in entity_counts(library) if row.type == "ORG"]
    assert rows == [(full, 5)]


def test_a_portfolio_named_after_for_keeps_only_the_person_after_it() -> None:
    text = (
        "Present were Special Presidential Representative for Land Care, Ecology and "
        "Transport Maxim Dorvan and Minister for Europe Anna Dorvan."
    )
    found = built(
        text,
        ("Special Presidential Representative for Land Care", "MISC"),
        ("Ecology", "ORG"),
        ("Transport", "ORG"),
        ("Maxim Dorvan", "PER"),
        ("Europe Anna Dorvan", "LOC"),
    )
    assert [(name, kind) for name, kind, _ in found] == [
        ("Maxim Dorvan", "PER"),
        ("Europe", "LOC"),
        ("Anna Dorvan", "PER"),
    ]


def test_plural_abbreviations_and_currency_codes_are_no_entities() -> None:
    text = "IDPs and NGOs met. The budget is UAH 2 billion."
    found = built(text, ("IDPs", "ORG"), ("NGOs", "ORG"), ("UAH", "ORG"))
    assert [(name, kind) for name, kind, _ in found] == [("UAH", "MISC")]


def test_a_kind_of_document_is_no_entity() -> None:
    text = "The Executive Order supplements the measures. A Presidential Decree followed."
    assert built(text, ("Executive Order", "MISC"), ("Presidential Decree", "MISC")) == []


def test_a_company_kind_before_a_name_in_a_headline_is_no_persons_name() -> None:
    text = "Vantor Acquires Mapping Firm Keyzo After a tip, I checked out Keyzo."
    assert built(text, ("Firm Keyzo", "PER"))[0][:2] == ("Keyzo", "ORG")


def test_a_name_mostly_before_program_is_the_programme() -> None:
    text = "Thanks to the Great Building national program roads were built."
    assert built(text, ("Great Building", "ORG"))[0][1] == "MISC"


def test_a_work_named_after_a_character_is_no_person() -> None:
    text = "Tom Vardy and the Stone of Kells won. This third Tom Vardy film brought a change."
    found = built(text, ("Tom Vardy", "PER"), ("Tom Vardy", "PER"))
    assert [kind for _, kind, _ in found] == ["MISC", "MISC"]
    text = "Anna Dorvan said her film was ready. The Anna Dorvan film opened. Dorvan spoke."
    found = built(text, ("Anna Dorvan", "PER"), ("Anna Dorvan", "PER"), ("Dorvan", "PER"))
    assert [kind for _, kind, _ in found] == ["PER", "PER", "PER"], "a director's film"


def test_a_full_name_whose_surname_alone_is_a_person_stays_a_person(tmp_path: Path) -> None:
    library = Library(tmp_path)
    name = "Tarvin Holloway"
    for number in range(2):  # the tagger read "Tarvin Holloway's Night Train" as a company
        body = f"Film {number}: {name}'s Night Train won."
        at = body.index(name)
        stored(library, body, [Entity(at, at + len(name), name, "ORG", name)])
    for number in range(3):
        body = f"Review {number}: {name} made it. Holloway smiled."
        at, alone = body.index(name), body.index("Holloway smiled")
        surname = Entity(alone, alone + 8, "Holloway", "PER", "Holloway")
        stored(library, body, [Entity(at, at + len(name), name, "PER", name), surname])
    stored(library, "Holloway was there.", [Entity(0, 8, "Holloway", "PER", "Holloway")])
    rows = {row.name: row.type for row in entity_counts(library)}
    assert rows == {name: "PER"}, rows


def test_an_agreement_on_a_subject_is_one_name() -> None:
    text = "Talks under the General Agreement on Nets and Lines resumed."
    found = built(text, ("General Agreement", "MISC"), ("Nets and Lines", "ORG"))
    assert found == [
        ("General Agreement on Nets and Lines", "ORG", "General Agreement on Nets and Lines")
    ]


def test_a_body_the_tagger_read_as_an_event_is_an_organisation() -> None:
    text = "Loans from the Inter-Vestran Development Bank rose."
    assert built(text, ("Inter-Vestran Development Bank", "MISC"))[0][1] == "ORG"


def test_a_possessive_company_name_cut_of_its_s_is_one_row(tmp_path: Path) -> None:
    library = Library(tmp_path)
    full, cut = "Halder and Vance's", "Halder and Vance"
    for number in range(3):
        body = f"Rated {number} by {full} Corp."
        at = body.index(full)
        stored(library, body, [Entity(at, at + len(full), full, "ORG", full)])
    for number in range(2):
        body = f"Note {number}: {cut}'s said so."
        at = body.index(cut)
        stored(library, body, [Entity(at, at + len(cut), cut, "ORG", cut)])
    assert [(row.name, row.mentions) for row in entity_counts(library)] == [(full, 5)]


def test_a_state_abbreviation_without_its_full_stop_after_a_town_is_the_state() -> None:
    text = "HARTWICK, Conn, March 30 - Vantor Co said. A fire at their Brantville, Conn home."
    found = built(
        text, ("HARTWICK", "LOC"), ("Conn", "PER"), ("Brantville", "LOC"), ("Conn", "PER")
    )
    assert [(name, canonical) for name, _, canonical in found if name == "Conn"] == [
        ("Conn", "Connecticut"),
        ("Conn", "Connecticut"),
    ]


def test_an_abbreviation_counts_with_its_commonest_full_name(tmp_path: Path) -> None:
    library = Library(tmp_path)
    common, rare = "Vestran Accord on Nets and Lines", "Vestran Accord for Nets and Lines"
    for number, full in enumerate([common] * 4 + [rare]):
        body = f"Talk {number}: the {full} (VANL) held."
        at, short = body.index(full), body.index("VANL")
        entities = build_entities(body, spans_of(body, (full, "ORG"), ("VANL", "ORG")))
        assert [e.text for e in entities] == [full, "VANL"], (at, short)
        stored(library, body, list(entities))
    for number in range(6):
        stored(library, f"Item {number}: VANL met.", [Entity(13, 17, "VANL", "ORG", "VANL")])
    rows = [(row.name, row.mentions) for row in entity_counts(library)]
    assert rows == [(common, 14), (rare, 2)]  # 4 names, their 4 VANL, 6 VANL alone


def test_a_flight_engineers_title_is_cut_from_the_name() -> None:
    text = "The crew is Commander Tom Dorvan and Flight Engineer Salim Vardov."
    found = built(text, ("Tom Dorvan", "PER"), ("Engineer Salim Vardov", "PER"))
    assert ("Salim Vardov", "PER", "Salim Vardov") in found
    text = "The Army Corps of Engineers said so."
    assert built(text, ("Army Corps of Engineers", "ORG"))[0][0] == "Army Corps of Engineers"


def test_a_feeds_double_space_inside_a_name_does_not_cut_it() -> None:
    text = "Finance Minister Maxim  Dorvan said on Tuesday."
    found = built(text, ("Maxim", "PER"), ("Dorvan", "PER"))
    assert [(kind, canonical) for _, kind, canonical in found] == [("PER", "Maxim Dorvan")]


def test_a_name_with_a_city_inside_is_no_persons() -> None:
    assert not could_be_person(canonical_key("Kanasa City Southern"))
    assert could_be_person(canonical_key("Maxim Dorvan"))


def test_a_feeds_escaped_markup_does_not_cut_a_name() -> None:
    from ossetia_reader.core.enrich.pipeline import _blank_markup

    text = "Sales rose. &lt;B&gt;-The Vantor Post&lt;/B&gt;&lt;/FONT&gt;"
    blanked = _blank_markup(text)
    assert len(blanked) == len(text) and "Vantor Post " in blanked and "&lt;" not in blanked
    assert _blank_markup("No markup here.") == "No markup here."


def test_a_feeds_source_credit_in_markup_is_an_organisation() -> None:
    text = "As good as it gets?&lt;/a&gt; &lt;nobr&gt;Vantor Review&lt;/nobr&gt; and more."
    assert built(text, ("Vantor Review", "PER"))[0][:2] == ("Vantor Review", "ORG")


def test_a_company_with_a_feeds_half_decoded_ampersand_is_one_name() -> None:
    text = "Shares of Halder amp; Vance rose. The Brix amp; Tole Co. said. Halder amp; Vance fell."
    found = built(text, ("Halder", "PER"), ("Vance", "PER"), ("Brix", "ORG"), ("Tole Co.", "ORG"))
    assert [(kind, canonical) for _, kind, canonical in found] == [
        ("ORG", "Halder & Vance"),
        ("ORG", "Brix & Tole"),
    ]
    text = "Vantor amp;T Mobile Services Inc. won approval."
    found = built(text, ("Mobile Services Inc.", "ORG"))
    assert found[0][2] == "Vantor&T Mobile Services"


def test_a_firm_named_after_people_is_a_company_by_its_cues() -> None:
    text = "said Tom Dorvan, a chip analyst with K.L. Varsby. Varsby and Co co-managed it."
    found = built(text, ("Tom Dorvan", "PER"), ("K.L. Varsby", "PER"))
    assert [kind for _, kind, _ in found][:2] == ["PER", "ORG"]
    text = "The top oil producer <Ina-Vestra> has started. Grain trade association, Het Vorm, said."
    found = built(text, ("Ina-Vestra", "PER"), ("Het Vorm", "PER"))
    assert [kind for _, kind, _ in found] == ["ORG", "ORG"]


def test_currencies_and_stances_are_no_entities_and_a_foundation_no_person() -> None:
    text = "The U.S. Dollar fell against the DMK. Anna Dorvan Foundation said it would help."
    found = built(text, ("U.S. Dollar", "ORG"), ("DMK", "ORG"), ("Anna Dorvan Foundation", "PER"))
    assert [kind for _, kind, _ in found] == ["MISC", "MISC", "ORG"]
    assert is_marker("U.S. Dollar") and is_marker("DMK") and not is_marker("Mark")
    assert built("The anti-Vestra protesters met.", ("anti-Vestra", "MISC")) == []


def test_a_firm_before_its_analyst_and_a_newsletter_are_organisations() -> None:
    text = "Dean Varsby analyst Tom Dorvan said. The Hamburg newsletter Grain World said."
    found = built(text, ("Dean Varsby", "PER"), ("Tom Dorvan", "PER"), ("Grain World", "PER"))
    assert [kind for _, kind, _ in found] == ["ORG", "PER", "ORG"]


def test_a_body_after_a_persons_surname_counts_with_the_body(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for number in range(3):
        body = f"Day {number}: the Vestra Hall said. Anna Dorvan spoke."
        at = body.index("Anna Dorvan")
        person = Entity(at, at + 11, "Anna Dorvan", "PER", "Anna Dorvan")
        stored(library, body, [Entity(11, 22, "Vestra Hall", "ORG", "Vestra Hall"), person])
    body = "The Dorvan Vestra Hall said so."
    stored(library, body, [Entity(4, 22, "Dorvan Vestra Hall", "ORG", "Dorvan Vestra Hall")])
    rows = [(row.name, row.mentions) for row in entity_counts(library) if row.type == "ORG"]
    assert rows == [("Vestra Hall", 4)]


def test_a_name_label_printed_twice_surname_first_is_one_name() -> None:
    # The Kremlin's transcripts print a speaker's label beside its hover text.
    text = "Welcome. President of Vestra Maxim Dorvan Dorvan MaximPresident of Vestra: Thanks."
    found = built(text, ("Maxim Dorvan Dorvan MaximPresident", "PER"))
    assert ("Maxim Dorvan", "PER", "Maxim Dorvan") in found
    assert all("Dorvan Dorvan" not in name for name, _, _ in found)
