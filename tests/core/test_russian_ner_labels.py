"""Session 7's span rules over natasha's Russian tagger (core/enrich/russian/pipeline.py):
transcript labels in capitals, common words where a sentence or a reply starts, people
a street is named after, two full names run together. ``correct`` takes the model's
spans, so each test gives it the spans the model produces for such text (sentences
written for these tests) and needs no model."""

from __future__ import annotations

from ossetia_reader.core.enrich.russian.pipeline import correct

Span = tuple[int, int, str]


def at(text: str, surface: str, label: str, occurrence: int = 0) -> Span:
    """The span of the ``occurrence``-th ``surface`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return (start, start + len(surface), label)


def named(text: str, result: list[Span]) -> set[tuple[str, str]]:
    return {(text[start:end], label) for start, end, label in result}


def test_transcript_labels_in_capitals_are_people() -> None:
    text = (
        "М. ГАНАПОЛЬСКИЙ – 10.35. Продолжаем, у нас гость.\n\n"
        "Т. ФЕЛЬГЕНГАУЭР - Доброе утро.\n\n"
        "Т. ФЕЛЬГЕНГАУЭР: Начнём с новостей."
    )
    result = named(text, correct(text, []))
    assert result == {("М. ГАНАПОЛЬСКИЙ", "PER"), ("Т. ФЕЛЬГЕНГАУЭР", "PER")}
    assert len(correct(text, [])) == 3


def test_first_name_and_surname_in_capitals_before_a_caption_comma() -> None:
    text = "Сюжет о переговорах.\nРАДОСЛАВ СИКОРСКИЙ, министр иностранных дел Польши: Я знал."
    assert ("РАДОСЛАВ СИКОРСКИЙ", "PER") in named(text, correct(text, []))
    # The model reads the capitals as an organisation: the name's own extent gives way.
    found = [at(text, "РАДОСЛАВ СИКОРСКИЙ", "ORG"), at(text, "Польши", "LOC")]
    assert named(text, correct(text, found)) == {
        ("РАДОСЛАВ СИКОРСКИЙ", "PER"),
        ("Польши", "LOC"),
    }


def test_capital_words_that_are_no_name_make_no_label() -> None:
    text = "ВНИМАНИЕ ВСЕМ: эфир переносится.\nЦ. НАТО: заседание отложено."
    assert named(text, correct(text, [])) == set()


def test_an_initial_joins_a_surname_in_capitals_the_model_found() -> None:
    text = "Е. БУНТМАН: Добрый день.\nВ. ВАРФОЛОМЕЕВ: Он мне протягивает этот рулон."
    found = [at(text, "Е. БУНТМАН", "PER"), at(text, "ВАРФОЛОМЕЕВ", "PER")]
    assert ("В. ВАРФОЛОМЕЕВ", "PER") in named(text, correct(text, found))


def test_an_adjective_opening_a_heading_is_no_person() -> None:
    text = "Токаев о парламентской реформе\nКазахский контент стал ближе к зрителям."
    assert named(text, correct(text, [at(text, "Казахский", "PER")])) == set()


def test_an_adjectival_surname_the_article_names_in_full_stays() -> None:
    text = "Анна Бутырская рассказала о гараже. Бутырской позвонили знакомые."
    found = [at(text, "Анна Бутырская", "PER"), at(text, "Бутырской", "PER")]
    assert ("Бутырской", "PER") in named(text, correct(text, found))


def test_a_reply_after_a_transcript_label_is_no_person() -> None:
    text = "Александр Денисов: Да. В вашем регионе уже началась вакцинация?"
    found = [at(text, "Александр Денисов", "PER"), at(text, "Да", "PER")]
    assert named(text, correct(text, found)) == {("Александр Денисов", "PER")}


def test_a_name_after_a_list_heading_colon_stays() -> None:
    text = "Вратари: Уорд — Набоков."
    found = [at(text, "Уорд", "PER"), at(text, "Набоков", "PER")]
    assert ("Уорд", "PER") in named(text, correct(text, found))


def test_the_person_a_street_is_named_after_is_no_mention() -> None:
    text = "Задержанных довезли до улицы Александра Солженицына и отпустили."
    assert named(text, correct(text, [at(text, "Александра Солженицына", "PER")])) == set()


def test_a_person_after_a_named_street_is_a_mention() -> None:
    text = "Власти передали салон на Тверском бульваре Анатолию Малькову."
    found = [at(text, "Анатолию Малькову", "PER")]
    assert named(text, correct(text, found)) == {("Анатолию Малькову", "PER")}


def test_two_full_names_run_together_are_two_people() -> None:
    text = "На фото ученица Этери Тутберидзе Дина Хуснутдинова после проката."
    found = [at(text, "Этери Тутберидзе Дина Хуснутдинова", "PER")]
    assert named(text, correct(text, found)) == {
        ("Этери Тутберидзе", "PER"),
        ("Дина Хуснутдинова", "PER"),
    }


def test_a_guillemet_the_span_does_not_pair_is_left_out() -> None:
    text = (
        "Он стал соучредителем «Фонда содействия реновации», а позже РИА ФАН "
        "(«Федеральное агентство новостей») наняло его."
    )
    found = [
        at(text, "Фонда содействия реновации»", "ORG"),
        at(text, "«Федеральное агентство новостей", "ORG"),
    ]
    assert named(text, correct(text, found)) >= {
        ("Фонда содействия реновации", "ORG"),
        ("Федеральное агентство новостей", "ORG"),
    }


def test_a_quoted_name_keeps_its_own_guillemets() -> None:
    text = "На концерте ленинградского «Телевизора» было людно."
    found = [at(text, "Телевизора", "ORG")]
    assert ("ленинградского «Телевизора»", "ORG") in named(text, correct(text, found))


def test_a_pronoun_after_pri_is_no_body_the_organisation_answers_to() -> None:
    text = "Стоит отметить, что Bloomberg при этом ссылается на источники."
    found = [at(text, "Bloomberg", "ORG")]
    assert named(text, correct(text, found)) == {("Bloomberg", "ORG")}


def test_a_body_pri_another_is_one_organisation() -> None:
    text = "Об этом сообщил представитель Следственного комитета при прокуратуре Владимир Маркин."
    found = [at(text, "Следственного комитета", "ORG"), at(text, "Владимир Маркин", "PER")]
    result = named(text, correct(text, found))
    assert ("Следственного комитета при прокуратуре", "ORG") in result


def test_the_internet_and_a_lowercase_foreign_ministry_are_organisations() -> None:
    text = "Встреча прошла в миде Грузии. Запись разошлась через интернет, а потом и в Интернете."
    result = named(text, correct(text, []))
    assert result == {("миде", "ORG"), ("интернет", "ORG"), ("Интернете", "ORG")}


def test_the_library_lists_the_ministry_but_not_the_internet() -> None:
    from ossetia_reader.core.enrich.russian.entities import build_entities

    text = "Встреча прошла в миде Грузии. Запись разошлась через интернет."
    entities = build_entities(text, correct(text, [at(text, "Грузии", "LOC")]))
    assert {(e.text, e.canonical) for e in entities} == {("миде", "МИД"), ("Грузии", "Грузия")}


def test_a_surname_after_a_common_word_opening_a_heading_is_found_again() -> None:
    text = "Поиск убийц Анны Политковской затянулся.\n\nУбийство Политковской: выбран новый состав."
    found = [at(text, "Анны Политковской", "PER")]
    assert at(text, "Политковской", "PER", 1) in correct(text, found)


def test_a_surname_inside_a_longer_capitalised_name_is_not_split_out() -> None:
    text = "Пресс-секретарь Анна Смирнова выступила. Фонд Смирнова Поддержки основан давно."
    found = [at(text, "Анна Смирнова", "PER")]
    assert at(text, "Смирнова", "PER", 1) not in correct(text, found)


def test_a_place_the_model_took_for_a_person_is_a_place() -> None:
    text = "Губернатор связывал его с Кузбассом, а мэр Калинин спорил."
    found = [at(text, "Кузбассом", "PER"), at(text, "Калинин", "PER")]
    assert named(text, correct(text, found)) == {("Кузбассом", "LOC"), ("Калинин", "PER")}


def test_a_first_name_alone_is_the_person_named_in_full_with_it() -> None:
    text = "Мой гость — Роман Цымбалюк. Роман, в чём причина вашего отъезда?"
    found = [at(text, "Роман Цымбалюк", "PER")]
    assert at(text, "Роман", "PER", 1) in correct(text, found)


def test_a_first_name_two_people_share_stays_untagged() -> None:
    text = "Роман Цымбалюк и Роман Петров приехали. Роман, в чём причина?"
    found = [at(text, "Роман Цымбалюк", "PER"), at(text, "Роман Петров", "PER")]
    assert at(text, "Роман", "PER", 2) not in correct(text, found)


def test_a_name_keeps_the_type_the_article_mostly_gives_it() -> None:
    text = (
        "Мединский назначил нового директора. Позже Мединский уволил его. "
        "Об этом рассказал сам Мединский. Работы вёл Мединский лично."
    )
    found = [
        at(text, "Мединский", "PER"),
        at(text, "Мединский", "PER", 1),
        at(text, "Мединский", "PER", 2),
        at(text, "Мединский", "ORG", 3),
    ]
    assert {label for _, _, label in correct(text, found)} == {"PER"}


def test_a_name_in_quotation_marks_keeps_its_own_type() -> None:
    text = (
        "Алисы не было дома. Алисы хватились к вечеру, у Алисы был выходной. "
        "Представителя «Алисы» найти не удалось."
    )
    found = [
        at(text, "Алисы", "PER"),
        at(text, "Алисы", "PER", 1),
        at(text, "Алисы", "PER", 2),
        at(text, "Алисы", "ORG", 3),
    ]
    assert at(text, "Алисы", "ORG", 3) in correct(text, found)


def test_a_transcript_label_run_into_the_reply_loses_the_reply_word() -> None:
    text = (
        "Вопросы можно присылать.\n\nД. Борисов Да, уже сейчас.\n\nМун Чжэ Ин, президент, приехал."
    )
    found = [at(text, "Д. Борисов Да", "PER"), at(text, "Мун Чжэ Ин", "PER")]
    assert named(text, correct(text, found)) == {("Д. Борисов", "PER"), ("Мун Чжэ Ин", "PER")}
