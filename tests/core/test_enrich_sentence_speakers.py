"""Quotes whose speaker the sentence around them gives (issue 10, session 6): the
subject of the sentence a partial quote sits in, an apposition left open by the writer,
a day between the subject and its verb, any past-tense verb right after a quote, a
paragraph quote after a sentence that reports someone's words with a quote inside it,
and no continuation of a speaker across a sentence about someone else.

Constructed sentences; entities given by hand.
"""

from __future__ import annotations

from .test_enrich_pronoun_speakers import speaker


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
    # (Nobody, for now: the paragraphs are single lines; never Greta Holm.)
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
