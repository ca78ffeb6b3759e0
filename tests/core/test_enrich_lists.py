"""List precision rules (issue 10): companies, one person however written, bodies every
country has. Each test states the general rule with made-up names and text."""

from __future__ import annotations

from pathlib import Path

from ossetia_reader.core.article import Entity, Quote
from ossetia_reader.core.enrich import identity
from ossetia_reader.core.enrich.canonical import canonical_key, link_mentions
from ossetia_reader.core.enrich.pipeline import build_entities
from ossetia_reader.core.enrich.refine import could_be_person, decide_types, is_generic_body
from ossetia_reader.core.enrich.views import entity_counts, entity_types, speaker_counts
from ossetia_reader.core.library import Library

from .enriched import stored
from .spans import spans_of


def entity(surface: str, type_: str) -> Entity:
    return Entity(0, len(surface), surface, type_, identity.without_legal_form(surface))


# -- legal forms -----------------------------------------------------------------------


def test_a_legal_form_is_not_part_of_the_company_name() -> None:
    assert identity.without_legal_form("Microsoft Corp.") == "Microsoft"
    assert identity.without_legal_form("Goldman, Sachs and Co") == "Goldman, Sachs"
    assert identity.without_legal_form("Broken Hill Pty Ltd") == "Broken Hill"
    assert identity.without_legal_form("Deutsche Bank AG") == "Deutsche Bank"
    # Nothing left but an initial or nothing at all: kept whole.
    assert identity.without_legal_form("A Co") == "A Co"
    assert identity.without_legal_form("AG") == "AG"
    # A full word is a name's own ("Corporation"), not an abbreviated legal form.
    assert identity.without_legal_form("Tennessee Valley Corporation") == (
        "Tennessee Valley Corporation"
    )


def test_a_company_with_and_without_its_legal_form_is_one_entity() -> None:
    text = "Vexacorp Inc. said on Monday it would cut jobs. Vexacorp shares fell."
    entities = build_entities(text, spans_of(text, ("Vexacorp Inc", "ORG"), ("Vexacorp", "PER")))
    assert {(e.canonical, e.type) for e in entities} == {("Vexacorp", "ORG")}


def test_a_name_written_once_with_a_legal_form_is_a_company_throughout() -> None:
    text = "Harlan Briggs Ltd sold sugar. Harlan Briggs said prices rose."
    found = build_entities(text, spans_of(text, ("Harlan Briggs", "PER"), ("Harlan Briggs", "PER")))
    assert [e.type for e in found] == ["ORG", "ORG"]


def test_a_stock_ticker_after_a_name_makes_it_a_company() -> None:
    text = "Fenwick Mae (FNM.N: Quote) said. Fenwick Mae also said. Tom Ray (FNM) said."
    found = build_entities(
        text, spans_of(text, ("Fenwick Mae", "PER"), ("Fenwick Mae", "PER"), ("Tom Ray", "PER"))
    )
    assert [e.type for e in found] == ["ORG", "ORG", "PER"]


def test_a_person_opening_a_company_name_in_the_article_is_that_company() -> None:
    text = "Dorsey Burnham Lambert Inc said. Dorsey lost money. Dorsey Burnham declined."
    found = build_entities(
        text,
        spans_of(
            text,
            ("Dorsey Burnham Lambert Inc", "ORG"),
            ("Dorsey", "ORG"),
            ("Dorsey Burnham", "PER"),
        ),
    )
    assert [(e.text, e.type, e.canonical) for e in found] == [
        ("Dorsey Burnham Lambert Inc", "ORG", "Dorsey Burnham Lambert"),
        ("Dorsey", "ORG", "Dorsey Burnham Lambert"),
        ("Dorsey Burnham", "ORG", "Dorsey Burnham Lambert"),
    ]


# -- one person however written ------------------------------------------------------------


def test_middle_initials_and_short_given_names_are_one_person() -> None:
    def groups(*names: str) -> list[list[str]]:
        return identity.same_person_groups([canonical_key(name) for name in names])

    assert groups("Ivan F. Boesky", "Ivan Boesky") == [["ivan f boeski", "ivan boeski"]]
    assert len(groups("Dan Amstutz", "Daniel Amstutz")) == 1
    assert groups("George W. Bush", "George H. W. Bush", "George Bush") == [], "two Bushes"
    assert groups("Howard Baker", "James Baker") == []
    assert groups("A.W. Clausen", "Tom Clausen") == [], "an initial is no given name"


def test_initials_and_a_surname_join_the_one_person_they_fit() -> None:
    def groups(*names: str) -> list[list[str]]:
        return identity.same_person_groups([canonical_key(name) for name in names])

    assert groups("В.В.Путин", "Владимир Путин", "V. Putin") == [
        ["vladimir putin", "v v putin", "v putin"]
    ]
    assert groups("Д. Песков", "Dmitry Peskov") != [], "one script or two"
    assert groups("V. Putin", "Vladimir Putin", "Vera Putin") == [], "two people fit"
    assert groups("A.W. Clausen", "Tom Clausen") == [], "the initial does not fit"
    assert groups("G. Bush", "George W. Bush", "George H. W. Bush") == [], "two Bushes"


def test_the_library_lists_one_person_however_the_full_name_is_written(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    stored(library, "Ivan F. Boesky", [entity("Ivan F. Boesky", "PER")])
    stored(library, "Ivan Boesky x2", [entity("Ivan Boesky", "PER")] * 2)
    stored(library, "Dan Amstutz", [entity("Dan Amstutz", "PER")])
    stored(library, "Daniel Amstutz", [entity("Daniel Amstutz", "PER")])
    stored(library, "George W. Bush", [entity("George W. Bush", "PER")])
    stored(library, "George H. W. Bush", [entity("George H. W. Bush", "PER")])
    rows = {row.name: row.mentions for row in entity_counts(library, type="PER")}
    assert rows["Ivan Boesky"] == 3 and "Ivan F. Boesky" not in rows
    assert sum("Amstutz" in name for name in rows) == 1
    assert rows["George W. Bush"] == 1 and rows["George H. W. Bush"] == 1


def test_a_surname_in_an_article_naming_one_person_two_ways_is_linked() -> None:
    people = [
        Entity(0, 14, "Ivan F. Boesky", "PER", "Ivan F. Boesky"),
        Entity(20, 31, "Ivan Boesky", "PER", "Ivan Boesky"),
        Entity(40, 46, "Boesky", "PER", "Boesky"),
    ]
    assert link_mentions(people)[2].canonical == "Ivan F. Boesky"


def test_speakers_quoted_under_two_forms_of_one_name_are_one_row(tmp_path: Path) -> None:
    library = Library(tmp_path)
    quote = Quote(0, 5, "'Hi.'", "Dan Amstutz", "said")
    stored(library, "'Hi.' one", [], [quote])
    stored(library, "'Hi.' two", [], [Quote(0, 5, "'Hi.'", "Daniel Amstutz", "said")] * 2)
    assert [(row.name, row.quotes) for row in speaker_counts(library)] == [("Daniel Amstutz", 3)]


def test_a_surname_is_never_merged_into_a_place_like_name(tmp_path: Path) -> None:
    assert not could_be_person("new brunswik") and could_be_person("ivan boeski")
    library = Library(tmp_path)
    stored(library, "New Brunswick", [entity("New Brunswick", "PER")])
    stored(library, "Brunswick Corp said", [Entity(0, 9, "Brunswick", "ORG", "Brunswick")])
    names = {row.name for row in entity_counts(library)}
    assert "Brunswick" in names


# -- types across the library ---------------------------------------------------------------


def test_the_library_types_companies_the_tagger_took_for_people(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "Dorsey Burnham Lambert", [entity("Dorsey Burnham Lambert", "ORG")])
    stored(library, "Dorsey Burnham", [entity("Dorsey Burnham", "PER")])
    stored(library, "Halford Capel and Co", [entity("Halford Capel and Co", "PER")])
    stored(library, "Halford Capel", [entity("Halford Capel", "PER")] * 2)
    stored(library, "Cleveland Browns", [entity("Cleveland Browns", "PER")])
    stored(library, "Cleveland", [entity("Cleveland", "LOC")])
    stored(library, "Ivan Boesky", [entity("Ivan Boesky", "PER")])
    stored(library, "Ivan Boesky Foundation", [entity("Ivan Boesky Foundation", "ORG")])
    types = {row.name: row.type for row in entity_counts(library)}
    assert types["Dorsey Burnham"] == "ORG", "opens an organisation's name"
    assert types["Halford Capel"] == "ORG", "written with a legal form"
    assert types["Cleveland Browns"] == "ORG", "a place and a plural: a team"
    assert types["Ivan Boesky"] == "PER", "a given name: a person, whatever is named after him"
    assert entity_types(library, ["Dorsey Burnham"]) == {"dorsei burnham": "ORG"}


def test_a_title_keeps_a_person_a_person(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "Tyler Browns Inc", [entity("Tyler Browns Inc", "ORG")])
    body = "Mr Cleveland Browns said"
    stored(library, body, [Entity(3, 19, "Cleveland Browns", "PER", "Cleveland Browns")])
    assert {row.name: row.type for row in entity_counts(library)}["Cleveland Browns"] == "PER"


def test_bodies_every_country_has_are_not_listed(tmp_path: Path) -> None:
    for name in ("Finance Ministry", "Central Bank", "Security Council", "Armed Forces", "Bank"):
        assert is_generic_body(name), name
    for name in ("Federal Reserve", "UN Security Council", "Congress", "Bank of Japan", "BANK"):
        assert not is_generic_body(name), name
    library = Library(tmp_path)
    stored(library, "x", [entity("Finance Ministry", "ORG"), entity("Bank of Japan", "ORG")])
    assert [row.name for row in entity_counts(library)] == ["Bank of Japan"]


def test_a_titled_mention_is_not_made_a_company_by_a_legal_form_elsewhere() -> None:
    text = "President Carl Hahn said. Carl Hahn Ltd is a shop."
    found = decide_types(
        text,
        [
            Entity(*span[:2], text[span[0] : span[1]], span[2], "Carl Hahn")
            for span in spans_of(text, ("Carl Hahn", "PER"), ("Carl Hahn", "PER"))
        ],
    )
    assert found[0].type == "PER"


def test_a_surname_is_the_person_named_in_several_articles_beside_one_off_namesakes(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    for number in range(3):
        stored(library, f"Ronald Reagan {number}", [entity("Ronald Reagan", "PER")] * 2)
    stored(library, "Nancy Reagan", [entity("Nancy Reagan", "PER")])
    stored(library, "Athough Reagan", [entity("Athough Reagan", "PER")])
    stored(library, "Reagan", [Entity(0, 6, "Reagan", "PER", "Reagan")] * 5)
    rows = {row.name: row.mentions for row in entity_counts(library, type="PER")}
    assert rows["Ronald Reagan"] == 11 and "Reagan" not in rows


def test_a_surname_two_known_people_share_is_not_a_row(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for number in range(2):
        stored(library, f"James Baker {number}", [entity("James Baker", "PER")])
        stored(library, f"Howard Baker {number}", [entity("Howard Baker", "PER")])
    stored(library, "Baker", [Entity(0, 5, "Baker", "PER", "Baker")] * 9)
    stored(library, "'No.' Baker", [], [Quote(0, 5, "'No.'", "Baker", "said")])
    stored(library, "'Yes.' James Baker", [], [Quote(0, 6, "'Yes.'", "James Baker", "said")])
    names = [row.name for row in entity_counts(library, type="PER")]
    assert "Baker" not in names and {"James Baker", "Howard Baker"} <= set(names)
    assert [row.name for row in speaker_counts(library)] == ["James Baker"]


def test_company_words_around_a_name_make_it_a_company_in_the_whole_article() -> None:
    text = "Fenwick Mae chief executive Ann Lo spoke. Later Fenwick Mae said no."
    found = build_entities(
        text, spans_of(text, ("Fenwick Mae", "PER"), ("Ann Lo", "PER"), ("Fenwick Mae", "PER"))
    )
    assert [e.type for e in found] == ["ORG", "PER", "ORG"]
    text = "its smaller rival Fredrik Mac fell; the company Bill Gates founded rose"
    found = build_entities(text, spans_of(text, ("Fredrik Mac", "PER"), ("Bill Gates", "PER")))
    assert [e.type for e in found] == ["ORG", "PER"]


def test_arabic_given_names_romanised_with_other_vowels_are_one_person() -> None:
    def groups(*names: str) -> list[list[str]]:
        return identity.same_person_groups([canonical_key(name) for name in names])

    assert len(groups("Moqtada al-Sadr", "Muqtada al-Sadr")) == 1
    assert groups("Dan Smith", "Don Smith") == [], "vowels count outside Arabic names"


def test_a_name_opening_with_a_word_no_given_name_is_is_a_place(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "New Brunswick", [entity("New Brunswick", "PER")] * 2)
    assert {row.name: row.type for row in entity_counts(library)} == {"New Brunswick": "LOC"}


def test_a_third_of_mentions_typed_organisation_outweighs_an_untitled_person(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    stored(library, "Fenwick Mae one", [entity("Fenwick Mae", "PER")] * 2)
    stored(library, "Fenwick Mae two", [entity("Fenwick Mae", "ORG")])
    stored(library, "Bill Gates one", [entity("Bill Gates", "PER")] * 2)
    stored(library, "Bill Gates two", [entity("Bill Gates", "ORG")])
    types = {row.name: row.type for row in entity_counts(library)}
    assert types == {"Fenwick Mae": "ORG", "Bill Gates": "PER"}


def test_a_place_is_never_in_the_speaker_list(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "in Seoul x", [entity("Seoul", "LOC")] * 3, [Quote(0, 5, "'No.'", "Seoul", "")])
    stored(library, "'Yes.' Kim", [], [Quote(0, 6, "'Yes.'", "Kim Dae-jung", "said")])
    assert [row.name for row in speaker_counts(library)] == ["Kim Dae-jung"]


def test_groups_and_datelines_are_not_untagged_speaker_names() -> None:
    from ossetia_reader.core.enrich.quotes import find_quotes

    text = 'Prosecutors said "the samples were contaminated in the laboratory."'
    [found] = find_quotes(text, [])
    assert found.speaker == "prosecutors", "a description, which the lists do not count"
    text = 'SEOUL said "it was unlikely to have been a nuclear weapons test."'
    [found] = find_quotes(text, [])
    assert found.speaker is None, "a dateline in capitals"
    [found] = find_quotes('Espinoza said "we will win this race in the end."', [])
    assert found.speaker == "Espinoza"


def test_a_team_in_a_transactions_list_is_no_transcript_speaker() -> None:
    from ossetia_reader.core.enrich.transcripts import find_turns

    text = (
        "BASEBALL Cincinnati (NL): Announced OF John Vander Wal declined an assignment. "
        "Cleveland (AL): Designated INF Ivan Ochoa for assignment."
    )
    entities = [
        Entity(9, 19, "Cincinnati", "PER", "Cincinnati"),
        Entity(
            text.index("Cleveland"), text.index("Cleveland") + 9, "Cleveland", "PER", "Cleveland"
        ),
    ]
    assert find_turns(text, entities) == []


def test_a_team_is_not_merged_into_a_person_named_in_full_far_less(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "Max Lyons", [entity("Max Lyons", "PER")] * 2)
    for number in range(3):
        stored(library, f"the Lions {number}", [Entity(4, 9, "Lions", "ORG", "Lions")] * 2)
    rows = {row.name: (row.type, row.mentions) for row in entity_counts(library)}
    assert rows == {"Lions": ("ORG", 6), "Max Lyons": ("PER", 2)}


def test_a_surname_counts_with_a_full_name_the_library_shows_is_a_company(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    stored(library, "E.F. Hutton Group Inc", [entity("E.F. Hutton Group Inc", "ORG")])
    stored(library, "E.F. Hutton", [entity("E.F. Hutton", "PER")] * 2)
    stored(library, "Hutton", [Entity(0, 6, "Hutton", "PER", "Hutton")] * 2)
    rows = {row.name: (row.type, row.mentions) for row in entity_counts(library)}
    assert rows["E.F. Hutton"] == ("ORG", 4) and "Hutton" not in rows


def test_a_news_service_code_or_stock_symbol_is_no_entity() -> None:
    from ossetia_reader.core.enrich.refine import is_junk

    text = "NEW YORK (CBS.MW) - Shares of JNJ.N rose in the U.S. and N.Y. today."
    for surface in ("CBS.MW", "JNJ.N"):
        start = text.index(surface)
        assert is_junk(text, start, start + len(surface)), surface
    for surface in ("U.S.", "N.Y.", "NEW YORK"):
        start = text.index(surface)
        assert not is_junk(text, start, start + len(surface)), surface


def test_more_ways_one_full_name_is_written(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "Javier Nogales Iturri", [entity("Javier Nogales Iturri", "PER")] * 3)
    stored(library, "Javier Nogales", [entity("Javier Nogales", "PER")])
    stored(library, "Ayad Allawi", [entity("Ayad Allawi", "PER")] * 2)
    stored(library, "Iyad Allawi", [entity("Iyad Allawi", "PER")])
    stored(library, "Dan Smith", [entity("Dan Smith", "PER")])
    stored(library, "Don Smith", [entity("Don Smith", "PER")])
    stored(library, "John Paul Jones", [entity("John Paul Jones", "PER")])
    stored(library, "John Paul", [entity("John Paul", "PER")])
    rows = {row.name: row.mentions for row in entity_counts(library, type="PER")}
    assert rows["Javier Nogales Iturri"] == 4 and "Javier Nogales" not in rows
    assert rows["Ayad Allawi"] == 3 and "Iyad Allawi" not in rows
    assert {"Dan Smith", "Don Smith", "John Paul", "John Paul Jones"} <= set(rows)


def test_a_hyphenated_surname_alone_counts_with_the_full_name(tmp_path: Path) -> None:
    library = Library(tmp_path)
    full = "Hanns Christian Schroeder-Hohenwarth"
    stored(library, full, [entity(full, "PER")])
    stored(library, "Schroeder-Hohenwarth", [entity("Schroeder-Hohenwarth", "PER")] * 2)
    rows = {row.name: row.mentions for row in entity_counts(library, type="PER")}
    assert rows == {full: 3}


def test_a_name_ending_with_a_country_is_a_company_unless_a_person_by_evidence(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path)
    stored(library, "Rebok Japan", [entity("Rebok Japan", "PER")])
    stored(library, "Paul France", [entity("Paul France", "PER")])
    types = {row.name: row.type for row in entity_counts(library)}
    assert types == {"Rebok Japan": "ORG", "Paul France": "PER"}


def test_a_named_storm_is_an_event_in_every_mention() -> None:
    text = "Hurricane Ivan hit Florida. Ivan killed 20 people, and Ivan moved north."
    found = build_entities(
        text, spans_of(text, ("Ivan", "PER"), ("Florida", "LOC"), ("Ivan", "ORG"), ("Ivan", "PER"))
    )
    assert [(e.text, e.type) for e in found] == [
        ("Ivan", "MISC"),
        ("Florida", "LOC"),
        ("Ivan", "MISC"),
        ("Ivan", "MISC"),
    ]


def test_search_fields_follow_the_library_wide_type(tmp_path: Path) -> None:
    from ossetia_reader.core.search import open_index, rebuild_index

    library = Library(tmp_path)
    keys = [
        stored(library, f"Kyiv Mariupol {n}", [Entity(5, 13, "Mariupol", "LOC", "Mariupol")])
        for n in range(3)
    ]
    odd = stored(library, "Mariupol said", [Entity(0, 8, "Mariupol", "PER", "Mariupol")])
    rebuild_index(library)
    index = open_index(library)
    assert sorted(index.search("place:mariupol").hits.keys) == sorted([*keys, odd])
    assert list(index.search("person:mariupol").hits.keys) == []


def test_a_one_word_label_before_prose_is_a_heading_not_a_speaker() -> None:
    from ossetia_reader.core.enrich.transcripts import find_turns

    text = "A look at the new offer: Rollback: The whopping pay cut is a concession."
    at = text.index("Rollback")
    assert find_turns(text, [Entity(at, at + 8, "Rollback", "PER", "Rollback")]) == []


def test_quantifiers_opening_a_sentence_are_not_speaker_names() -> None:
    from ossetia_reader.core.enrich.quotes import find_quotes

    [found] = find_quotes('Some say "a fair tax is a national sales tax in the end."', [])
    assert found.speaker in (None, "some")


def test_a_headline_in_title_case_is_no_person() -> None:
    from ossetia_reader.core.enrich.refine import refine_spans

    text = (
        "Yahoo Maps To Add Traffic Updates and Reports. Jose Luis Rodriguez Zapatero spoke "
        "to the Society For The Prevention Of Cruelty."
    )
    found = refine_spans(
        text,
        spans_of(
            text,
            ("Yahoo Maps To Add Traffic Updates and Reports", "PER"),
            ("Jose Luis Rodriguez Zapatero", "PER"),
            ("Society For The Prevention Of Cruelty", "ORG"),
        ),
    )
    assert [text[s:e] for s, e, _ in found] == [
        "Jose Luis Rodriguez Zapatero",
        "Society For The Prevention Of Cruelty",
    ]


def test_an_apposition_naming_a_company_makes_the_name_a_company() -> None:
    text = "Nokia, the world's biggest mobile phone maker, said on Wednesday. Nokia grew."
    found = build_entities(text, spans_of(text, ("Nokia", "LOC"), ("Nokia", "LOC")))
    assert [e.type for e in found] == ["ORG", "ORG"]


def test_a_person_a_phrase_is_about_is_not_its_speaker() -> None:
    from ossetia_reader.core.enrich.quotes import find_quotes

    text = (
        'The story of the life and death of Gary Webb says much about "the state of '
        'American politics and what passes for journalism today."'
    )
    at = text.index("Gary Webb")
    [found] = find_quotes(text, [Entity(at, at + 9, "Gary Webb", "PER", "Gary Webb")])
    assert found.speaker != "Gary Webb"
