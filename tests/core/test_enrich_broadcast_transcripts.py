"""Broadcast transcripts whose speaker labels are in capitals ("CAROL SMITH, CNN ANCHOR: …",
"SMITH: …"). The dialogue below is written for this test."""

from __future__ import annotations

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import find_quotes
from ossetia_reader.core.enrich.transcripts import find_turns

DIALOGUE = (
    "Aired October 17, 2002 - 06:12 ET\n\n"
    "CAROL SMITH, CNN ANCHOR: The trade talks are the main issue in Washington today. Let us "
    "check in with our producer.\n\n"
    "PAUL BROWN, CNN PRODUCER: Good morning, Carol.\n\n"
    "SMITH: OK.\n\n"
    "BROWN: How are you?\n\n"
    "UNIDENTIFIED MALE: And one more.\n\n"
    "MARTHA KING, FLIGHT INSTRUCTOR: Good to see you.\n\n"
    "JOHN KING, FLIGHT INSTRUCTOR: Good to be here.\n\n"
    "J. KING: Well, maybe so.\n"
)


def turns(text: str, entities: list[Entity] | None = None) -> list[tuple[str | None, str]]:
    return [(t.speaker, text[t.start : t.end]) for t in find_turns(text, entities or [])]


def test_capital_labels_are_turns_by_title_cased_full_names() -> None:
    assert turns(DIALOGUE) == [
        ("Carol Smith", DIALOGUE[DIALOGUE.index("The trade") : DIALOGUE.index("\n\nPAUL")]),
        ("Paul Brown", "Good morning, Carol."),
        ("Carol Smith", "OK."),
        ("Paul Brown", "How are you?"),
        (None, "And one more."),
        ("Martha King", "Good to see you."),
        ("John King", "Good to be here."),
        ("John King", "Well, maybe so."),
    ]


def test_a_surname_label_with_an_honorific_is_the_person_the_text_names() -> None:
    text = (
        "Department Press Briefing by Heather Nauert.\n\n"
        "QUESTION: Yes. What is the stance of the department on that?\n\n"
        "MS NAUERT: Right. A horrific situation that is going on.\n\n"
        "QUESTION: Thank you.\n"
    )
    at = text.index("Heather Nauert")
    entities = [Entity(at, at + 14, "Heather Nauert", "PER", "Heather Nauert")]
    assert ("Heather Nauert", "Right. A horrific situation that is going on.") in turns(
        text, entities
    )


def test_page_furniture_and_headlines_in_capitals_are_no_transcript() -> None:
    text = (
        "PHOTO: Rescuers at the site on Monday.\n\n"
        "ALSO READ: Talks stall again.\n\n"
        "INDIANA'S VOTERS FAVOR CRUZ, BUT ECONOMY FAVORS TRUMP: A new poll says so.\n\n"
        "HUFFPOLLSTER: Results are in.\n"
    )
    assert turns(text) == []


def test_role_labels_are_turns_by_the_role_holder_the_text_names() -> None:
    text = (
        "Joint press conference with UN Secretary-General Antonio Guterres and the heads of "
        "the agencies.\n\n"
        "Spokesman: Good afternoon. We will let the Secretary-General open up.\n\n"
        "Secretary-General: Good afternoon, ladies and gentlemen. Thank you for coming.\n"
    )
    at = text.index("Antonio Guterres")
    entities = [Entity(at, at + 16, "Antonio Guterres", "PER", "Antonio Guterres")]
    assert turns(text, entities) == [
        (None, "Good afternoon. We will let the Secretary-General open up."),
        ("Antonio Guterres", "Good afternoon, ladies and gentlemen. Thank you for coming."),
    ]


def test_capital_labels_with_an_honorific_and_a_full_stop() -> None:
    text = (
        "MR. HALLORAN: Good afternoon, everybody. I have no announcements at the top.\n\n"
        "Q: Josh, on the trade deal, is the President confident?\n\n"
        "MR. HALLORAN: He is, yes. He has been clear on that.\n\n"
        "Q: And on the budget?\n\n"
        "MR. HALLORAN: Nothing new today."
    )
    found = find_quotes(text, [])
    assert [q.speaker for q in found] == ["Halloran", None, "Halloran", None, "Halloran"]


def test_capital_role_labels_go_to_the_holder_the_text_names() -> None:
    text = (
        "Transcript of a press conference with Prime Minister Tom Hale, Canberra.\n\n"
        "PRIME MINISTER: Thanks very much for coming out this morning. We have a lot to "
        "announce today.\n\n"
        "JOURNALIST: Prime Minister, will the budget be in surplus this year?\n\n"
        "PRIME MINISTER: We have said what we will do and we will do it, every part of it.\n\n"
        "JOURNALIST: And on the tax cuts, will they stay in place?\n\n"
        "PRIME MINISTER: They stay, as we promised before the election."
    )
    at = text.index("Tom Hale")
    found = find_quotes(text, [Entity(at, at + 8, "Tom Hale", "PER", "Tom Hale")])
    assert [q.speaker for q in found] == ["Tom Hale", None, "Tom Hale", None, "Tom Hale"]
