"""Russian headline quotes (issue 11, session 6): a headline's quote that the story
repeats is the story's quote shown twice; one the story does not repeat is a quote.
Constructed sentences; the real pipeline (natasha, pymorphy3).
"""

from __future__ import annotations

from tests.core.russian_quotes_support import Enrich, quotes_of


def test_a_headline_quote_the_story_repeats_is_not_counted_twice(enrich: Enrich) -> None:
    text = (
        "Олег Лужный: «С приходом нового арбитра судейство стало еще хуже»\n"
        "Олег Лужный, главный тренер команды, после матча был лаконичен.\n"
        "- С приходом этого специалиста у нас судейство стало в два раза хуже. "
        "Я такого не понимаю."
    )
    found = quotes_of(enrich, text)
    assert [quote[:20] for quote, _ in found] == ["С приходом этого спе"]
    assert found[0][1] == "Олег Лужный"


def test_a_headline_quote_the_story_does_not_repeat_is_a_quote(enrich: Enrich) -> None:
    text = (
        "«Сидим без денег. Не можем привезти их из США». Первое интервью бойца после "
        "поражения\n"
        "— Сколько раз вы пересматривали бой?\n"
        "— Один раз. Больше не хочу."
    )
    found = quotes_of(enrich, text)
    assert found[0][0] == "«Сидим без денег. Не можем привезти их из США»"


def test_a_headline_printed_twice_is_no_repetition_by_the_story(enrich: Enrich) -> None:
    text = (
        "Министр: «Мы не будем впрыгивать на подножку чужого поезда»\n\n"
        "Министр: «Мы не будем впрыгивать на подножку чужого поезда»\n\n"
        "Министр выступил на конференции в Москве и рассказал о планах ведомства."
    )
    found = quotes_of(enrich, text)
    assert found and found[0][0].startswith("«Мы не будем впрыгивать")


def test_a_headline_that_is_only_a_quote_is_a_quote_of_the_leads_speaker(enrich: Enrich) -> None:
    text = (
        '"Мы не будем впрыгивать на подножку чужого поезда, идущего неизвестно куда"\n'
        'Замглавы МИД Сергей Рябков рассказал "Интерфаксу" о работе с партнерами.\n'
        "Отношения двух стран постепенно становятся спокойнее."
    )
    found = quotes_of(enrich, text)
    assert found[0] == (
        '"Мы не будем впрыгивать на подножку чужого поезда, идущего неизвестно куда"',
        "Сергей Рябков",
    )


def test_a_headline_quote_over_a_lead_where_nobody_speaks_has_no_speaker(
    enrich: Enrich,
) -> None:
    text = (
        "«Не хочешь носить маску, будь готов к худшему исходу болезни»\n"
        "Эпидемиолог рассказал об особенностях пандемии.\n"
        "В апреле мы встречались с главным эпидемиологом области."
    )
    found = quotes_of(enrich, text)
    assert found[0] == ("«Не хочешь носить маску, будь готов к худшему исходу болезни»", None)


def test_an_interviews_headline_quote_is_the_interviewees(enrich: Enrich) -> None:
    text = (
        "«Сидим без денег. Не можем привезти их из США». Первое интервью Петра Яна\n"
        "— Сколько раз вы пересматривали бой?\n"
        "— Один раз. Больше не хочу."
    )
    found = quotes_of(enrich, text)
    assert found[0][1] == "Пётр Ян"


def test_a_headline_naming_a_person_and_her_subject_quotes_her(enrich: Enrich) -> None:
    # The tagger reads the name opening the line as a man's genitive (Евгений Медведев).
    text = (
        "Фигурное катание\nЕвгения Медведева о том, почему не звала на интервью "
        "Тутберидзе: «Каждому гостю — свое время»\n"
        "Двукратная чемпионка мира ведет собственное шоу."
    )
    assert quotes_of(enrich, text)[0][1] == "Евгения Медведева"
    text = "Иван Петров — о работе Сергея Смирнова: «Он хорошо справляется»\nШоу идет год."
    assert quotes_of(enrich, text)[0][1] == "Иван Петров"


def test_quotes_under_numbered_headings_naming_people_are_theirs(enrich: Enrich) -> None:
    text = (
        "Откровения тура\n"
        '1. Виктор Прокопенко, главный тренер "Динамо"\n'
        "СПАРТАК - ДИНАМО - 0:1\n"
        '(На вопрос о втором тайме.) "В перерыве у нас состоялся серьезный разговор."\n'
        '2. Виталий Шевченко, главный тренер "Сатурна"\n'
        "ЗЕНИТ - САТУРН - 2:1\n"
        '"Хорошую игру команды свели на нет два промаха нападающих."\n'
    )
    assert [speaker for _, speaker in quotes_of(enrich, text)] == [
        "Виктор Прокопенко",
        "Виталий Шевченко",
    ]


def test_a_quote_opening_a_headline_before_a_colon_is_the_leads_speakers(
    enrich: Enrich,
) -> None:
    text = (
        "«Оплеуха для нас»: главный тренер «Спартака» прокомментировал поражение\n"
        "Главный тренер «Спартака» Иван Петров в четверг прокомментировал игру с «Ротором». "
        "Наставник отметил, что команда рано начала радоваться."
    )
    assert quotes_of(enrich, text) == [("«Оплеуха для нас»", "Иван Петров")]


def test_a_headline_quote_the_story_repeats_is_counted_once(enrich: Enrich) -> None:
    text = (
        "«Мы готовы ко всему»: Иван Петров о предстоящем матче\n"
        "«Мы готовы ко всему, соперник сильный, но и мы не слабее», — сказал тренер "
        "«Спартака» Иван Петров."
    )
    assert [quote[:12] for quote, _ in quotes_of(enrich, text)] == ["«Мы готовы к"]
