"""Russian transcript labels in the forms of radio and television transcripts (issue 11,
session 7): an initial and a surname in capitals with a dash for the colon (``М.
ГАНАПОЛЬСКИЙ – …``), and a name in capitals with the speaker's role before the colon
(``ИМЯ ФАМИЛИЯ, министр …: …``). Constructed sentences; they run the real pipeline.
"""

from __future__ import annotations

from tests.core.russian_quotes_support import Enrich, quotes_of


def test_a_dash_after_an_initial_and_a_surname_in_capitals_labels_a_turn(
    enrich: Enrich,
) -> None:
    text = (
        "Экономика недели\n\n"
        "М. ПЕТРОВА – Добрый вечер, у нас в гостях экономист Игорь Соколов.\n\n"
        "И. СОКОЛОВ – Добрый вечер.\n\n"
        "М. ПЕТРОВА – Начнем с цен. Что будет с рублем?\n\n"
        "И. СОКОЛОВ - Думаю, ничего страшного не случится."
    )
    found = quotes_of(enrich, text)
    assert [quote.split()[0] for quote, _ in found] == ["Добрый", "Добрый", "Начнем", "Думаю,"]
    assert [speaker for _, speaker in found] == [
        "М. Петрова",
        "Игорь Соколов",
        "М. Петрова",
        "Игорь Соколов",
    ]


def test_a_name_in_capitals_with_a_role_before_the_colon_labels_a_turn(
    enrich: Enrich,
) -> None:
    text = (
        "Министр финансов ответил на вопросы нашего корреспондента.\n"
        "ИВАН СОКОЛОВ, министр финансов: Мы не будем повышать налоги в этом году.\n"
        "Корреспондент: А в следующем году?\n"
        "ИВАН СОКОЛОВ, министр финансов: Посмотрим по итогам года."
    )
    found = quotes_of(enrich, text)
    answers = [(quote.split()[0], speaker) for quote, speaker in found if quote[:1] != "А"]
    assert answers == [("Мы", "Иван Соколов"), ("Посмотрим", "Иван Соколов")]


def test_a_scoreline_or_one_dash_after_a_name_is_no_label(enrich: Enrich) -> None:
    text = (
        "ТОРПЕДО - СПАРТАК - 0:0\n\n"
        "А. Иванов – лучший игрок матча по оценке болельщиков.\n\n"
        "Команды сыграют снова через неделю."
    )
    assert quotes_of(enrich, text) == []


def test_a_heading_printed_twice_is_no_transcript_but_two_peoples_labels_are(
    enrich: Enrich,
) -> None:
    text = (
        "Дело Петрова: выбран новый состав присяжных\n\n"
        "Дело Петрова: выбран новый состав присяжных\n\n"
        "Иван Соколов: Во вторник в городском суде сформирована новая коллегия присяжных.\n\n"
        "Об этом деле мы поговорим с юристом Анной Смирновой.\n\n"
        "Анна Смирнова: Прежняя коллегия была распущена по закону."
    )
    assert quotes_of(enrich, text) == [
        ("Во вторник в городском суде сформирована новая коллегия присяжных.", "Иван Соколов"),
        ("Прежняя коллегия была распущена по закону.", "Анна Смирнова"),
    ]


def test_a_list_of_results_after_names_and_dashes_is_no_transcript(enrich: Enrich) -> None:
    text = (
        "Лучшие бомбардиры тура\n\n"
        "А. ИВАНОВ – 2 гола\n\n"
        "Б. ПЕТРОВ – 1 гол\n\n"
        "В. СИДОРОВ – 1 гол и 2 передачи"
    )
    assert quotes_of(enrich, text) == []
