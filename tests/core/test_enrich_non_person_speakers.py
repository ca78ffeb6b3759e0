"""Capitalised words the tagger calls a person but the text itself shows are no one
(issue 10, session 7): a word right after "the"/"a"/"an" is a noun ("The Scot", "an
anonymous Guard"), and a word typed a person in one place and a place or a thing more
often elsewhere in the same text is not a person; neither is a speaker or whom "he"
stands for.

The sentences are constructions written for these tests; entities are given by hand (as
the tagger would give them, mistakes included), so the tests check the rules alone.
"""

from __future__ import annotations

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import find_quotes
from ossetia_reader.core.enrich.speakers import People

from .test_enrich_pronoun_speakers import entities, speaker


def test_a_capitalised_noun_after_the_is_not_whom_he_stands_for() -> None:
    text = (
        "Tom Reade beat Paul Mercer in four sets on Monday. The Scot, who was cheered on by "
        "a full crowd, was pleased with his serve.\n\n"
        '"I thought it was good and I served well today," he told reporters.'
    )
    names = [("Tom Reade", "PER"), ("Paul Mercer", "PER"), ("Scot", "PER")]
    assert speaker(text, names, "served well") == "Tom Reade"


def test_a_word_typed_a_place_more_often_than_a_person_is_nobody() -> None:
    text = (
        "Voters in Westmoor are worried about Brexit. Brexit dominated the local debate "
        "and the talk in Westmoor ran on Brexit all week.\n\n"
        "Jim Hale, the local MP, was asked about it. Brexit has made him busy.\n\n"
        '"People are right to be worried about the months ahead," he said.'
    )
    found = entities(text, [("Jim Hale", "PER"), ("Westmoor", "LOC")])
    at = [i for i in range(len(text)) if text.startswith("Brexit", i)]
    kinds = ["LOC", "PER", "LOC", "PER"]
    found += [Entity(i, i + 6, "Brexit", kind, "Brexit") for i, kind in zip(at, kinds, strict=True)]
    found.sort(key=lambda e: e.start)
    people = People(found, text)
    assert "Brexit" not in {e.canonical for e in people.items}

    at_quote = text.index("right to be worried")
    quote = next(q for q in find_quotes(text, found) if q.start <= at_quote < q.end)
    assert quote.speaker == "Jim Hale"


def test_a_person_the_text_also_types_an_organisation_stays_a_person_with_a_title() -> None:
    text = (
        "Mr Grant spoke in Leeds. The Grant Foundation paid for the visit, and Grant "
        "Partners ran it.\n\n"
        '"We will be back next year," Grant said.'
    )
    names = [("Grant Foundation", "ORG"), ("Grant Partners", "ORG"), ("Grant", "PER")]
    assert speaker(text, names, "back next year") == "Grant"


def test_the_publication_with_its_own_capital_the_is_still_a_speaker() -> None:
    text = (
        "The shirts were noticed at once. According to The Clarion, the men wore them all day, "
        'and The Clarion said the shirts read "Settle for less, vote for more."'
    )
    names = [("Clarion", "PER")]
    assert speaker(text, names, "Settle for less") == "Clarion"


def test_a_group_after_the_is_an_organisation() -> None:
    text = "After the defeat, the Whigs nominated a general.\n"
    found = entities(text, [("Whigs", "PER")])
    people = People(found, text)
    assert [(e.canonical, e.type) for e in people.items] == [("Whigs", "ORG")]


def test_a_byline_and_a_photo_credit_after_a_slash_are_nobody_who_speaks() -> None:
    text = (
        "Harbour Under Threat\n\n"
        "by Omar Haddad\n"
        "Lena Park/The Harbour Times |\n\n"
        "At least six boats were lost in the storm, according to a senior port officer.\n\n"
        '"We have informed the government of the danger," the officer said.'
    )
    names = [("Omar Haddad", "PER"), ("Lena Park", "PER")]
    assert People(entities(text, names), text).items == []
    assert speaker(text, names, "informed the government") == "the officer"


def test_names_on_a_line_linking_to_another_story_do_not_speak() -> None:
    text = (
        "The commissioner said the briefing was meant to update residents.\n"
        "ALSO READ: Budget row: Tunde Bello urges traders to stay calm\n"
        '"It is meant to assure residents that the work goes on and that nobody has stopped."'
    )
    names = [("Tunde Bello", "PER")]
    assert speaker(text, names, "meant to assure") != "Tunde Bello"


def test_he_stands_only_for_a_one_word_name_the_text_shows_is_a_person() -> None:
    text = (
        "LG mobile chief Cho Juno shrugged off the impact of the rival's recall on Wednesday.\n"
        "Galaxy Note sales fell by half after the recall, the company said.\n"
        "The phone has a removable battery, a feature few makers keep.\n"
        "“We had planned a bigger phone with a slim design and a long battery life,” he said."
    )
    names = [("Cho Juno", "PER"), ("Galaxy", "PER")]
    assert speaker(text, names, "bigger phone") == "Cho Juno"


def test_a_surname_introduced_with_an_apposition_is_still_whom_he_stands_for() -> None:
    text = (
        "Walsh, a former union leader, had close ties to the vice president. On Sunday he "
        "endorsed the candidate at last.\n\n"
        "“We need someone who fights hard and makes everyone better,” he said."
    )
    names = [("Walsh", "PER")]
    assert speaker(text, names, "fights hard") == "Walsh"


def test_an_irish_county_the_tagger_calls_a_person_is_no_speaker() -> None:
    text = (
        "The crash happened near Dunleer, Co Louth, on Sunday night.\n\n"
        '"We are asking anyone who saw it to come forward," Co Louth gardaí said.'
    )
    names = [("Co Louth", "PER")]
    assert People(entities(text, names), text).items == []
