"""Quotes whose speaker the sentence around them gives (issue 10, session 6): the
subject of the sentence a partial quote sits in, an apposition left open by the writer,
a day between the subject and its verb, any past-tense verb right after a quote, a
paragraph quote after a sentence that reports someone's words with a quote inside it,
and no continuation of a speaker across a sentence about someone else.

Constructed sentences; entities given by hand.
"""

from __future__ import annotations

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import find_quotes
from ossetia_reader.core.enrich.speakers import People

from .test_enrich_pronoun_speakers import entities, speaker


def test_a_partial_quote_belongs_to_the_person_opening_its_sentence() -> None:
    text = (
        'President Ivan Petrenko said the plant was "technically ready" to be shut.\n\n'
        "Moldova's ambassador to the United Nations, Dorin Lupu, dismissed the claims as "
        '"simply preposterous and false."'
    )
    names = [("Ivan Petrenko", "PER"), ("Dorin Lupu", "PER")]
    assert speaker(text, names, "simply preposterous") == "Dorin Lupu"


def test_a_lower_case_title_before_the_subject_does_not_hide_it() -> None:
    text = (
        "Party president Arvind Rao has alleged that the minister signed the deal "
        '"with intention to benefit a friend" of his.'
    )
    assert speaker(text, [("Arvind Rao", "PER")], "with intention") == "Arvind Rao"


def test_he_opening_the_sentence_of_a_partial_quote_is_the_speaker() -> None:
    text = (
        'Minister Sunil Varma said the plan "works with good intention for all."\n\n'
        'He alleged that a contest is going on among rivals to see "who hurls more abuse '
        'at the government."'
    )
    assert speaker(text, [("Sunil Varma", "PER")], "who hurls") == "Sunil Varma"


def test_no_continuation_past_a_sentence_about_someone_else() -> None:
    text = (
        '"I was nervous at the start but I played what I could today," Greta Holm said.\n'
        "Lena Sorel was understandably happy afterwards.\n"
        '"Greta is such a great opponent, she brings out great tennis in me."'
    )
    names = [("Greta Holm", "PER"), ("Lena Sorel", "PER")]
    assert speaker(text, names, "such a great opponent") != "Greta Holm"


def test_an_apposition_left_open_gives_the_name_not_the_title() -> None:
    text = (
        "The company is moving.\n\n"
        "Dr. Mark Ferro, Executive Vice President of Engineering and Operations stated, "
        '"We believe this new facility will let us grow."'
    )
    assert speaker(text, [("Mark Ferro", "PER")], "We believe") == "Mark Ferro"


def test_a_day_between_the_subject_and_its_verb_is_skipped() -> None:
    text = (
        "The Northern Alliance Party on Wednesday reacted strongly to the allegation, "
        'saying the minister had "distanced himself from reality" again.'
    )
    found = speaker(text, [("Northern Alliance Party", "ORG")], "distanced himself")
    assert found == "Northern Alliance Party"


def test_any_past_tense_verb_right_after_a_quote_attributes_it() -> None:
    text = (
        "Anil Mehra earlier said the parties never wanted honesty.\n\n"
        '"They come to the well of the House and throw paper at the Speaker," Mehra rued.'
    )
    names = [("Anil Mehra", "PER"), ("Mehra", "PER")]
    assert speaker(text, names, "They come") == "Anil Mehra"


def test_a_name_after_a_quote_ending_its_sentence_is_no_attribution() -> None:
    text = 'The hall was full. "We are ready for anything today." Jones arrived later.'
    assert speaker(text, [("Jones", "PER")], "We are ready") is None


def test_a_paragraph_quote_after_a_reporting_sentence_with_a_quote_inside() -> None:
    text = (
        "At the time, Carl Moss, general manager at the firm, said the company considered "
        'the recall the "best course of action" and would stand by its products.\n\n'
        '"With these actions, we want parents to know that safety comes first."'
    )
    assert speaker(text, [("Carl Moss", "PER")], "With these actions") == "Carl Moss"


def test_the_pronoun_right_before_the_verb_is_its_subject() -> None:
    text = (
        "The chair of the talks, Tove Brandt, urged delegates to agree.\n\n"
        "In an emotive address she told delegates: 'We cannot do anything without you.'"
    )
    assert speaker(text, [("Tove Brandt", "PER")], "cannot do anything") == "Tove Brandt"


def test_the_company_is_the_organisation_the_article_made_its_subject() -> None:
    text = (
        "LONDON (Reuters) - Northwire said a cyber attack on its website could involve "
        "customer data. "
        '"Investigation is ongoing but there is a chance that some data was taken," '
        "the company said in a statement."
    )
    found = speaker(text, [("Northwire", "ORG")], "Investigation is ongoing")
    assert found == "Northwire"


def test_the_company_of_an_article_with_two_subject_companies_is_nobody_named() -> None:
    text = (
        "Northwire said profits rose. Southline said its profits fell.\n\n"
        '"We expect a better year ahead of us all," the company said.'
    )
    names = [("Northwire", "ORG"), ("Southline", "ORG")]
    assert speaker(text, names, "better year") in (None, "the company")


def test_he_after_an_unnamed_minister_reported_is_that_minister() -> None:
    text = (
        '"Please embrace this text," said Frans Olsen.\n\n'
        "That country's environment minister called the text out of balance. He added that "
        'developing countries "have a right to the responsible use of fossil fuels".'
    )
    found = speaker(text, [("Frans Olsen", "PER")], "have a right")
    assert found is None or not found[:1].isupper()


def test_a_heading_naming_the_speaker_before_a_colon() -> None:
    text = (
        "Verhoeven: Missing out on the title \u201cis not going to change my life\u201d\n\n"
        "Max Verhoeven is relaxed about the title fight."
    )
    names = [("Verhoeven", "PER"), ("Max Verhoeven", "PER")]
    assert speaker(text, names, "is not going") == "Max Verhoeven"


def test_a_statement_read_out_is_its_owners() -> None:
    text = (
        "The capsule landed in the ocean.\n\n"
        '"The flight is designed to test the most vital elements of the craft," read a '
        "NASA statement."
    )
    assert speaker(text, [("NASA", "ORG")], "The flight is designed") == "NASA"


def test_a_paragraph_quote_after_an_according_to_sentence() -> None:
    text = (
        "According to Partnership President Andrew Ruddock, the celebration looks ahead. "
        '"Our work is ongoing, and our initiatives build on the past."'
    )
    assert speaker(text, [("Andrew Ruddock", "PER")], "Our work") == "Andrew Ruddock"


def test_a_short_quote_after_an_accusation_is_the_subjects_words() -> None:
    text = (
        "Prime Minister Ravi Kumar on Saturday attacked the opposition parties, accusing "
        'them of "running away" from the debate.'
    )
    assert speaker(text, [("Ravi Kumar", "PER")], "running away") == "Ravi Kumar"


def test_a_short_quote_in_a_sentence_about_nobody_is_no_quote() -> None:
    text = 'The plan, accused of being a "total mess", was dropped on Monday.'
    assert find_quotes(text, []) == []


def test_an_organisation_opening_the_sentence_right_before_a_quote() -> None:
    text = (
        "The hospital had no infected babies now.\n\n"
        'The State Health Department "partially substantiated the complaint but found no '
        'violation," according to a finding made in April.'
    )
    found = speaker(text, [("State Health Department", "ORG")], "partially")
    assert found == "State Health Department"


def test_a_role_subject_after_an_opening_clause() -> None:
    text = (
        "BlackBerry CEO John Chan showed off the phone.\n\n"
        "Keen to move things along, the CEO proudly reveals the keyboard, ideal for "
        '"reading big email on the go."'
    )
    assert speaker(text, [("John Chan", "PER")], "reading big") == "John Chan"


def test_an_irregular_past_tense_after_a_quote_attributes_it() -> None:
    text = (
        "Minister Ana Leite was asked about the budget.\n\n"
        '"We have not had any discussions about other measures," she began.'
    )
    assert speaker(text, [("Ana Leite", "PER")], "We have not") == "Ana Leite"


def test_a_quote_on_its_own_line_after_a_sentence_about_its_speaker() -> None:
    text = (
        '"She deserved it, she played an unbelievable match today," Greta Holm said.\n'
        "Lena Sorel was understandably happy afterwards.\n"
        '"Greta is such a great opponent, she brings out great tennis in me."'
    )
    names = [("Greta Holm", "PER"), ("Lena Sorel", "PER")]
    assert speaker(text, names, "such a great opponent") == "Lena Sorel"


def test_a_straight_mark_closed_by_a_curly_one() -> None:
    text = (
        '"I know I said something in a bad way, now I say it in a good way,\u201d Medved said '
        "to the crowd. \u201cAnd tonight is going to be special.\u201d"
    )
    found = find_quotes(text, entities(text, [("Medved", "PER")]))
    assert [q.speaker for q in found] == ["Medved", "Medved"]


def test_a_title_before_a_name_beginning_with_an_initial_gives_the_given_name() -> None:
    text = "Denver Mayor Wellington E. Webb welcomed the plan."
    found = [Entity(24, 31, "E. Webb", "PER", "E. Webb")]
    assert [e.canonical for e in People(found, text).items] == ["Wellington E. Webb"]


def test_a_relative_clause_between_the_name_and_its_verb() -> None:
    text = (
        '"Now we go on to Sydney aiming to win that one to square the series," the England '
        "captain, Alec Stone, whose first innings century helped set up the victory, said."
    )
    assert speaker(text, [("Alec Stone", "PER")], "Now we go") == "Alec Stone"


def test_a_name_in_a_clause_before_the_main_one_is_not_the_quotes_speaker() -> None:
    text = (
        "Rally notes.\n\n"
        "As Dan Hollis attacked his rival, the attendees chanted, "
        "\u201cLock her up right now!\u201d"
    )
    assert speaker(text, [("Dan Hollis", "PER")], "Lock her up") is None


def test_a_name_in_an_as_clause_ending_at_the_quote_is_its_speaker() -> None:
    text = (
        "The vote was close.\n\n"
        "As The Herald's Dana Mill puts it, \"Senate Republicans are unmoved and activists are "
        'uninspired by any of this."'
    )
    assert speaker(text, [("Dana Mill", "PER")], "Senate Republicans") == "Dana Mill"


def test_a_signature_on_the_line_under_the_quote() -> None:
    text = (
        "Readers wrote in.\n\n"
        '"This is the best bridge the city has built in fifty years."\n'
        "-- Mara Quinlan, Leeds"
    )
    assert speaker(text, [("Mara Quinlan", "PER")], "best bridge") == "Mara Quinlan"


def test_an_introduction_without_a_verb_of_saying_speaks_for_the_name_opening_it() -> None:
    text = (
        "Quotes of the fortnight.\n\n"
        "Marta Ruiz looks on the bright side after her shock defeat by Lena Vos:\n"
        "“Well, I believe in positive things in life and I will be back next year.”\n\n"
        "Tom Hale talks about the day he met a television host, Gary Pratt:\n"
        "“It was the strangest afternoon of my whole career, to be honest.”"
    )
    names = [("Marta Ruiz", "PER"), ("Lena Vos", "PER"), ("Tom Hale", "PER"), ("Gary Pratt", "PER")]
    assert speaker(text, names, "positive things") == "Marta Ruiz"
    assert speaker(text, names, "strangest afternoon") == "Tom Hale"
