"""Russian interviews: who answers the dash turns (issue 11, session 6).

Constructed sentences, shaped like the interviews of Russian news sites: the person an
interview is with is the one the text names before the turns, in the gender the answers
speak in; a name the question mentions after a preposition is a third person; the answer
to a question asked "у X" is X's. They run the real pipeline (natasha, pymorphy3).
"""

from __future__ import annotations

from tests.core.russian_quotes_support import Enrich, quotes_of


def test_the_answers_gender_passes_over_a_bylines_name(enrich: Enrich) -> None:
    text = (
        "Автор: Петров\n"
        "Смирнова рассказала о своем новом шоу.\n\n"
        "— Кто-то отказывался прийти к вам?\n\n"
        "— Да, многие. Я сколько раз писала, а они отвечали: не сейчас.\n\n"
        "— Вы обижаетесь?\n\n"
        "— Нет. Я и сама отказывала."
    )
    found = quotes_of(enrich, text)
    answers = [speaker for quote, speaker in found if not quote.endswith("?")]
    assert answers == ["Смирнова", "Смирнова"]


def test_a_man_answering_keeps_the_man(enrich: Enrich) -> None:
    text = (
        "Главный тренер Иван Соколов ответил на вопросы журналистов.\n\n"
        "— Довольны игрой?\n\n"
        "— Я ждал большего. Я сказал ребятам об этом в перерыве.\n\n"
        "— А соперник?\n\n"
        "— Сильный, я так и думал."
    )
    found = quotes_of(enrich, text)
    assert [speaker for quote, speaker in found if not quote.endswith("?")] == [
        "Иван Соколов",
        "Иван Соколов",
    ]


def test_a_name_the_question_mentions_after_a_preposition_is_not_the_interviewee(
    enrich: Enrich,
) -> None:
    # The excerpt opens mid-interview, the first question run on after a date line.
    text = (
        "9 февраля 2026 — У вас и у Никиты Сергеевича был общий замысел?\n\n"
        "— Скорее нет. Режиссура целиком его.\n\n"
        "— И вы сразу согласились?\n\n"
        "— Сразу, мы давно работаем вместе."
    )
    found = quotes_of(enrich, text)
    assert [speaker for _, speaker in found][-3:] == [None, None, None]


def test_the_answer_to_a_question_asked_of_someone_is_theirs(enrich: Enrich) -> None:
    text = (
        "Владимир Путин оценил работу правительства.\n"
        "— Это хорошая оценка? — поинтересовался корреспондент газеты Олег Иванов "
        "у Владимира Путина.\n"
        "— Удовлетворительная. Многое можно было сделать быстрее, — заверил журналистов "
        "президент."
    )
    found = quotes_of(enrich, text)
    assert found[0] == ("Это хорошая оценка?", "Олег Иванов")
    assert found[1][1] == "Владимир Путин"


def test_the_first_turn_and_a_turn_addressing_the_interviewee_are_the_interviewers(
    enrich: Enrich,
) -> None:
    text = (
        "Мы поговорили с депутатом Сергеем Неверовым о выборах.\n"
        "— Сергей Иванович, скажу прямо: праймериз были похожи на сбор наказов.\n"
        "— Это не так. Люди приходили со своими вопросами.\n"
        "— Начнем тогда с бюджета.\n"
        "— С бюджетом все в порядке."
    )
    found = quotes_of(enrich, text)
    assert [speaker for _, speaker in found] == [
        None,
        "Сергей Неверов",
        "Сергей Неверов",
        "Сергей Неверов",
    ]


def test_an_intro_ending_with_a_colon_introduces_the_first_turn(enrich: Enrich) -> None:
    text = (
        "Главный тренер Андрей Кобелев после матча выразил мнение, что обе команды "
        "показали хороший футбол:\n\n"
        "– Я думаю, игра всем понравилась.\n\n"
        "– А судейство?\n\n"
        "– Без претензий."
    )
    found = quotes_of(enrich, text)
    assert [speaker for _, speaker in found] == ["Андрей Кобелев", None, "Андрей Кобелев"]


def test_a_quote_paragraph_after_a_paragraph_about_one_person_is_theirs(
    enrich: Enrich,
) -> None:
    text = (
        "Главный тренер клуба Вальдас Иванаускас прокомментировал победу над соперником.\n\n"
        "– Очень рад, что мы выиграли первую встречу в этом году. Ребята молодцы.\n\n"
        "Тамара Сидоренко, которая защищала кандидата, рассказывает, что адвокаты обычно "
        "готовят подзащитных. Однако в итоге обвиняемый пишет текст сам.\n\n"
        '"Раньше, когда были народные заседатели, все было иначе. Теперь нет."'
    )
    found = quotes_of(enrich, text)
    assert [speaker for _, speaker in found] == ["Вальдас Иванаускас", "Тамара Сидоренко"]


def test_a_question_turn_is_nobodys_even_after_a_paragraph_about_someone(
    enrich: Enrich,
) -> None:
    text = (
        "Главный тренер Олег Кононов оценил судейство в матче.\n\n"
        "– Как вам работа судьи? Коллега не понял решения арбитра.\n\n"
        "– Не хотел бы об этом говорить."
    )
    found = quotes_of(enrich, text)
    assert found[0][1] is None


def test_dash_turns_after_a_labelled_answer_are_that_persons_answers(enrich: Enrich) -> None:
    text = (
        "Гордон: Чем вы занимаетесь в министерстве? Олег Мартынов: Я отвечаю за связь "
        "с регионами. — Почему вы не поехали на саммит? — Я мог поехать, но в офисе было "
        "много дел."
    )
    found = quotes_of(enrich, text)
    assert found[-2:] == [
        ("Почему вы не поехали на саммит?", None),
        ("Я мог поехать, но в офисе было много дел.", "Олег Мартынов"),
    ]


def test_a_name_and_patronymic_is_the_person_named_in_full(enrich: Enrich) -> None:
    # The interviewee is named surname first; the interviewer's ``Сергей Васильевич``
    # (typed with a Latin C) is the same man.
    text = (
        "Маковецкий Сергей Васильевич\n\n"
        '"Я люблю стиль и комфорт", – признается известный артист.\n\n'
        "– Cергей Васильевич, судя по прессе, вы обласканы критикой?\n\n"
        "– Мне так не кажется. Я отношусь к критике спокойно."
    )
    speakers = [speaker for _, speaker in quotes_of(enrich, text)]
    assert speakers[0] == "Маковецкий Сергей Васильевич"
    assert speakers[-1] == "Маковецкий Сергей Васильевич"


def test_a_turn_interrupted_by_its_attribution_is_one_quote(enrich: Enrich) -> None:
    text = (
        "Три актера пробуют себя в режиссуре.\n"
        "- Дело в том, что эти повести были экспериментом, - поясняет главный режиссер "
        "театра Антон Безъязыков. – Они написаны в разных направлениях."
    )
    found = quotes_of(enrich, text)
    assert len(found) == 1
    assert found[0][0].startswith("Дело в том") and found[0][0].endswith("направлениях.")
    assert found[0][1] == "Антон Безъязыков"


def test_a_question_after_an_attributed_turn_is_another_quote(enrich: Enrich) -> None:
    text = (
        "Мы встретились в его офисе.\n"
        "— Я никого не боюсь, — говорит Герман Стерлигов. — А вы кто такой? Зачем пришли?"
    )
    found = quotes_of(enrich, text)
    assert [quote[:12] for quote, _ in found] == ["Я никого не ", "А вы кто так"]


def test_a_first_turn_answered_by_a_question_is_an_answer(enrich: Enrich) -> None:
    text = (
        "Мы поговорили с режиссером Иваном Соколовым о детстве.\n"
        "— Я родился в Москве и рано начал снимать.\n"
        "— А когда вы переехали?\n"
        "— В двухтысячном году."
    )
    assert [speaker for _, speaker in quotes_of(enrich, text)] == [
        "Иван Соколов",
        None,
        "Иван Соколов",
    ]


def test_a_question_after_a_turn_and_its_attribution_is_nobodys(enrich: Enrich) -> None:
    text = (
        "На границе меня остановили. — Это стандартная процедура, — отвечает силовик. — "
        "Мы их проверяем по базе. — Часто приезжают? — Да, в неделю два-три москвича."
    )
    found = quotes_of(enrich, text)
    assert ("Часто приезжают?", None) in found


def test_an_interview_opening_with_an_attributed_answer_is_with_that_person(
    enrich: Enrich,
) -> None:
    # ``адвокат Костомарова, Роман Абалакин``: the name after the comma is the lawyer's.
    text = (
        "— Павел уже сказал, что делу нанесен урон, — рассказал «МК» адвокат Костомарова, "
        "Роман Абалакин. — Достаточно сказать, что свидетели теперь боятся.\n"
        "— Даже о том, что не попало в кадр?\n"
        "— Да. Такие действия вообще запрещены."
    )
    speakers = [speaker for _, speaker in quotes_of(enrich, text)]
    assert speakers == ["Роман Абалакин", None, "Роман Абалакин"]


def test_a_question_under_a_speakers_label_line_is_the_askers(enrich: Enrich) -> None:
    text = (
        "Вашему вниманию послематчевая пресс-конференция.\n"
        "Мирча Луческу, главный тренер «Динамо»:\n"
        "— Второй матч подряд нападающий не попадает в состав. Почему так?\n"
        "— Ковид внес изменения во всё."
    )
    found = quotes_of(enrich, text)
    assert found[0][1] is None


def test_the_lead_in_sentences_subject_is_the_interviewee(enrich: Enrich) -> None:
    text = (
        "Суд признал уголовное дело законным. Жалобу подал заместитель главы управления "
        "Денис Орлов. По версии следствия, Орлов обещал развалить дело. Корреспондент радио "
        "Полина Смирнова рассказала подробности ведущему Юрию Абрамову.\n"
        "— Почему адвокаты считают дело незаконным?\n"
        "— Дело в том, что они считают, что этим делом должен заниматься другой орган."
    )
    assert quotes_of(enrich, text)[-1][1] == "Полина Смирнова"


def test_a_headline_says_who_answers_questions_printed_as_plain_lines(enrich: Enrich) -> None:
    text = (
        "Главный санитарный врач Иван Петров отвечает на неудобные вопросы читателей\n\n"
        "Журналистка Анна Смирнова задала Петрову несколько вопросов о вакцинации.\n\n"
        "Когда придет следующая партия вакцины?\n\n"
        "Реклама\n\n"
        "— Как только придет, мы сразу сообщим. Мы ожидаем поставки в апреле."
    )
    assert quotes_of(enrich, text)[-1] == (
        "Как только придет, мы сразу сообщим. Мы ожидаем поставки в апреле.",
        "Иван Петров",
    )


def test_a_remark_trailing_off_between_answers_is_the_interviewers(enrich: Enrich) -> None:
    text = (
        "Главный тренер Иван Соколов ответил на вопросы журналистов.\n"
        "— Как оцените судейство?\n"
        "— Мне нечего тут сказать, я тоже ничего не понял...\n"
        "— Показалось, что видеоповторы только мешали игре...\n"
        "— Я против видеоповторов. С ними теряется красота футбола."
    )
    assert [speaker for _, speaker in quotes_of(enrich, text)] == [
        None,
        "Иван Соколов",
        None,
        "Иван Соколов",
    ]


def test_the_lead_in_sentences_asker_is_not_the_interviewee(enrich: Enrich) -> None:
    text = (
        "Министр финансов Олег Сидоров провел пресс-конференцию. Сидоров рассказал о "
        "бюджете. Корреспондент радио Иван Петров спросил министра о налогах.\n"
        "— Будут ли повышены налоги?\n"
        "— Нет, в этом году мы не планируем их повышать."
    )
    assert quotes_of(enrich, text)[-1][1] == "Олег Сидоров"
