"""Who "he"/"she" after a quote is, and which name a role in apposition stands for.

The sentences are constructions written for these tests (after the kinds of wire and
BBC sentences the speaker lists got wrong); entities are given by hand, so the tests
check the attribution rules alone.
"""

from __future__ import annotations

import re

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import find_quotes


def entities(text: str, names: list[tuple[str, str]]) -> list[Entity]:
    """Every occurrence of each name, longer names first; a surname alone gets the full
    name as its canonical form (as the pipeline links them)."""
    found: list[Entity] = []
    for name, kind in sorted(names, key=lambda item: -len(item[0])):
        canonical = next((n for n, _ in names if n != name and n.endswith(" " + name)), name)
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if all(m.end() <= e.start or e.end <= m.start() for e in found):
                found.append(Entity(m.start(), m.end(), name, kind, canonical))
    return sorted(found, key=lambda e: e.start)


def speaker(text: str, names: list[tuple[str, str]], words: str) -> str | None:
    at = text.index(words)
    found = find_quotes(text, entities(text, names))
    quote = next((q for q in found if q.start <= at < q.end), None)
    assert quote is not None, f"no quote around {words!r}"
    return quote.speaker


def test_he_is_the_speaker_of_the_last_reporting_verb_not_a_name_opening_a_sentence() -> None:
    text = (
        "LONDON - Finance Minister Dilson Funaro met Nigel Lawson on Monday.\n\n"
        '"We are not going to go to the IMF," Funaro said.\n\n'
        "He said Lawson had made no commitments. Lawson would state his position next "
        "month, Funaro said.\n\n"
        "Stressing there was no time schedule, Funaro said Brazil had no proposals.\n\n"
        '"We did not come here to make a cash-flow programme," he said.'
    )
    names = [
        ("Dilson Funaro", "PER"),
        ("Funaro", "PER"),
        ("Nigel Lawson", "PER"),
        ("Lawson", "PER"),
    ]
    assert speaker(text, names, "cash-flow") == "Dilson Funaro"


def test_he_after_an_unnamed_journalist_said_is_that_journalist() -> None:
    text = (
        "The backlash followed the resignation of party chief Hu Yaobang, diplomats say.\n\n"
        "One Chinese journalist said conditions are not ripe for share issues. "
        '"There are many external factors beyond its control," he said.'
    )
    found = speaker(text, [("Hu Yaobang", "PER")], "external factors")
    assert found == "one Chinese journalist"


def test_he_after_an_inverted_said_name_is_that_name() -> None:
    text = (
        '"It is a question of survival," said analyst Edouard Cointreau.\n\n'
        "The reform was inevitable, said Ben Williams of the brokerage Fauchier-Magnan. "
        '"From a French point of view one cannot be disappointed," he said.'
    )
    names = [("Edouard Cointreau", "PER"), ("Ben Williams", "PER"), ("Fauchier-Magnan", "ORG")]
    assert speaker(text, names, "French point") == "Ben Williams"


def test_he_after_x_asked_y_is_the_one_asked() -> None:
    text = (
        '"It was a good night," said Ainsley Earhardt.\n\n'
        "Earhardt then asked Marco Rubio which states he could win.\n\n"
        '"We feel great in every one of those states," he said.'
    )
    names = [("Ainsley Earhardt", "PER"), ("Earhardt", "PER"), ("Marco Rubio", "PER")]
    assert speaker(text, names, "feel great") == "Marco Rubio"


def test_in_nested_reported_speech_the_first_speaker_counts() -> None:
    text = (
        "Paul Song spoke at the rally. Paul Song said Bernie Sanders had said the plan "
        'would not pass. "It would pass if voters asked for it," he said.'
    )
    names = [("Paul Song", "PER"), ("Bernie Sanders", "PER")]
    assert speaker(text, names, "would pass") == "Paul Song"


def test_a_name_inside_an_object_phrase_is_not_the_reporter() -> None:
    text = (
        '"The wall is a good idea," wrote Phyllis Schlafly.\n\n'
        "Schlafly then discussed Donald Trump's proposed wall and explained its importance.\n\n"
        '"It is a neighborly idea to stop illegality," she wrote.'
    )
    names = [("Phyllis Schlafly", "PER"), ("Schlafly", "PER"), ("Donald Trump", "PER")]
    assert speaker(text, names, "neighborly") == "Phyllis Schlafly"


def test_a_name_after_its_lower_case_title_opens_the_sentence() -> None:
    text = (
        '"There are some fantastic teams left," Steven Gerrard told BBC Radio.\n\n'
        "And Blues boss Jose Mourinho backed Gerrard's view of the draw. "
        '"Rafa has still time to build an even better team," he told BBC Radio.'
    )
    names = [("Steven Gerrard", "PER"), ("Gerrard", "PER"), ("Jose Mourinho", "PER")]
    assert speaker(text, names, "Rafa has") == "Jose Mourinho"


def test_a_name_in_apposition_to_a_role_is_the_speaker() -> None:
    text = (
        "Prime Minister Margaret Thatcher sent her corporate affairs minister to Tokyo.\n\n"
        '"I should be expecting a positive response," the minister, Michael Howard, said.'
    )
    names = [("Margaret Thatcher", "PER"), ("Michael Howard", "PER")]
    assert speaker(text, names, "positive response") == "Michael Howard"


def test_a_role_with_a_clause_in_apposition_keeps_the_role_reading() -> None:
    text = (
        "Prime Minister Margaret Thatcher spoke on Monday.\n\n"
        '"We will not give way," the minister, who backs Michael Howard, said.'
    )
    names = [("Margaret Thatcher", "PER"), ("Michael Howard", "PER")]
    assert speaker(text, names, "give way") != "Michael Howard"


def test_the_nearest_according_to_before_a_quote_names_its_speaker() -> None:
    text = (
        "Handset sales rose, according to analysts Gartner More than 167 million were sold "
        'in the quarter, a period that, according to Gartner analyst Carolina Milanesi, is "seldom '
        'strong".'
    )
    names = [("Gartner More", "PER"), ("Carolina Milanesi", "PER")]
    assert speaker(text, names, "seldom") == "Carolina Milanesi"


def test_a_quote_ending_its_sentence_is_not_attributed_to_the_next_sentence() -> None:
    text = (
        '"How can you be happy when you see your face on the cover?" Nathalie Dechy said. '
        '"I am really upset about it and I think we deserve an apology." Elena Dementieva '
        "is also angry and says that both of them are the real victims."
    )
    names = [("Nathalie Dechy", "PER"), ("Elena Dementieva", "PER")]
    assert speaker(text, names, "really upset") == "Nathalie Dechy"


def quotes_of(text: str, names: list[tuple[str, str]]) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, entities(text, names))]


def test_a_title_after_a_work_noun_is_no_quote() -> None:
    text = (
        "U2 and Apple are expected to announce a deal. According to a source, the band's "
        'upcoming Interscope album "How to Dismantle an Atomic Bomb," is due in November.'
    )
    assert quotes_of(text, [("Interscope", "ORG"), ("Apple", "ORG")]) == []


def test_a_model_name_after_a_product_noun_is_no_quote() -> None:
    text = (
        "NEC Corporation has announced the worldwide launch of the SX series model "
        '"SX-8," the most powerful vector supercomputer.'
    )
    assert quotes_of(text, [("NEC Corporation", "ORG")]) == []


def test_names_given_by_called_titled_or_nicknamed_are_no_quotes() -> None:
    text = (
        'Comedians are performing a popular play called "Los Hijos de Trump" in Mexico City. '
        'The ad, titled "Unifier?", ran on Monday. Clinton said the Ohio native nicknamed '
        '"King James" is an advocate for children.'
    )
    assert quotes_of(text, [("Clinton", "PER")]) == []


def test_what_someone_called_something_is_their_speech() -> None:
    text = (
        'Obama visited Orlando after the massacre, which he called "an evil, hateful act." '
        'Huckabee called the H1-B program "worse than amnesty." The Minors program "is '
        'gaining traction," Alejandro Mayorkas said.'
    )
    names = [("Obama", "PER"), ("Huckabee", "PER"), ("Alejandro Mayorkas", "PER")]
    found = quotes_of(text, names)
    assert len(found) == 3
    assert speaker(text, names, "is gaining") == "Alejandro Mayorkas"


def test_a_title_does_not_cut_the_next_quotes_attribution() -> None:
    text = (
        'Later, Ben Carson shared a syllabus for a class called "Perception" on his Facebook '
        'page, writing "Allow me also to do the research for the reporter."'
    )
    assert speaker(text, [("Ben Carson", "PER")], "Allow me") == "Ben Carson"


def test_a_quote_after_a_sentence_reporting_someone_is_theirs() -> None:
    text = (
        "Like every day, Volodymyr Zelenskiy said that Ukraine was not letting up. "
        '"We do everything to inflict the highest possible damage on the enemy."'
    )
    assert speaker(text, [("Volodymyr Zelenskiy", "PER")], "We do everything") == (
        "Volodymyr Zelenskiy"
    )


def test_a_quote_with_its_own_unlisted_verb_is_not_the_previous_reporters() -> None:
    text = (
        "At the rally, Donald Trump said the crowd was the biggest yet. "
        '"Donald Trump is not a racist, guys," Bruce LeVell exclaimed to the crowd.'
    )
    names = [("Donald Trump", "PER"), ("Bruce LeVell", "PER")]
    assert speaker(text, names, "not a racist") != "Donald Trump"


def test_a_quote_run_on_over_paragraphs_after_a_colon_is_found_unclosed() -> None:
    text = (
        "Samuel Chukwueze was delighted to score.\n\n"
        "He said: \u201cFor me, it is a good feeling to score two goals.\n\n"
        "\u201cIt was a crazy game today. We conceded goals we should not have conceded."
    )
    found = find_quotes(text, entities(text, [("Samuel Chukwueze", "PER")]))
    assert [text[q.start : q.start + 10] for q in found] == ["\u201cFor me, i"]
    assert found[0].speaker == "Samuel Chukwueze"


def test_the_commission_is_the_commission_the_text_named() -> None:
    text = (
        "The Consumer Product Safety Commission announced a recall on Friday.\n\n"
        '"Over 30 fatalities were reported before the recall," the commission said.'
    )
    names = [("Consumer Product Safety Commission", "ORG")]
    assert speaker(text, names, "Over 30") == "Consumer Product Safety Commission"


def test_a_role_before_a_clause_introducing_a_quote_is_the_role_holder() -> None:
    text = (
        "Mayor Bill de Blasio signed the plan in March.\n\n"
        'In a statement, the mayor praised the vote: "New York City is now one step closer '
        'to being a city where everyone can live."'
    )
    assert speaker(text, [("Bill de Blasio", "PER")], "one step closer") == "Bill de Blasio"


def test_asked_after_a_quote_names_the_asker() -> None:
    text = (
        '"Why should the nomination be grabbed from him?" asked William Bennett, now a radio '
        'host. "We have been trying to get these voters into the party for years."'
    )
    assert speaker(text, [("William Bennett", "PER")], "Why should") == "William Bennett"


def test_a_place_modifying_a_noun_is_not_who_he_is() -> None:
    text = (
        "Prime Minister Narendra Modi asserted at his Agartala rally that his government "
        'works for the poor. He said, "All the partners of the alliance have understood."'
    )
    names = [("Narendra Modi", "PER"), ("Agartala", "PER")]
    assert speaker(text, names, "All the partners") == "Narendra Modi"


def test_a_heading_line_naming_someone_gives_the_quote_paragraph_below_it() -> None:
    text = (
        "Here is what the drivers said after the race.\n\n"
        "Max Verstappen, 1st\n\n"
        "\u201cIt is an incredible feeling right now and a huge team effort.\u201d\n\n"
        "BRAZIL'S MINISTER OF THE ENVIRONMENT AND CLIMATE CHANGE MARINA SILVA, speaking via a "
        "translator:\n\n"
        '"We need to reach some result which is minimally acceptable."\n\n'
        "AZERBAIJAN'S COP29 PRESIDENT MUKHTAR BABAYEV:\n\n"
        '"Time is not on our side."'
    )
    names = [("Max Verstappen", "PER")]
    assert speaker(text, names, "incredible feeling") == "Max Verstappen"
    assert speaker(text, names, "minimally acceptable") == "Marina Silva"
    assert speaker(text, names, "Time is not") == "Mukhtar Babayev"


def test_a_sentence_line_above_a_quote_is_no_heading() -> None:
    text = (
        "Max Verstappen won the race in Brazil.\n\n"
        "\u201cIt was a crazy race with a lot of action.\u201d"
    )
    assert speaker(text, [("Max Verstappen", "PER")], "crazy race") is None


def test_a_quote_left_open_at_the_end_after_a_comma_or_on_its_own_line_is_found() -> None:
    text = (
        '"There are 10 other people who do a job," Ben Stokes told BBC Sport.\n'
        '"When you look at captaincy records, it is only a small part of it.\n\n'
        "A SpiceJet spokesperson issued a statement, "
        '"We have rebooked all affected passengers on an additional flight.'
    )
    found = find_quotes(text, entities(text, [("Ben Stokes", "PER")]))
    starts = [text[q.start + 1 : q.start + 9] for q in found]
    assert starts == ["There ar", "When you", "We have "]


def test_a_quote_mark_before_markup_opens_no_quote() -> None:
    text = '<tweet author="@tedcruz" date="January 19, 2016\n">I love it without her.</tweet>'
    assert find_quotes(text, []) == []


def test_the_journalist_after_a_journalist_was_introduced_is_that_unnamed_one() -> None:
    text = (
        "The backlash followed the resignation of party chief Hu Yaobang.\n\n"
        "A Chinese journalist said reformers had underestimated public resistance.\n\n"
        "The Chinese journalist said the review was in part due to political factors.\n\n"
        '"Economics and politics are inseparable in China," he said.'
    )
    assert speaker(text, [("Hu Yaobang", "PER")], "inseparable") == "the Chinese journalist"


def test_the_former_president_is_no_unnamed_person() -> None:
    text = (
        "Bill Clinton spoke in Ohio. A former president rarely campaigns like this.\n\n"
        'The former president said the race was close. "It will be close," he said.'
    )
    assert speaker(text, [("Bill Clinton", "PER")], "will be close") == "Bill Clinton"


def test_a_statement_speaks_for_its_owner() -> None:
    text = (
        '"The flight is designed to test vital elements," said a NASA statement.\n\n'
        "The Orange County Health Department sent a statement that said in part: "
        '"We do not have evidence that infants are at higher risk."\n\n'
        '"We stand in solidarity," the statement said.'
    )
    names = [("NASA", "ORG"), ("Orange County Health Department", "ORG")]
    assert speaker(text, names, "The flight") == "NASA"
    assert speaker(text, names, "We do not have") == "Orange County Health Department"
    assert speaker(text, names, "solidarity") == "the statement"


def test_a_quote_paragraph_after_a_sentence_about_someone_is_theirs() -> None:
    text = (
        "Speaking to Reuters, BCG analyst Colin Gillis shared his perspective on the fall.\n\n"
        '"Click prices declined for the fourth consecutive quarter."\n\n'
        "The Google shares fell on Friday.\n\n"
        '"This is the mobile problem."'
    )
    names = [("Colin Gillis", "PER"), ("Google", "ORG")]
    assert speaker(text, names, "Click prices") == "Colin Gillis"
    assert speaker(text, names, "mobile problem") is None
