"""Transcript labels written the ways web transcripts write them (issue 10, session 7): a
label alone on its line with the recording's time stamp ("Jen Moore: (00:22)") and the
speech on the next line, and a question turn marked "Q" alone. The dialogue is written for
these tests; entities are given by hand."""

from __future__ import annotations

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.transcripts import find_turns

from .test_enrich_pronoun_speakers import entities


def turns(text: str, found: list[Entity]) -> list[tuple[str | None, str]]:
    return [(t.speaker, text[t.start : t.end]) for t in find_turns(text, found)]


def test_a_label_alone_on_its_line_with_a_time_stamp_opens_the_turn_below() -> None:
    text = (
        "Read the transcript of the full briefing here.\n\n"
        "Dana Webb: (00:22)\n"
        "Good afternoon, everyone. Happy Friday.\n\n"
        "Audience: (00:26)\n"
        "Good afternoon.\n\n"
        "Dana Webb: (00:29)\n"
        "Today we are joined by the director of the council, who will take a few questions.\n\n"
        "Omar Reyes: (00:54)\n"
        "Thanks Dana. I wanted to take a couple of minutes to talk about the new orders.\n"
    )
    found = entities(text, [("Dana Webb", "PER"), ("Omar Reyes", "PER")])
    assert [(speaker, said[:20]) for speaker, said in turns(text, found)] == [
        ("Dana Webb", "Good afternoon, everyone. Happy Friday."[:20]),
        (None, "Good afternoon."),
        ("Dana Webb", "Today we are joined "),
        ("Omar Reyes", "Thanks Dana. I wante"),
    ]


def test_a_question_marked_q_alone_is_a_turn_without_a_speaker() -> None:
    text = (
        "Press Briefing by Press Secretary Carl Dunne\n\n"
        "MR. DUNNE:  I have no statements at the top, so we can go straight to questions.\n\n"
        "Q    Sure, thanks, Carl.  Let me start with the summary.\n\n"
        "MR. DUNNE:  Without getting into the content of it, I can tell you the briefings go on.\n"
    )
    found = entities(text, [("Carl Dunne", "PER")])
    spoken = turns(text, found)
    assert (None, "Sure, thanks, Carl.  Let me start with the summary.") in spoken
    assert spoken[-1][0] == "Carl Dunne"


def test_a_heading_alone_on_its_line_is_no_label() -> None:
    text = (
        "The new rules start on Monday.\n\n"
        "Key points:\n"
        "The deadline moves to June and the fee falls by a third for small firms.\n\n"
        "He said:\n"
        "We will look at it again next year.\n"
    )
    assert turns(text, []) == []


def test_role_labels_in_capitals_speak_for_the_holder_the_heading_names() -> None:
    text = (
        "Press conference - Westport\n\n"
        "Prime Minister Anna Marlow\n\n"
        "PRIME MINISTER: Thank you all for coming this morning to hear about the new bridge.\n\n"
        "JOURNALIST: When will it open?\n\n"
        "PRIME MINISTER: Next spring, if the weather is kind to the builders and to us.\n"
    )
    found = entities(text, [("Anna Marlow", "PER")])
    assert [speaker for speaker, _ in turns(text, found)] == ["Anna Marlow", None, "Anna Marlow"]


def test_a_role_label_speaks_for_nobody_when_only_the_speech_names_a_holder() -> None:
    text = (
        "Doorstop interview\n\n"
        "PRIME MINISTER: I met Prime Minister Leo Brandt on the way back and we talked trade.\n\n"
        "JOURNALIST: What did he say?\n\n"
        "PRIME MINISTER: He said that the talks would go on next year in his own capital.\n"
    )
    found = entities(text, [("Leo Brandt", "PER")])
    assert [speaker for speaker, _ in turns(text, found)] == [None, None, None]
    assert len(turns(text, found)) == 3


def test_a_long_role_label_alone_on_its_line_answers_a_question_label() -> None:
    text = (
        "We will sign two agreements between our countries today.\n"
        "Question: Minister, your counterpart made new statements today. What is your comment?\n"
        "Minister of Foreign Affairs:\n"
        "I understand the frustration; the latest statements have caused some nervousness.\n"
    )
    spoken = turns(text, [])
    assert [speaker for speaker, _ in spoken] == [None, None]
    assert spoken[1][1].startswith("I understand the frustration")


def test_a_surname_in_capitals_beside_a_question_label_is_a_briefing() -> None:
    text = (
        "The latest briefing, annotated.\n\n"
        "MARLOW: Good afternoon.\n\n"
        "This morning, the committee passed the bill and we expect a vote soon.\n\n"
        "QUESTION: Thank you, Anna.\n\n"
        "I am curious about the vote and what it means for the budget next year.\n"
    )
    spoken = turns(text, [])
    assert [speaker for speaker, _ in spoken] == ["Marlow", None]
    assert spoken[0][1].startswith("Good afternoon.")


def test_the_member_picture_lines_of_parliamentary_records_open_turns() -> None:
    hansard = (
        "White Paper on the Charter\n\n"
        "Jane Olden Portrait Mrs Olden\n- Hansard - - - Excerpts\n\n"
        "I am aware of the strength of feeling about the matter in the north.\n\n"
        "Tom Reade Portrait Tom Reade (Bexhill) (Con)\n- Hansard - -\n\n"
        "Having debated the future of the service a few days ago, I welcome this.\n"
    )
    assert turns(hansard, []) == [
        ("Jane Olden", "I am aware of the strength of feeling about the matter in the north."),
        ("Tom Reade", "Having debated the future of the service a few days ago, I welcome this."),
    ]
    debates = (
        "Dáil debates\n\nTuesday, 30 May 2017\n\n"
        "Photo of Mick DaltonMick Dalton (Cork North, Solidarity) | Oireachtas source\n\n"
        "A former press officer claims that he sent a text to the commissioner years ago.\n"
    )
    assert turns(debates, []) == [
        (
            "Mick Dalton",
            "A former press officer claims that he sent a text to the commissioner years ago.",
        )
    ]


def test_one_name_in_capitals_with_a_job_after_a_comma_is_a_label() -> None:
    text = (
        "Press conference - Westport\n\n"
        "ANNA MARLOW, MINISTER FOR TRANSPORT: Well, a bright new morning for the town as the "
        "bridge opens at last.\n"
    )
    assert turns(text, []) == [
        ("Anna Marlow", "Well, a bright new morning for the town as the bridge opens at last.")
    ]
    heading = "WESTPORT, MONDAY: The bridge opens at last after a long wait for the town.\n"
    assert turns(heading, []) == []


def test_a_label_the_tagger_found_only_a_first_name_of_is_a_turn_among_others() -> None:
    text = (
        "What the managers said\n\n"
        "Martin O’Dell: It sounds like an excuse but the three games in a week took their toll.\n\n"
        "Guus Brandt: “I am satisfied with the performance and the result today.”\n\n"
        "Sam Allen: “As far as the penalty goes, the referee has his opinion.”\n"
    )
    found = entities(text, [("Martin", "PER"), ("Guus Brandt", "PER"), ("Sam Allen", "PER")])
    assert [speaker for speaker, _ in turns(text, found)] == [
        "Martin O’Dell",
        "Guus Brandt",
        "Sam Allen",
    ]


def test_a_briefing_in_capitals_with_the_role_before_the_surname_and_a_reporter() -> None:
    text = (
        "Press Conference by the Chief Cabinet Secretary Kenji Mori\n\n"
        "CHIEF CABINET SECRETARY MORI: Good morning. I have one announcement to make today.\n\n"
        "REPORTER: What is the government's view of the missile launch this morning?\n\n"
        "CHIEF CABINET SECRETARY MORI:\n"
        "We are gathering information and will respond calmly to the launch.\n"
    )
    found = entities(text, [("Kenji Mori", "PER")])
    assert [speaker for speaker, _ in turns(text, found)] == ["Kenji Mori", None, "Kenji Mori"]


def test_numbered_speakers_of_an_automatic_transcript_are_turns_without_a_name() -> None:
    text = (
        "[00:00:00] Speaker 1: Welcome back to the show, and thanks for joining us today.\n\n"
        "[00:00:09] Speaker 2: Thank you for having me, it is good to be here again.\n"
    )
    assert turns(text, []) == [
        (None, "Welcome back to the show, and thanks for joining us today."),
        (None, "Thank you for having me, it is good to be here again."),
    ]
