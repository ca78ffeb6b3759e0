"""The Russian pipeline: natasha's model on real sentences, names in the nominative,
Russian quote forms, dispatch by language and one entity across scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ossetia_reader.core.article import Article
from ossetia_reader.core.enrich import pipeline
from ossetia_reader.core.enrich.russian.morph import nominative
from ossetia_reader.core.enrich.russian.ner import load_russian_ner
from ossetia_reader.core.enrich.russian.quotes import find_quotes
from ossetia_reader.core.enrich.russian.stems import stem
from ossetia_reader.core.library import Library


@pytest.fixture(scope="module")
def enrich() -> object:
    if load_russian_ner() is None:  # a required dependency: this should never skip
        pytest.skip("natasha's model is not installed")
    from ossetia_reader.core.enrich.russian.enrich import enrich_russian

    return enrich_russian


def run(
    enrich: object, text: str
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str | None]]]:
    assert callable(enrich)
    ((entities, quotes),) = enrich([text])
    return (
        [(e.text, e.type, e.canonical) for e in entities],
        [(q.text, q.speaker) for q in quotes],
    )


@pytest.mark.parametrize(
    ("name", "label", "before", "expected"),
    [
        ("Дмитрия Пескова", "PER", "", "Дмитрий Песков"),
        ("Марии Захаровой", "PER", "", "Мария Захарова"),
        ("Владимиром Путиным", "PER", "", "Владимир Путин"),
        ("Пескову", "PER", "", "Песков"),
        ("Анатолия Бибилова", "PER", "", "Анатолий Бибилов"),
        ("Шойгу", "PER", "", "Шойгу"),
        ("Цхинвале", "LOC", "в ", "Цхинвал"),
        ("Южной Осетии", "LOC", "", "Южная Осетия"),
        ("Москве", "LOC", "в ", "Москва"),
        ("Министерства обороны России", "ORG", "", "Министерство обороны России"),
        ("МИДа", "ORG", "", "МИД"),
        ("США", "LOC", "", "США"),
    ],
)
def test_names_in_the_nominative(name: str, label: str, before: str, expected: str) -> None:
    assert nominative(name, label, before) == expected


def test_stems_see_through_case_endings() -> None:
    assert stem("Пескова") == stem("Песковым") == stem("Песков")
    assert stem("Путину") != stem("Песков")


def test_model_tags_real_sentences(enrich: object) -> None:
    entities, _ = run(
        enrich,
        "Пресс-секретарь президента России Дмитрий Песков заявил, что в Цхинвале всё "
        "спокойно. Позже слова Пескова подтвердили в МИД Южной Осетии.",
    )
    assert ("Дмитрий Песков", "PER", "Дмитрий Песков") in entities
    assert ("Пескова", "PER", "Дмитрий Песков") in entities, "a surname is linked to the full name"
    assert ("Цхинвале", "LOC", "Цхинвал") in entities
    assert ("России", "LOC", "Россия") in entities
    assert all(kind in {"PER", "LOC", "ORG"} for _, kind, _ in entities)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("«Мы не готовы к переговорам», — сказал Дмитрий Песков.", "«Мы не готовы к переговорам»",
         "Дмитрий Песков"),
        ("«Это провокация», — говорится в заявлении МИД России.", "«Это провокация»", "МИД"),
        ("Дмитрий Песков заявил: «Кремль не будет это комментировать».",
         "«Кремль не будет это комментировать»", "Дмитрий Песков"),
        ("По словам Марии Захаровой, «ситуация остается напряженной».",
         "«ситуация остается напряженной»", "Мария Захарова"),
        ("Как сообщил глава республики Анатолий Бибилов, «референдум пройдет летом».",
         "«референдум пройдет летом»", "Анатолий Бибилов"),
        ("«Первое, — сказал Дмитрий Песков. — Второе и третье».",
         "«Первое, — сказал Дмитрий Песков. — Второе и третье»", "Дмитрий Песков"),
        ("— Мы не знаем, что будет дальше, — признался Сергей Собянин.",
         "Мы не знаем, что будет дальше", "Сергей Собянин"),
        ("«Это «Газпром» решает», — сказал Алексей Миллер.", "«Это «Газпром» решает»",
         "Алексей Миллер"),
        ("«Мы не согласны с решением суда», — рассказал «Медузе» Иван Голунов.",
         "«Мы не согласны с решением суда»", "Иван Голунов"),
        ("Об этом «Медузе» рассказал Иван Голунов: «Мы не согласны с решением суда».",
         "«Мы не согласны с решением суда»", "Иван Голунов"),
    ],
)  # fmt: skip
def test_russian_quote_forms(enrich: object, text: str, quote: str, speaker: str) -> None:
    _, quotes = run(enrich, text)
    assert quotes == [(quote, speaker)]


def test_quotes_over_paragraphs_and_pronouns(enrich: object) -> None:
    text = (
        "Дмитрий Песков заявил: «Мы будем следить за ситуацией.\n\n"
        "«Никаких решений пока нет».\n\n"
        "«Нет», — ответил он на вопрос о санкциях."
    )
    _, quotes = run(enrich, text)
    assert [speaker for _, speaker in quotes] == ["Дмитрий Песков", "Дмитрий Песков"]
    assert quotes[0][0].endswith("нет»"), "the open quote continues into the next paragraph"


def test_titles_in_guillemets_are_not_quotes(enrich: object) -> None:
    entities, quotes = run(
        enrich, "Компания «Газпром» и «Новая газета» обсуждают сделку. Фильм «Брат» вышел в 1997."
    )
    assert quotes == []
    assert ("Газпром", "ORG", "Газпром") in entities


def test_interview_turns(enrich: object) -> None:
    text = (
        "Иван Голунов ответил на вопросы «Медузы».\n\n— Почему вы ушли из журналистики?\n\n"
        "— Я устал от этой работы."
    )
    _, quotes = run(enrich, text)
    assert quotes == [
        ("Почему вы ушли из журналистики?", None),
        ("Я устал от этой работы.", "Иван Голунов"),
    ]


def test_plain_find_quotes_needs_no_model() -> None:
    quotes = find_quotes("«Нет», — ответил он.")
    assert [(q.text, q.speaker) for q in quotes] == [("«Нет»", None)]


def test_dispatch_by_language(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []

    def fake_russian(texts: list[str]) -> list[tuple[tuple[()], tuple[()]]]:
        calls.append(texts)
        return [((), ()) for _ in texts]

    import ossetia_reader.core.enrich.russian.enrich as russian

    monkeypatch.setattr(russian, "enrich_russian", fake_russian)
    ru = Article(id="ru", title="Песков", body="Дмитрий Песков заявил, что Кремль не готов.")
    uk = Article(id="uk", title="Зеленський", body="Президент заявив, що Київ готовий.")
    en = Article(id="en", title="Kremlin", body="The Kremlin said Dmitry Peskov was not ready.")
    bg = Article(id="bg", title="София", body="София Петрова Иванова Георгиева Стоянова")
    ukrainian_calls: list[list[str]] = []

    def fake_ukrainian(texts: list[str]) -> list[tuple[tuple[()], tuple[()]]]:
        ukrainian_calls.append(texts)
        return [((), ()) for _ in texts]

    import ossetia_reader.core.enrich.russian.ukrainian as ukrainian

    monkeypatch.setattr(ukrainian, "enrich_ukrainian", fake_ukrainian)
    results = pipeline.enrich_articles([ru, uk, en, bg], use_model=False)
    assert calls == [[ru.body]], "only the Russian article goes to the Russian pipeline"
    assert ukrainian_calls == [[uk.body]], "Ukrainian goes to its own dictionary rules"
    assert results[1] == ((), ()), "Ukrainian never goes to a Russian or English tagger"
    assert any(e.text == "Dmitry Peskov" for e in results[2][0])
    assert results[3] == ((), ()), "Cyrillic of unknown language gets no English tagger"


def test_one_person_across_scripts(enrich: object, tmp_path: Path) -> None:
    from ossetia_reader.core.enrich.views import entity_counts

    library = Library(tmp_path)
    library.add(
        [
            Article(id="ru", title="Песков", body="Дмитрий Песков заявил, что Кремль не готов."),
            Article(id="en", title="Kremlin", body="Dmitry Peskov said the Kremlin was not ready."),
        ]
    )
    pipeline.enrich_pending(library, use_model=False)
    people = [c for c in entity_counts(library, limit=50) if c.type == "PER"]
    assert [(c.canonical, c.articles) for c in people] == [("dmitri peskov", 2)]


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("Дмитрий Песков", "Dmitry Peskov"),
        ("Алексей Навальный", "Alexei Navalny"),
        ("Борис Ельцин", "Boris Yeltsin"),
        ("Александр Лукашенко", "Alexander Lukashenko"),
        ("Фёдор Достоевский", "Fyodor Dostoyevsky"),
        ("Ксения Собчак", "Xenia Sobchak"),
        ("Евгений Пригожин", "Yevgeny Prigozhin"),
    ],
)
def test_one_key_across_scripts(russian: str, english: str) -> None:
    from ossetia_reader.core.enrich.canonical import canonical_key

    assert canonical_key(russian) == canonical_key(english)


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("Юлия Навальная", "Alexei Navalny"),
        ("Андрей Медведев", "Dmitry Medvedev"),
        ("Анна Лаврова", "Sergei Lavrov"),
        ("Пётр Порошенко", "Peter Poroshenko"),
        ("Михаил Горбачёв", "Michael Gorbachev"),
    ],
)
def test_different_people_are_never_merged(russian: str, english: str) -> None:
    from ossetia_reader.core.enrich.canonical import canonical_key

    assert canonical_key(russian) != canonical_key(english)


def test_patronymics_and_brackets_leave_the_canonical_name(enrich: object) -> None:
    entities, _ = run(
        enrich,
        "Мэр Москвы Сергей Семёнович Собянин встретился с [президентом Владимиром] Путиным.",
    )
    canonicals = {canonical for _, kind, canonical in entities if kind == "PER"}
    assert "Сергей Собянин" in canonicals
    assert all("[" not in name and "]" not in name for name in canonicals)


@pytest.mark.parametrize(
    "text",
    [
        "«" * 3000,
        "»" * 3000,
        "— " * 2000,
        "— а, — сказал он.\n" * 200,
        "«Да, — сказал Песков. — Нет» " * 100,
        "Песков \ud800 заявил: «да»",
        "\u00a0\u00a0" * 1000 + "«а»",
        "Песков заявил: «" * 200,
        "[Путин] " * 300,
        "„" * 500 + "“" * 500,
    ],
    ids=lambda text: f"{len(text)}-chars-{text[:3]!r}",
)
def test_hostile_text_never_breaks_the_russian_pipeline(enrich: object, text: str) -> None:
    assert callable(enrich)
    ((entities, quotes),) = enrich([text])
    for item in (*entities, *quotes):
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start : item.end] == item.text


def test_dialogue_run_together_in_one_paragraph(enrich: object) -> None:
    # Meduza's flattened bodies: turns follow sentences; a dash before a lower-case
    # verb is the attribution, and a dash inside a sentence is punctuation.
    _, quotes = run(
        enrich,
        "Фермер Герман Стерлигов встречал посетителей. — У меня один сын. Этого мало? — "
        "спросил мужчина. — Жена беременна? — ответил Стерлигов. Итог прост — никто не ушел.",
    )
    assert quotes == [
        ("У меня один сын. Этого мало?", "мужчина"),
        ("Жена беременна?", "Герман Стерлигов"),
    ]


def test_partial_quotes_through_reported_speech(enrich: object) -> None:
    # The shape of Meduza's "X сказал «Медузе», что … «…» и … «…»: это «…»".
    text = (
        "Декан факультета Александр Аузан сказал «Медузе», что Петров участвовал в проекте "
        "только на «первом этапе» и в «основную группу» не входил: это «внутренний документ», "
        "и Петров его не видел."
    )
    _, quotes = run(enrich, text)
    assert quotes == [
        ("«первом этапе»", "Александр Аузан"),
        ("«основную группу»", "Александр Аузан"),
        ("«внутренний документ»", "Александр Аузан"),
    ]


def test_directive_verb_takes_a_partial_quote(enrich: object) -> None:
    text = (
        "Премьер-министр Дмитрий Медведев поручил правительству убрать средство из продажи "
        "либо «поставить его оборот под контроль»."
    )
    _, quotes = run(enrich, text)
    assert quotes == [("«поставить его оборот под контроль»", "Дмитрий Медведев")]


def test_short_guillemets_without_speech_are_not_quotes(enrich: object) -> None:
    # A document's words after указывает, a fact "по данным" a source, a capitalised title.
    text = (
        "Дом, который Рамзан Кадыров указывает в своей декларации, стоит у въезда в "
        "«центр культуры и досуга». По данным налоговой службы, здесь много "
        "«фирм-однодневок». Дмитрий Медведев посетил выставку «Новая Москва» и уехал."
    )
    _, quotes = run(enrich, text)
    assert quotes == []


def test_reported_clause_is_not_a_source_phrase() -> None:
    quotes = find_quotes("В мэрии сказали, что власти «готовы продолжать работу с ними».")
    assert [(q.text, q.speaker) for q in quotes] == [("«готовы продолжать работу с ними»", None)]


def test_speaker_named_in_the_next_sentence(enrich: object) -> None:
    text = (
        "«Если в таком тоне вы будете разговаривать, ничего не получите!» Так отвечал "
        "губернатор Самарской области Николай Меркушкин жителям города."
    )
    _, quotes = run(enrich, text)
    assert quotes == [
        ("«Если в таком тоне вы будете разговаривать, ничего не получите!»", "Николай Меркушкин")
    ]


def test_more_cue_verbs_and_a_nominative_speaker_after_the_verb(enrich: object) -> None:
    text = (
        "«Они нас вышибли из офиса», — пояснял Герман Стерлигов. Музей Зои Космодемьянской — "
        "пилотный проект, подтвердил Владимир Мединский: «Нужен план развития территории»."
    )
    _, quotes = run(enrich, text)
    assert quotes == [
        ("«Они нас вышибли из офиса»", "Герман Стерлигов"),
        ("«Нужен план развития территории»", "Владимир Мединский"),
    ]
