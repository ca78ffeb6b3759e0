"""Quotes in short wire summaries (AG News-style items): broken HTML entities as quote
marks, datelines, relative clauses, "according to", modifiers before a colon.

Entities are given by hand, so these tests check the attribution rules alone.
"""

from __future__ import annotations

import re

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import FoundQuote, find_quotes, mend_entities


def entities(text: str, names: list[tuple[str, str]]) -> list[Entity]:
    """Every occurrence of each name, longer names first ("Putin" alone is its own)."""
    found: list[Entity] = []
    for name, kind in sorted(names, key=lambda item: -len(item[0])):
        for m in re.finditer(re.escape(name), text):
            if all(m.end() <= e.start or e.end <= m.start() for e in found):
                found.append(Entity(m.start(), m.end(), name, kind, name))
    return sorted(found, key=lambda e: e.start)


def quote_with(text: str, found: list[FoundQuote], words: str) -> FoundQuote | None:
    at = text.index(words)
    return next((q for q in found if q.start <= at < q.end), None)


def speaker(text: str, names: list[tuple[str, str]], words: str) -> str | None:
    quote = quote_with(text, find_quotes(text, entities(text, names)), words)
    assert quote is not None, f"no quote around {words!r}"
    return quote.speaker


def test_quote_entities_that_lost_their_ampersand_are_quote_marks() -> None:
    text = (
        "The US beat Greece 77-71.  quot;They played with heart, quot; said Coach Larry "
        "Brown.  quot;That #39;s all you can ask. quot; ..."
    )
    found = find_quotes(text, entities(text, [("Larry Brown", "PER")]))
    assert [text[q.start : q.end] for q in found] == [
        "quot;They played with heart, quot;",
        "quot;That #39;s all you can ask. quot;",
    ]
    assert [q.speaker for q in found] == ["Larry Brown", "Larry Brown"]


def test_mended_text_keeps_every_offset_and_reads_possessives() -> None:
    text = "NASA #39;s  quot;scramjet quot; proved it, quot; said Bush #39;s aide &quot;X&quot;."
    mended, marks = mend_entities(text)
    assert len(mended) == len(text)
    assert "NASA's" in mended and "Bush's" in mended
    assert '"scramjet"' in mended and '"X"' in mended
    for mark, (start, end) in marks.items():
        assert mended[mark] == '"' and start <= mark + 1 and end >= mark
    assert mend_entities("No entities here.") == ("No entities here.", {})


def test_a_closing_entity_before_a_comma_still_closes_the_quote() -> None:
    text = "In  quot;We have just completed testing quot;, said David Henty of EPCC."
    assert speaker(text, [("David Henty", "PER")], "completed testing") == "David Henty"


def test_an_entity_the_tagger_made_of_a_broken_entity_is_no_speaker() -> None:
    text = (
        "The European Central Bank gave hedge funds a clean bill of health, saying the "
        "dangers are  quot;much less worrisome quot; than before."
    )
    names = [("European Central Bank", "ORG"), ("quot;much", "ORG")]
    assert speaker(text, names, "less worrisome") == "European Central Bank"


def test_a_name_modifying_a_noun_before_a_colon_is_not_the_speaker() -> None:
    palm = 'Today was a strange day for the Palm OS community:  "PalmSource also plans to ship."'
    assert speaker(palm, [("Palm OS", "ORG"), ("PalmSource", "ORG")], "also plans") is None
    shirt = (
        "A star freshman for Stanford's basketball team, she came to practice wearing a "
        'T-shirt reading: "No doubt about it. I compete clean."'
    )
    assert speaker(shirt, [("Stanford", "ORG")], "No doubt") is None
    # The subject of the clause before the colon still speaks.
    boomed = 'Former Republican candidate Jeb Bush broke down what was wrong: "It was insensitive."'
    assert speaker(boomed, [("Jeb Bush", "PER")], "insensitive") == "Jeb Bush"


def test_who_before_the_cue_verb_makes_the_noun_before_it_the_speaker() -> None:
    text = (
        "LONDON: Prince Charles fought back Monday against accusations by a government "
        "minister who called his views on education  quot;old fashioned. quot;"
    )
    found = speaker(text, [("Charles", "PER")], "old fashioned")
    assert found == "a government minister"
    comma = 'Cruz won the backing of Mike Lee, who declared, "It is time to unite."'
    assert speaker(comma, [("Cruz", "PER"), ("Mike Lee", "PER")], "time to unite") == "Mike Lee"


def test_a_relative_clause_after_the_quote_names_someone_else() -> None:
    text = (
        'Mr. Rubio described his views "on English-language television," echoing some '
        "commentators who have suggested that he changed."
    )
    assert speaker(text, [("Rubio", "PER")], "English-language") != "some commentators"


def test_as_the_minister_said_is_a_description_not_the_dateline() -> None:
    text = (
        "AP - Iraqi authorities claimed to have captured Izzat Ibrahim al-Douri, but there "
        'was confusion, as the Iraqi defense minister said word of it was "baseless."'
    )
    names = [("AP - Iraqi", "MISC"), ("Izzat Ibrahim al-Douri", "PER"), ("Iraqi", "MISC")]
    assert speaker(text, names, "baseless") == "the Iraqi defense minister"


def test_a_dateline_before_the_subject_is_skipped() -> None:
    text = (
        "Washington (AFP) – Democrat Hillary Clinton took a swipe at Donald Trump, saying "
        'that "bombastic comments" do more harm than good.'
    )
    names = [("Hillary Clinton", "PER"), ("Donald Trump", "PER")]
    assert speaker(text, names, "bombastic") == "Hillary Clinton"


def test_a_dateline_taken_into_a_name_is_cut_from_the_speaker() -> None:
    text = 'AP - Candice Wiggins said on Tuesday: "I compete clean."'
    assert speaker(text, [("AP - Candice Wiggins", "PER")], "compete clean") == "Candice Wiggins"


def test_according_to_gives_the_person_heading_the_phrase() -> None:
    text = (
        '"The SMB market has become much more pivotal," according to Yankee Group analyst '
        "Laura DiDio."
    )
    names = [("Yankee Group", "ORG"), ("Laura DiDio", "PER")]
    assert speaker(text, names, "SMB market") == "Laura DiDio"


def test_the_president_is_the_president_who_was_just_the_subject() -> None:
    text = (
        "President Bush met Russian President Vladimir Putin in Moscow on Tuesday. Putin "
        'told reporters the talks went well. "We agreed on the main points," the president '
        "said."
    )
    names = [("Bush", "PER"), ("Vladimir Putin", "PER"), ("Putin", "PER")]
    assert speaker(text, names, "main points") == "Vladimir Putin"


def test_the_president_stays_without_speaker_when_two_are_named_and_neither_acts() -> None:
    text = (
        "The talks were held at the request of President Bush, and a statement followed "
        'from Russian President Vladimir Putin. "We agreed on the main points," the '
        "president said."
    )
    names = [("Bush", "PER"), ("Vladimir Putin", "PER")]
    # A description as written (never a row of the speakers list), not Bush.
    assert speaker(text, names, "main points") == "the president"


def test_a_president_named_inside_the_quote_changes_nothing() -> None:
    text = (
        "This was stated by President Volodymyr Zelenskyy in an interview. "
        '"President Biden said this publicly," the Head of State said.'
    )
    names = [("Volodymyr Zelenskyy", "PER"), ("Biden", "PER")]
    assert speaker(text, names, "said this publicly") == "Volodymyr Zelenskyy"


def test_said_someones_father_then_his_name_gives_the_name() -> None:
    text = (
        "Brett and Kevin were close.  quot;They had the same humor, quot; said McCann #39;s "
        "father, Dennis McCann."
    )
    names = [("Dennis McCann", "PER"), ("McCann", "PER")]
    assert speaker(text, names, "same humor") == "Dennis McCann"


def test_a_company_that_claimed_is_the_company_not_the_sentence_subject() -> None:
    text = (
        "Microsoft filed suits against spammers, including one against a Web hosting company "
        'that claimed it was "bulletproof" and could not be shut down.'
    )
    assert speaker(text, [("Microsoft", "ORG")], "bulletproof") == "a Web hosting company"


def test_a_shadow_chancellor_is_not_the_chancellor() -> None:
    text = (
        "Gordon Brown warned voters. Shadow chancellor Oliver Letwin replied later. "
        '"The stakes are too high," the Chancellor said.'
    )
    names = [("Gordon Brown", "PER"), ("Oliver Letwin", "PER")]
    assert speaker(text, names, "stakes are too high") != "Oliver Letwin"


def test_a_described_organisation_after_a_dateline_dash_is_the_speaker() -> None:
    text = (
        "PARIS - The international environment watchdog group Greenpeace said Monday it was "
        " quot;shocked and very saddened quot; by the death of a protester."
    )
    assert speaker(text, [("Greenpeace", "ORG")], "very saddened") == "Greenpeace"
    # Not so for the organisation a role belongs to.
    role = (
        "WASHINGTON - The president of Major League Baseball called the stadium bill "
        " quot;wholly unacceptable quot; on Wednesday."
    )
    found = speaker(role, [("Major League Baseball", "ORG")], "wholly unacceptable")
    assert found == "the president of Major League Baseball"


def test_a_party_tag_before_an_apposition_keeps_the_name_the_subject() -> None:
    text = (
        "Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said that it was "
        '"open to every viewpoint."'
    )
    names = [("Elijah Cummings", "PER"), ("Platform Committee", "ORG")]
    assert speaker(text, names, "every viewpoint") == "Elijah Cummings"


def test_an_organisation_after_a_preposition_is_not_described_but_owned() -> None:
    text = (
        "The trend may seem  quot;uncomfortable, quot; a researcher with the International "
        "Monetary Fund says."
    )
    names = [("International Monetary Fund", "ORG")]
    assert (
        speaker(text, names, "uncomfortable") == "a researcher with the International Monetary Fund"
    )
    group = (
        "AP - A group of moderate Republicans, many long out of office, called on President "
        'Bush to "come back to the mainstream" on the eve of the convention.'
    )
    names = [("Republicans", "ORG"), ("Bush", "PER")]
    assert speaker(group, names, "come back") == "a group of moderate Republicans"


def test_a_company_the_tagger_once_took_for_a_person_is_not_he() -> None:
    text = (
        "Sprint plans to spend more this year, the company's David M. Holland told Reuters. "
        "Costs at US Sprint's network rose. "
        '"It takes time to prove ourselves," he said.'
    )

    def at(surface: str, kind: str) -> Entity:
        start = text.index(surface)
        name = surface.removesuffix("'s").removesuffix(" plans")
        return Entity(start, start + len(name), name, kind, name)

    mentions = [at("Sprint plans", "ORG"), at("David M. Holland", "PER"), at("Sprint's", "PER")]
    quote = quote_with(text, find_quotes(text, mentions), "prove ourselves")
    assert quote is not None and quote.speaker == "David M. Holland"
