"""Speakers are people or organisations: roles, pronouns, transcripts, "X said:" paragraphs.

The entities are given by hand (every occurrence of each listed name), so these
tests check the attribution rules alone, whatever tagger is installed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ossetia_reader.core.article import Article, Entity, Quote
from ossetia_reader.core.enrich.quotes import FoundQuote, find_quotes
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.enrich.transcripts import CUE, find_turns, label_start_before
from ossetia_reader.core.enrich.views import speaker_counts
from ossetia_reader.core.library import Library


def entities(text: str, names: list[tuple[str, str]]) -> list[Entity]:
    found = [
        Entity(m.start(), m.end(), name, kind, name)
        for name, kind in names
        for m in re.finditer(re.escape(name), text)
    ]
    return sorted(found, key=lambda e: e.start)


def quote_of(text: str, found: list[FoundQuote], words: str) -> FoundQuote:
    at = text.index(words)
    return next(q for q in found if q.start <= at < q.end)


def speaker(text: str, names: list[tuple[str, str]], words: str) -> str | None:
    found = find_quotes(text, entities(text, names))
    return quote_of(text, found, words).speaker


ZELENSKYY = ("Volodymyr Zelenskyy", "PER")
YERMAK = ("Andriy Yermak", "PER")
TYMOSHENKO = ("Kyrylo Tymoshenko", "PER")


def test_head_of_state_is_the_president_the_article_names() -> None:
    text = (
        "President of Ukraine Volodymyr Zelenskyy met students in Kyiv. "
        '"We will rebuild every school," the Head of State said.'
    )
    assert speaker(text, [ZELENSKYY], "We will rebuild") == "Volodymyr Zelenskyy"


def test_the_president_goes_to_the_first_president_named_not_the_guest() -> None:
    text = (
        "President of Ukraine Volodymyr Zelenskyy held talks with President of Poland "
        "Andrzej Duda. The talks with Andrzej Duda lasted two hours, and a visit of Andrzej "
        "Duda to Bucha followed. "
        '"Poland is our friend," the President said.'
    )
    names = [ZELENSKYY, ("Andrzej Duda", "PER")]
    assert speaker(text, names, "Poland is our friend") == "Volodymyr Zelenskyy"


def test_a_qualified_role_needs_its_qualifier_in_the_title() -> None:
    text = (
        "President of Ukraine Volodymyr Zelenskyy held talks with President of Poland "
        'Andrzej Duda. "Our borders are open," the Polish President said.'
    )
    names = [ZELENSKYY, ("Andrzej Duda", "PER")]
    assert speaker(text, names, "Our borders are open") == "Andrzej Duda"


def test_deputy_head_is_not_the_head() -> None:
    text = (
        "Head of the Office of the President Andriy Yermak and Deputy Head of the Office of "
        "the President Kyrylo Tymoshenko visited Irpin. "
        '"We start with the schools," said the Deputy Head of the Office of the President. '
        '"Europe must help," the Head of the President\'s Office stressed.'
    )
    names = [YERMAK, TYMOSHENKO, ("Office of the President", "ORG")]
    assert speaker(text, names, "We start with the schools") == "Kyrylo Tymoshenko"
    assert speaker(text, names, "Europe must help") == "Andriy Yermak"


def test_a_title_after_the_name_counts_too() -> None:
    text = (
        "Mykhailo Podolyak, Adviser to the Head of the Office of the President, spoke on TV. "
        '"Russia must pay," said the Adviser.'
    )
    assert speaker(text, [("Mykhailo Podolyak", "PER")], "Russia must pay") == "Mykhailo Podolyak"


def test_an_unresolved_role_leaves_the_quote_without_a_speaker() -> None:
    text = 'Ministers met in Brussels. "Sanctions will stay," the Minister said.'
    found = find_quotes(text, [])
    assert [q.speaker for q in found] == [None]


def test_the_tagger_taking_a_role_for_a_name_changes_nothing() -> None:
    # The model tags "Head of State" as ORG and "Head" as PER: neither is a speaker.
    text = 'The talks ended. "We are ready," the Head of State said.'
    found = find_quotes(text, entities(text, [("Head of State", "ORG")]))
    assert [q.speaker for q in found] == [None]
    text = '"We are ready," the Head of the Office said.'
    found = find_quotes(text, entities(text, [("Head", "PER")]))
    assert [q.speaker for q in found] == [None]


def test_he_is_the_subject_named_since_the_last_quote() -> None:
    text = (
        '"The war must end," Andriy Yermak said. Kyrylo Tymoshenko spoke about the plan. '
        '"We will rebuild Irpin first," he said.'
    )
    assert speaker(text, [YERMAK, TYMOSHENKO], "We will rebuild Irpin") == "Kyrylo Tymoshenko"


def test_he_is_never_a_woman_and_she_prefers_one() -> None:
    text = (
        'Olena Zelenska met Andriy Yermak. "Children need help," she said. '
        '"The state will help," he added.'
    )
    names = [("Olena Zelenska", "PER"), YERMAK]
    assert speaker(text, names, "Children need help") == "Olena Zelenska"
    assert speaker(text, names, "The state will help") == "Andriy Yermak"


def test_a_pronoun_with_nobody_named_gets_no_speaker() -> None:
    text = 'The meeting ended late. "We agreed on everything," he said.'
    assert [q.speaker for q in find_quotes(text, [])] == [None]


def test_no_fragment_and_no_place_is_a_speaker() -> None:
    text = (
        "Today, at the VEB session, they were saying it again. "
        '"Capitalism has changed for good now," they were saying. '
        '"We are ready to talk," Kyiv said.'
    )
    names = [("VEB", "ORG"), ("Kyiv", "LOC")]
    found = find_quotes(text, entities(text, names))
    assert [q.speaker for q in found] == [None, None]


def test_a_description_stays_as_written_in_lower_case() -> None:
    text = '"Nobody expected it," a senior official said.'
    assert [q.speaker for q in find_quotes(text, [])] == ["a senior official"]


def test_an_organisation_is_a_speaker_when_it_is_the_subject() -> None:
    text = 'Brussels, Monday. "Ukraine belongs in Europe," the EU said in a statement.'
    assert speaker(text, [("EU", "ORG")], "Ukraine belongs") == "EU"


KREMLIN = (
    "Vladimir Putin met Acting Governor of the Kirov Region Alexander Sokolov.\n\n"
    "President of Russia Vladimir Putin: Mr Sokolov, good afternoon. "
    "Alexander Sokolov: Good afternoon, Mr President. I have worked in the region for a year. "
    "Question: What will you do first? "
    'Vladimir Putin: Roads first. As Gorchakov said, "Russia is focusing." '
    "Then schools."
)


def test_transcript_turns_are_quotes_by_their_labelled_speakers() -> None:
    names = [("Vladimir Putin", "PER"), ("Alexander Sokolov", "PER"), ("Gorchakov", "PER")]
    turns = find_turns(KREMLIN, entities(KREMLIN, names))
    spoken = [(t.speaker, KREMLIN[t.start : t.end]) for t in turns]
    assert spoken == [
        ("Vladimir Putin", "Mr Sokolov, good afternoon."),
        (
            "Alexander Sokolov",
            "Good afternoon, Mr President. I have worked in the region for a year.",
        ),
        (None, "What will you do first?"),
        ("Vladimir Putin", 'Roads first. As Gorchakov said, "Russia is focusing." Then schools.'),
    ]
    # The reading pane finds the label to mark it.
    first = turns[0]
    assert label_start_before(KREMLIN, first.start) == first.label_start
    assert KREMLIN[first.label_start : first.start] == "President of Russia Vladimir Putin: "


def test_a_quote_inside_a_turn_is_kept_only_for_someone_else() -> None:
    names = [("Vladimir Putin", "PER"), ("Alexander Sokolov", "PER"), ("Gorchakov", "PER")]
    found = find_quotes(KREMLIN, entities(KREMLIN, names))
    cues = [(q.cue, q.speaker) for q in found]
    assert cues.count((CUE, "Vladimir Putin")) == 2
    assert quote_of(KREMLIN, [q for q in found if q.cue != CUE], "Russia is focusing").speaker == (
        "Gorchakov"
    )


def test_a_label_the_tagger_missed_is_read_from_the_other_labels() -> None:
    text = (
        "Vladimir Putin: Good afternoon. Maxim Dreval: Good afternoon. "
        "Vladimir Putin: How are you? Maxim Dreval: Very well, thank you."
    )
    # Only the first mention of each name was tagged.
    names = [
        Entity(0, 14, "Vladimir Putin", "PER", "Vladimir Putin"),
        Entity(32, 44, "Maxim Dreval", "PER", "Maxim Dreval"),
    ]
    assert [t.speaker for t in find_turns(text, names)] == [
        "Vladimir Putin", "Maxim Dreval", "Vladimir Putin", "Maxim Dreval",
    ]  # fmt: skip


def test_headlines_and_headings_are_not_turns() -> None:
    text = (
        "Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump.\n\n"
        "The radio host said on Monday that the debate was rigged against his candidate.\n\n"
        "Christie: A closing surge.\n\n"
        "The New Jersey governor was the most forceful figure on stage at the debate."
    )
    names = [("Rush Limbaugh", "PER"), ("Christie", "PER")]
    assert find_turns(text, entities(text, names)) == []


def test_a_colon_in_prose_is_no_label() -> None:
    text = "Imagine: a city without light. Key points: the grid is down, as Vladimir Putin said."
    assert find_turns(text, entities(text, [("Vladimir Putin", "PER")])) == []


def test_said_colon_then_a_paragraph_is_a_quote() -> None:
    text = (
        "Andriy Yermak spoke at the forum in Davos. Andriy Yermak said:\n\n"
        "Ukraine will win this war, and Europe will be safer for it.\n\n"
        "The forum ends on Friday."
    )
    found = find_quotes(text, entities(text, [YERMAK]))
    quote = quote_of(text, found, "Ukraine will win")
    assert (quote.speaker, text[quote.start : quote.end]) == (
        "Andriy Yermak",
        "Ukraine will win this war, and Europe will be safer for it.",
    )
    assert all(q.start > text.index("The forum") or q.end < text.index("The forum") for q in found)


def test_as_follows_colon_is_not_a_speaker() -> None:
    text = "The plan is as follows:\n\nRoads first, then schools and hospitals in every town."
    assert find_quotes(text, []) == []


def test_a_speaker_quoted_by_surname_alone_counts_with_their_full_name(tmp_path: Path) -> None:
    library = Library(tmp_path)
    [full, alone, namesake] = library.add(
        [
            Article(id="a", title="A", body="x"),
            Article(id="b", title="B", body="y"),
            Article(id="c", title="C", body="z"),
        ]
    )
    assert full.key is not None and alone.key is not None and namesake.key is not None
    zelenskyy = Entity(0, 19, "Volodymyr Zelenskyy", "PER", "Volodymyr Zelenskyy")
    store_enrichment(
        library, full.key, (zelenskyy,), (Quote(0, 5, '"Yes"', "Volodymyr Zelenskyy", "said"),)
    )
    surname = Entity(0, 9, "Zelenskyy", "PER", "Zelenskyy")
    store_enrichment(library, alone.key, (surname,), (Quote(0, 5, '"No"', "Zelenskyy", "said"),))
    rows = {row.name: (row.quotes, row.articles) for row in speaker_counts(library)}
    assert rows == {"Volodymyr Zelenskyy": (2, 2)}
    # Two people with the surname: the lone surname stays apart.
    olena = Entity(0, 14, "Olena Zelenskyy", "PER", "Olena Zelenskyy")
    store_enrichment(library, namesake.key, (olena,), ())
    rows = {row.name: (row.quotes, row.articles) for row in speaker_counts(library)}
    assert rows == {"Volodymyr Zelenskyy": (1, 1), "Zelenskyy": (1, 1)}


def test_the_reading_pane_starts_each_turn_on_its_own_paragraph() -> None:
    from ossetia_reader.render import render_article

    names = [("Vladimir Putin", "PER"), ("Alexander Sokolov", "PER"), ("Gorchakov", "PER")]
    found = find_quotes(KREMLIN, entities(KREMLIN, names))
    article = Article(
        id="k", title="Meeting", body=KREMLIN, quotes=tuple(q.to_quote(KREMLIN) for q in found)
    )
    rendered = render_article(article, entities=False)
    plain = rendered.text.plain
    assert "\n\nAlexander Sokolov: Good afternoon" in plain
    assert "\n\nQuestion: What will you do first?" in plain
    # The turn's speaker is not repeated after it; Gorchakov's quote is attributed in the turn.
    assert plain.count("— Vladimir Putin") == 0
    assert plain.endswith('"Russia is focusing." Then schools. — Gorchakov')
    # Offsets still map into the shown text.
    at = KREMLIN.index("Question:")
    assert plain[rendered.position(at) : rendered.position(at) + 9] == "Question:"


def test_a_title_in_quote_marks_is_no_quote_and_a_label_with_a_quote_is_one_paragraph() -> None:
    text = (
        'He had roles in "How the Grinch Stole Christmas" and other films.\n\n'
        "Trump: We will win so much that you will get tired of winning.\n\n"
        'Clinton: "Our goal is to defeat ISIS, not to contain it at all."\n\n'
        'Bush: "The mission is to destroy ISIS, and that\'s what we will do."\n\n'
        "Containment has been the policy since the Korean War, analysts say."
    )
    names = [("Clinton", "PER"), ("Bush", "PER"), ("Trump", "PER")]
    found = find_quotes(text, entities(text, names))
    assert all("Grinch" not in text[q.start : q.end] for q in found)
    assert all("Containment" not in text[q.start : q.end] for q in found)
    turns = [(q.speaker, q.cue) for q in found if q.cue == CUE]
    assert turns == [("Trump", CUE), ("Clinton", CUE), ("Bush", CUE)]


def test_quotes_command_shortens_a_long_turn_and_json_keeps_it(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ossetia_reader.cli import main

    turn = "We will build roads, schools and hospitals in every region of the country. " * 12
    body = (
        "Vladimir Putin met Alexander Sokolov.\n\n"
        f"Vladimir Putin: {turn}Alexander Sokolov: Thank you, Mr President, we will."
    )
    library = Library(tmp_path / "lib")
    library.add([Article(id="t", title="Meeting with Alexander Sokolov", body=body)])
    library.close()

    def run(*args: str) -> str:
        result = CliRunner().invoke(main, ["--library", str(tmp_path / "lib"), *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    run("enrich")
    # (The library also holds the bundled press releases, Kremlin transcripts among them.)
    records = json.loads(run("quotes", "--speaker", "Putin", "--json", "--limit", "500"))
    [record] = [r for r in records if r["id"] == "t"]
    assert record["text"] == turn.strip() and record["cue"] == CUE
    shown = run("quotes", "--speaker", "Putin", "--limit", "500")
    assert "We will build roads" in shown and " …" in shown
    assert turn.strip() not in " ".join(shown.split())


def test_a_title_word_the_tagger_took_is_cut_from_a_speaker_name() -> None:
    from ossetia_reader.core.enrich.speakers import clean_name

    assert clean_name("Society Maxim Dreval") == "Maxim Dreval"
    assert clean_name("Ukraine Volodymyr Zelenskyy", "President of") == "Volodymyr Zelenskyy"
    assert clean_name("Sergei Naryshkin Naryshkin SergeiDirector") == "Sergei Naryshkin"
    assert clean_name("Ursula von der Leyen") == "Ursula von der Leyen"
    assert clean_name("Recep Tayyip Erdoğan") == "Recep Tayyip Erdoğan"


def test_a_name_that_is_also_a_modal_verb_stays_a_name() -> None:
    text = '"It will be a break, nothing more," Conservative family spokeswoman Theresa May said.'
    assert speaker(text, [("Theresa May", "PER")], "It will be") == "Theresa May"
