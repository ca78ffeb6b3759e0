"""Quotes in single marks, British style (‘…,’ the minister said), curly and straight.

The closing single mark is also the apostrophe, so these tests check both sides: speech in
single marks is found and attributed like speech in double marks, while apostrophes inside
words, nested single marks and short scare quotes or titles are never quotes. Every sentence
here is made up for the test; entities are given by hand, so only the quote rules are tested.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import find_quotes


def entities(text: str, names: Sequence[str]) -> list[Entity]:
    """Every occurrence of each person's name."""
    found = [
        Entity(m.start(), m.end(), name, "PER", name)
        for name in names
        for m in re.finditer(re.escape(name), text)
    ]
    return sorted(found, key=lambda e: e.start)


def quotes(text: str, names: Sequence[str] = ()) -> list[tuple[str, str | None]]:
    return [(text[q.start : q.end], q.speaker) for q in find_quotes(text, entities(text, names))]


def test_curly_single_marks_with_a_cue_after_are_a_quote_and_its_speaker() -> None:
    text = "‘We will not give up the harbour plan,’ Mara Lindqvist said on Monday."
    assert quotes(text, ["Mara Lindqvist"]) == [
        ("‘We will not give up the harbour plan,’", "Mara Lindqvist")
    ]


def test_a_colon_before_single_marks_introduces_a_quote() -> None:
    text = "Tobias Renner told the council: ‘The bridge will open in spring.’"
    assert quotes(text, ["Tobias Renner"]) == [
        ("‘The bridge will open in spring.’", "Tobias Renner")
    ]


def test_straight_single_marks_read_like_curly_ones() -> None:
    text = "'We can't wait for the other towns' answers any longer,' Ines Marlow said."
    assert quotes(text, ["Ines Marlow"]) == [
        ("'We can't wait for the other towns' answers any longer,'", "Ines Marlow")
    ]


def test_a_headline_sentence_in_single_marks_is_a_quote() -> None:
    text = "Ferry union hits back: ‘The timetable was never agreed with us’\n\nMore follows."
    found = quotes(text)
    assert [quote for quote, _ in found] == ["‘The timetable was never agreed with us’"]


def test_apostrophes_inside_words_neither_open_nor_close_a_quote() -> None:
    text = (
        "Britain’s ports don’t expect the ’90s boom again, and rock ’n’ roll bands "
        "won’t play the dockers’ hall; the ‘80s were different. It's the mayor's call."
    )
    assert quotes(text) == []


def test_apostrophes_inside_a_single_mark_quote_do_not_close_it() -> None:
    text = "‘The councillors’ vote shows we don’t need Britain’s help,’ Ola Brandt said."
    assert quotes(text, ["Ola Brandt"]) == [
        ("‘The councillors’ vote shows we don’t need Britain’s help,’", "Ola Brandt")
    ]


def test_single_marks_nested_in_double_marks_stay_inside_the_quote() -> None:
    text = "“He told me ‘we will finish the pier by June’ and then left,” Ola Brandt said."
    assert quotes(text, ["Ola Brandt"]) == [
        ("“He told me ‘we will finish the pier by June’ and then left,”", "Ola Brandt")
    ]


def test_short_scare_quotes_and_titles_in_single_marks_are_not_quotes() -> None:
    text = (
        "The ‘Iron Chancellor’ of the port board opened a ‘new era’ on Tuesday, and the "
        "'Harbour Lights' show was sold out."
    )
    assert quotes(text) == []


def test_a_whole_unattributed_clause_in_single_marks_is_a_quote() -> None:
    text = "The crowd shouted back. ‘Nobody asked the fishermen about any of this.’"
    assert [quote for quote, _ in quotes(text)] == [
        "‘Nobody asked the fishermen about any of this.’"
    ]


def test_a_long_quote_reopened_in_the_next_paragraph_runs_on() -> None:
    text = (
        "Mara Lindqvist said: ‘The plan was drawn up years ago.\n\n"
        "‘Nobody has changed a word of it since then.’\n\nThe meeting ended."
    )
    found = quotes(text, ["Mara Lindqvist"])
    assert len(found) == 1
    assert found[0][0].endswith("since then.’")
    assert found[0][1] == "Mara Lindqvist"


def test_text_full_of_apostrophes_and_stray_marks_finds_nothing() -> None:
    """100k characters of apostrophes and unclosed marks: no quote, and no error (the cost
    is measured outside the tests: linear, as for double marks)."""
    base = "don’t 'x Britain’s ’90s ‘ ' rock ’n’ roll the towns’ ‘a "
    text = (base * (100_000 // len(base) + 1))[:100_000]
    assert find_quotes(text) == []


def test_a_short_heading_in_single_marks_after_a_quote_is_not_its_continuation() -> None:
    text = (
        "“We rebuilt the pier in a year,” Ola Brandt said.\n\n"
        "'A long wait for the ferry.'\n\n"
        "The ferry company said on Friday it would add two boats."
    )
    assert quotes(text, ["Ola Brandt"]) == [("“We rebuilt the pier in a year,”", "Ola Brandt")]


def test_an_apostrophe_left_open_does_not_swallow_a_double_mark_quote() -> None:
    text = "And how ‘bout this one: “The pier will stay shut all winter,” Ola Brandt said."
    assert quotes(text, ["Ola Brandt"]) == [("“The pier will stay shut all winter,”", "Ola Brandt")]


def test_a_short_phrase_in_single_marks_is_a_quote_when_its_sentence_names_who_said_it() -> None:
    text = (
        "Port board chairman Anne Kelso said the harbour master had served with "
        "'dedication and commitment'.\n\nAnne Kelso calls the delay 'a disgrace'. The "
        "‘Iron Chancellor’ of the board opened a ‘new era’ on Tuesday."
    )
    assert quotes(text, ["Anne Kelso"]) == [
        ("'dedication and commitment'", "Anne Kelso"),
        ("'a disgrace'", "Anne Kelso"),
    ]


def test_a_quote_cut_by_the_end_of_an_excerpt_on_its_last_line_is_kept() -> None:
    text = (
        '"Ann Kelso has done an excellent job," said Tom Reade, the chairman. "Under '
        "Ann's leadership the company's finances improved and we found a new market in"
    )
    found = quotes(text, ["Tom Reade", "Ann Kelso"])
    assert [q for q, _ in found][-1].startswith('"Under')
    cut_early = 'He said "we will see." Then the board met.\n\n"The vote goes on'
    assert [q for q, _ in quotes(cut_early)][-1] == '"The vote goes on'
    stray = 'The board met on Monday. "The plan is dead, one member wrote.\n\nNobody agreed.'
    assert quotes(stray) == []


def test_a_quote_reopened_on_each_line_of_one_line_paragraphs_runs_on_without_nesting() -> None:
    text = (
        "“It is not the knee, it is the elbow,” Mara Lind explained.\n"
        "“It is a pity to finish the season this way.\n"
        "“I tried. From yesterday I tried to get it right.\n"
        "“I could play with the pain for a while, but there was no sense in going on.”\n"
        "Holder Falls\n"
        "“I had chances in the first three sets,” said Tom Reade."
    )
    found = quotes(text, ["Mara Lind", "Tom Reade"])
    assert [(q[:12], who) for q, who in found] == [
        ("“It is not t", "Mara Lind"),
        ("“It is a pit", "Mara Lind"),
        ("“I had chanc", "Tom Reade"),
    ]
    assert found[1][0].endswith("going on.”")
