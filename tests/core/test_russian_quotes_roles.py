"""Russian quotes attributed to a role noun (``— сказал аналитик``): who it means
(issue 11, session 6). Constructed sentences; the real pipeline (natasha, pymorphy3).
"""

from __future__ import annotations

from tests.core.russian_quotes_support import Enrich, quotes_of


def test_a_role_means_the_one_person_named_so_far(enrich: Enrich) -> None:
    # A foreign first name tells no gender; he is the only person named.
    text = (
        "Спад экономики оценивается в десять раз меньше, заявил доцент университета "
        "Илмари Кяихке в беседе с газетой.\n"
        "«Мы все еще говорим о четырех процентах», — сказал аналитик."
    )
    speaker = quotes_of(enrich, text)[0][1]
    # Him, whatever the dictionary makes of a foreign surname's nominative.
    assert speaker is not None and speaker.startswith("Илмари Кяихк")


def test_a_role_at_the_start_of_an_excerpt_means_the_one_person_it_names(
    enrich: Enrich,
) -> None:
    text = (
        '"Сегодня на заседании обсудим наш законопроект", – написал политик в своем '
        "канале.\nТакже он предложил включить проект в повестку.\n"
        '"Это вопрос нашей безопасности", – подчеркнул Пискарев.'
    )
    assert [speaker for _, speaker in quotes_of(enrich, text)] == ["Пискарёв", "Пискарёв"]


def test_a_role_does_not_mean_the_only_person_of_the_other_gender(enrich: Enrich) -> None:
    text = "Об этом рассказал Иван Петров.\n«Мы все проверили», — сказала журналистка."
    assert quotes_of(enrich, text)[0][1] != "Иван Петров"


def test_a_womans_form_of_the_role_means_the_one_introduced_with_it(enrich: Enrich) -> None:
    # ``не Собчак`` (negated) is no subject speaking since.
    text = (
        "Телеведущая и блогер Алена Водонаева резко высказалась о Ксении Собчак.\n\n"
        "«Эта история на ее ответственности», — заявила Водонаева.\n\n"
        "Она отметила, что в деле фигурирует не Собчак, но вопросы остаются.\n\n"
        "«Она очень нехороший человек», — заключила блогерша."
    )
    speakers = [speaker for _, speaker in quotes_of(enrich, text)]
    assert [(s or "").replace("ё", "е") for s in speakers] == ["Алена Водонаева"] * 2


def test_a_representative_is_the_spokesman_not_the_head_a_headline_names(
    enrich: Enrich,
) -> None:
    text = (
        "Песков: весь мир должен слышать Путина\n\n"
        "Представитель Кремля прокомментировал присутствие иностранной прессы\n\n"
        "Россия заинтересована в том, чтобы мир слышал президента. Так пресс-секретарь "
        "российского лидера Дмитрий Песков прокомментировал журналистам работу прессы.\n\n"
        '"Нам нужно заниматься своими делами. Поэтому их журналисты здесь", - отметил '
        "представитель Кремля."
    )
    assert quotes_of(enrich, text)[-1][1] == "Дмитрий Песков"


def test_an_indeclinable_surname_after_a_genitive_first_name_is_no_subject(
    enrich: Enrich,
) -> None:
    text = (
        "Адвокат Оксана Соколовская намерена обжаловать приговор.\n"
        "Соколовская сказала, что видит связь с приговором Надежды Савченко.\n"
        '"Я думаю, скоро мы увидим решение", - подчеркнула адвокат, очевидно имея в виду '
        "обмен Савченко."
    )
    assert quotes_of(enrich, text)[-1][1] == "Оксана Соколовская"


def test_the_outlet_after_correspondent_is_no_one_a_pronoun_means(enrich: Enrich) -> None:
    text = (
        "Адвокат Оксана Соколовская намерена обжаловать приговор. Об этом она заявила "
        "журналистам, сообщает корреспондент Укринформа.\n"
        '"Приговор, скорее всего, будем обжаловать", - сказала она.'
    )
    assert quotes_of(enrich, text)[-1][1] == "Оксана Соколовская"


def test_a_pronoun_far_from_the_only_name_means_that_person(enrich: Enrich) -> None:
    long_quote = " ".join(["Два прошедших года закончились вот этим."] * 16)
    text = (
        "Галина Тимченко заявила, что хотела уйти из «Медузы»\n"
        "По ее словам, в январе у нее случился инсульт. После этого она пережила две "
        "операции.\n"
        f"«В больнице я смотрела в окно и думала. {long_quote}», — написала она."
    )
    assert quotes_of(enrich, text)[-1][1] == "Галина Тимченко"


def test_the_author_of_a_comment_is_named_after_his_title(enrich: Enrich) -> None:
    text = (
        "В МИД назвали бредом обвинения советника министра Антона Геращенко.\n\n"
        "«Заявление помощника главы МВД Антона Геращенко абсурдно», — говорится в "
        "комментарии омбудсмена МИД РФ Константина Долгова на сайте ведомства."
    )
    assert quotes_of(enrich, text)[-1][1] == "Константин Долгов"


def test_a_particle_opening_what_was_said_is_no_source(enrich: Enrich) -> None:
    text = (
        "Обвинения выдвинули в августе. Тогда украинская спецслужба заявила, мол глава "
        "региона якобы совершал «военные преступления»."
    )
    speaker = quotes_of(enrich, text)[0][1]
    assert speaker is None or not speaker.startswith("мол")


def test_a_capitalised_role_is_no_name(enrich: Enrich) -> None:
    # Whatever the tagger makes of ``Президент`` opening a sentence, it names nobody.
    text = (
        "Касым-Жомарт Токаев дал интервью газете.\n"
        "Президент подчеркнул, что встречи носят неофициальный характер.\n"
        '"Этот момент подчеркивает и российская сторона", - сказал Президент.'
    )
    assert "Президент" not in [speaker for _, speaker in quotes_of(enrich, text)]


def test_a_role_means_the_person_introduced_in_it_not_one_named_since_with_another_title(
    enrich: Enrich,
) -> None:
    text = (
        "Министр просвещения Сергей Кравцов доложил о подготовке к экзаменам.\n\n"
        "Президент Владимир Петров провел совещание с членами правительства.\n\n"
        "«Подготовка идет в штатном режиме, все ведомства работают по плану», — отметил "
        "министр."
    )
    assert quotes_of(enrich, text)[-1][1] == "Сергей Кравцов"


def test_a_first_name_that_tells_no_gender_may_be_the_womans_role(enrich: Enrich) -> None:
    text = (
        "Заслуженный тренер Этери Сванидзе похвалила американскую фигуристку.\n"
        "Российская фигуристка Анна Петрова заняла шестое место.\n"
        "Тренер подчеркнула, что спортсменки «работают без выходных и без радости»."
    )
    assert quotes_of(enrich, text)[-1] == (
        "«работают без выходных и без радости»",
        "Этери Сванидзе",
    )


def test_an_outlet_in_the_dative_after_the_role_heard_the_words(enrich: Enrich) -> None:
    text = (
        "Полиция задержала муниципального депутата Ивана Смирнова на акции в центре города.\n"
        "«Да, задержан. Сидим в автобусе, пока никуда не везут», — рассказал депутат "
        "«Известиям»."
    )
    assert quotes_of(enrich, text)[-1][1] == "Иван Смирнов"


def test_an_indeclinable_surname_after_a_first_name_in_the_genitive_is_no_subject(
    enrich: Enrich,
) -> None:
    text = (
        "Депутат Олег Сидоренко пришел на акцию с портретом Бориса Романченко.\n"
        "«Мы пришли почтить память всех погибших», — сказал депутат."
    )
    assert quotes_of(enrich, text)[-1][1] == "Олег Сидоренко"


def test_a_pronoun_means_the_main_clauses_subject_not_a_name_in_what_was_reported(
    enrich: Enrich,
) -> None:
    text = (
        "Политолог Алексей Иванов не опроверг информацию о том, что министр Петр Сидоров "
        "уходит в отставку. «Ребята, соберитесь, впереди много работы», — написал он в своем "
        "канале."
    )
    assert quotes_of(enrich, text)[-1][1] == "Алексей Иванов"


def test_a_role_noun_of_either_gender_means_the_person_whatever_the_verbs_gender(
    enrich: Enrich,
) -> None:
    text = (
        "Губернатор области Олег Сидоров проверил ход ремонта дорог.\n\n"
        "«Пообщался с дорожниками, все работы будут выполнены в срок», — подчеркнула глава "
        "региона."
    )
    assert quotes_of(enrich, text)[-1][1] == "Олег Сидоров"


def test_she_may_mean_a_woman_whose_first_name_tells_no_gender(enrich: Enrich) -> None:
    text = (
        "Фигуристка Анна Петрова заняла шестое место. Тренер Этери Сванидзе вышла к "
        "журналистам после проката Петровой. Министр спорта Олег Сидоров поздравил "
        "победителей. «Мы довольны, но работы много», — сказала она."
    )
    assert quotes_of(enrich, text)[-1][1] == "Этери Сванидзе"


def test_a_statement_with_no_author_named_is_the_organisation_quoted_before(
    enrich: Enrich,
) -> None:
    text = (
        "«Любые попытки вернуть республику являются бесперспективными», — заявил МИД "
        "Абхазии.\nВ Сухуме подчеркивают, что республика является независимым государством.\n"
        "«Народ сделал свой окончательный выбор», — говорится в комментарии."
    )
    first, second = (speaker for _, speaker in quotes_of(enrich, text))
    assert first is not None and first.startswith("МИД")
    assert second == first
