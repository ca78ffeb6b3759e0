"""Who the people of a text are before any quote is attributed (issue 10, session 6):
whom the text itself calls "he" or "she", an "organisation" the text calls "his", a given
name the tagger left out, a word of a place it took into a name, a lower-case title before
a name that opens its sentence.

The sentences are constructions written for these tests; entities are given by hand (as
the tagger would give them, mistakes included), so the tests check the rules alone.
"""

from __future__ import annotations

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import find_quotes
from ossetia_reader.core.enrich.speakers import People

from .test_enrich_pronoun_speakers import entities, speaker


def test_she_is_not_a_man_the_text_calls_mr() -> None:
    text = (
        "Mr Lemaire told delegates on Tuesday: 'We are here to close a deal. "
        "We have no other year.'\n\n"
        "With two days left, the chair of the meetings, Tove Brandt, urged delegates to agree.\n\n"
        "'We cannot risk failure. Nobody here can carry that weight,' she said."
    )
    names = [("Pierre Lemaire", "PER"), ("Lemaire", "PER"), ("Tove Brandt", "PER")]
    text = text.replace("Mr Lemaire", "Pierre Lemaire said. Mr Lemaire", 1)
    assert speaker(text, names, "cannot risk") == "Tove Brandt"


def test_she_goes_to_the_woman_the_text_calls_her_not_a_name_in_a() -> None:
    text = (
        "Dana Moor beat world number one Ilona Varga in a long final to win her first title.\n\n"
        "After the match, Moor wrote about the feelings that followed her win.\n\n"
        '"Wow. This means so much to me, truly," she wrote.'
    )
    names = [("Dana Moor", "PER"), ("Moor", "PER"), ("Ilona Varga", "PER")]
    assert speaker(text, names, "means so much") == "Dana Moor"


def test_an_organisation_the_text_calls_his_is_a_person() -> None:
    text = (
        "The coach was pleased with the win.\n\n"
        "Belmonte was particularly impressed with the calm shown by his new striker.\n\n"
        '"I know how hard this week was for him," he said.'
    )
    found = entities(text, [("Belmonte", "ORG")])
    people = People(found, text)
    assert [e.type for e in people.items] == ["PER"]
    assert speaker(text, [("Belmonte", "ORG")], "how hard") == "Belmonte"


def test_a_company_that_takes_its_stays_an_organisation() -> None:
    text = "Brightline has released its results. Brightline said profits rose."
    people = People(entities(text, [("Brightline", "ORG")]), text)
    assert {e.type for e in people.items} == {"ORG"}


def test_a_given_name_before_the_tagged_name_belongs_to_it() -> None:
    text = (
        "Marla Ann Hobbs and her partner found their flight cancelled.\n\nMs Hobbs said it was bad."
    )
    at = text.index("Hobbs said")
    found = [
        Entity(6, 15, "Ann Hobbs", "PER", "Ann Hobbs"),
        Entity(at, at + 5, "Hobbs", "PER", "Hobbs"),
    ]
    people = People(found, text)
    assert {e.canonical for e in people.items} == {"Marla Ann Hobbs"}


def test_a_given_name_the_tagger_took_in_is_kept() -> None:
    text = "Marla Ann Hobbs and her partner found their flight cancelled."
    people = People([Entity(0, 15, "Marla Ann Hobbs", "PER", "Marla Ann Hobbs")], text)
    assert [e.canonical for e in people.items] == ["Marla Ann Hobbs"]


def test_a_title_word_before_a_name_is_not_its_given_name() -> None:
    text = "The Secretary of State Colin Hale spoke first."
    people = People(entities(text, [("Colin Hale", "PER")]), text)
    assert [e.canonical for e in people.items] == ["Colin Hale"]


def test_a_place_word_the_tagger_took_into_a_name_is_cut_when_the_name_appears_alone() -> None:
    text = (
        "Image: Ravi Menon\n\n"
        '"This shows the minister is living in denial," said Leader of Opposition in Lok '
        "Sabha Ravi Menon."
    )
    at = text.index("Sabha Ravi")
    found = [
        Entity(7, 17, "Ravi Menon", "PER", "Ravi Menon"),
        Entity(at, at + 16, "Sabha Ravi Menon", "PER", "Sabha Ravi Menon"),
    ]
    quotes = find_quotes(text, found)
    assert [q.speaker for q in quotes] == ["Ravi Menon"]


def test_he_is_the_person_a_long_lower_case_title_introduces_at_the_sentence_start() -> None:
    text = (
        '"My flight was cancelled and I had to stay," said Meera, a passenger stranded at '
        "the airport.\n\n"
        "Party chief and former civil aviation minister Tariq Hamid Lone was also among those "
        'who waited. "I was supposed to leave in the morning," he said.'
    )
    names = [("Meera", "PER"), ("Tariq Hamid Lone", "PER")]
    assert speaker(text, names, "supposed to leave") == "Tariq Hamid Lone"


def test_she_may_be_a_woman_whose_first_name_does_not_end_in_a() -> None:
    text = (
        "Justine Morel lost to Elena Petrova in an exhibition match on Sunday.\n\n"
        "And the Belgian, who has slipped to eighth in the world, faces a tough defence. "
        '"I will be heading to Australia with a lot of question marks over me," she said.'
    )
    names = [("Justine Morel", "PER"), ("Elena Petrova", "PER")]
    assert speaker(text, names, "heading to Australia") == "Justine Morel"


def test_a_photographer_in_a_credit_is_nobody_who_speaks() -> None:
    text = (
        "Protesters gathered outside the court. (Photo: Amir Qadri/AFP)\n\n"
        '"We will not go home until we are heard by the judges," he said.'
    )
    names = [("Amir Qadri", "PER")]
    assert speaker(text, names, "We will not go home") is None


def test_a_day_of_the_week_is_no_speaker() -> None:
    text = '"We expect the talks to go on for another week at least," Sunday said.'
    assert speaker(text, [], "We expect the talks") is None


def test_a_surname_he_written_first_is_not_the_pronoun() -> None:
    text = (
        "He Shiyou, a farmer in the valley, lost his crop to the flood.\n\n"
        '"We lost everything in one night," He said.'
    )
    at = text.index("He said")
    found = [
        Entity(0, 9, "He Shiyou", "PER", "He Shiyou"),
        Entity(at, at + 2, "He", "PER", "He"),
    ]
    quotes = find_quotes(text, found)
    assert [q.speaker for q in quotes] == ["He Shiyou"]


def test_he_is_still_the_pronoun_when_the_tagger_found_no_name() -> None:
    text = 'Ray Dunn spoke first. "We lost everything in one night," he said.'
    assert speaker(text, [("Ray Dunn", "PER")], "We lost") == "Ray Dunn"


def test_a_title_the_tagger_took_into_a_name_is_no_part_of_it() -> None:
    text = (
        "Police spokesman Jason Hale said five people were shot.\n\n"
        '"We do not have a motive at this time," Officer Hale said Sunday.'
    )
    names = [("Jason Hale", "PER"), ("Officer Hale", "PER")]
    assert speaker(text, names, "do not have a motive") == "Jason Hale"


def test_honours_and_letters_after_a_name_are_no_part_of_it() -> None:
    from ossetia_reader.core.enrich.speakers import clean_name

    assert clean_name("Datuk Seri Tan King Lim") == "Tan King Lim"
    assert clean_name("Ben Everitt MP") == "Ben Everitt"
    assert clean_name("Tan Lim") == "Tan Lim"
