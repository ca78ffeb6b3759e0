"""One person across scripts: ``Алексей Навальный`` is ``Alexei Navalny``.

The library keys entities by ``canonical_key`` (canonical.py), which
romanises Cyrillic, so most names meet by themselves (``Дмитрий Песков`` and
``Dmitry Peskov`` are both ``dmitri peskov``). What romanisation cannot see
are the English conventions that are not transliteration; ``fold_word`` is
applied to every word of a key to fold those too:

- ``x`` is ``кс`` (Alexei/Алексей, Maxim/Максим, Xenia/Ксения);
- a ``ye``/``ie`` glide at the start of a word or after a vowel is the
  Russian ``е`` (Yeltsin/Ельцин, Yevgeny/Евгений, Andreyev/Андреев);
- a few first names English spells its own way (Alexander/Александр,
  Fyodor/Фёдор, Pyotr/Пётр, Semyon/Семён, Artyom/Артём).

Nothing else is folded: different first names stay different (``Юлия
Навальная`` is not ``Alexei Navalny``), and the first-name table lists
spellings of one name only, never translations (Peter is not Пётр, Michael
is not Михаил): a wrong merge is worse than two rows.
"""

from __future__ import annotations

import re

_GLIDE = re.compile(r"(?:^|(?<=[aeiou]))ie")
# Spellings of one first name, after canonical_key's y -> i and x -> ks folding.
_FIRST_NAMES = {
    "aleksander": "aleksandr",
    "fiodor": "fedor",
    "piotr": "petr",
    "semion": "semen",
    "artiom": "artem",
    "aliona": "alena",
    "fiokla": "fekla",
}


def fold_word(word: str) -> str:
    """One word of a canonical key with the English-only conventions folded away."""
    if "x" in word:
        word = word.replace("x", "ks")
    if "ie" in word:
        word = _GLIDE.sub("e", word)
    return _FIRST_NAMES.get(word, word)


# -- evidence: two people of one name -------------------------------------------------
#
# Folding makes ``Александр Козлов`` (a Moscow United Russia official in Meduza) and
# ``Alexander Kozlov`` (the natural resources minister in the Kremlin's releases) one
# key; ``roles_before`` reads the roles a text gives a name, one of the kinds of evidence
# ``namesakes.one_person`` weighs before the library merges the two.

# Role words, Russian stems (matched at the start of a word) and English words, to one
# role each. Only roles a reader would tell people apart by: generic heads ("глава",
# "head") and words English news puts before everyone ("Mr", "President" of a meeting)
# are not listed, so they never contradict anything.
_RU_ROLES = {
    "министр": "minister", "вице-премьер": "deputy prime minister",
    "премьер": "prime minister", "губернатор": "governor", "мэр": "mayor",
    "посол": "ambassador", "посла": "ambassador", "послом": "ambassador",
    "пресс-секретар": "press secretary",
    "сенатор": "senator", "депутат": "lawmaker", "прокурор": "prosecutor",
    "генпрокурор": "prosecutor", "судь": "judge", "судья": "judge",
    "советник": "adviser", "помощник": "aide", "полпред": "envoy",
    "журналист": "journalist", "корреспондент": "journalist", "адвокат": "lawyer",
    "патриарх": "patriarch", "директор": "director", "председател": "chairman",
    "спикер": "speaker", "следовател": "investigator", "активист": "activist",
    "природных": "natural resources", "иностранных": "foreign", "обороны": "defence",
    "финансов": "finance", "здравоохранения": "health", "юстиции": "justice",
    "энергетики": "energy", "транспорта": "transport", "образования": "education",
    "просвещения": "education", "культуры": "culture", "сельского": "agriculture",
    "промышленности": "industry", "труда": "labour", "спорта": "sport",
    "чрезвычайным": "emergencies", "строительства": "construction",
}  # fmt: skip
_EN_ROLES = {
    "minister": "minister", "ministers": "minister", "governor": "governor",
    "mayor": "mayor", "ambassador": "ambassador", "press secretary": "press secretary",
    "spokesman": "press secretary", "senator": "senator", "lawmaker": "lawmaker",
    "deputy": "lawmaker", "mp": "lawmaker", "prosecutor": "prosecutor", "judge": "judge",
    "adviser": "adviser", "advisor": "adviser", "aide": "aide", "envoy": "envoy",
    "journalist": "journalist", "correspondent": "journalist", "reporter": "journalist",
    "lawyer": "lawyer", "patriarch": "patriarch", "director": "director",
    "chairman": "chairman", "chairwoman": "chairman", "chair": "chairman",
    "speaker": "speaker", "investigator": "investigator", "activist": "activist",
    "natural resources": "natural resources", "foreign": "foreign",
    "defence": "defence", "defense": "defence", "finance": "finance", "health": "health",
    "justice": "justice", "energy": "energy", "transport": "transport",
    "education": "education", "culture": "culture", "agriculture": "agriculture",
    "industry": "industry", "labour": "labour", "labor": "labour", "sport": "sport",
    "sports": "sport", "emergencies": "emergencies", "emergency": "emergencies",
    "construction": "construction",
}  # fmt: skip
# Roles of more than one English word, read before the single words.
_EN_PHRASES = {
    "deputy prime minister": "deputy prime minister", "vice premier": "deputy prime minister",
    "prime minister": "prime minister", "press secretary": "press secretary",
    "natural resources": "natural resources",
}  # fmt: skip
_PHRASE = re.compile(r"\b(?:" + "|".join(_EN_PHRASES) + r")\b")
_CLAUSE = re.compile(r"[.!?;,:\n()]|\s[—–-]\s")
_WORD = re.compile(r"[\w-]+")
_WINDOW = 120


def roles_before(text: str, start: int) -> frozenset[str]:
    """The roles the words right before a name at ``start`` give it, in its clause
    ("министр природных ресурсов Александр Козлов", "Minister of Natural Resources and
    Environment Alexander Kozlov"): up to the previous comma or sentence end, so one
    person's role in a list is not the next one's."""
    before = text[max(0, start - _WINDOW) : start]
    ends = [found.end() for found in _CLAUSE.finditer(before)]
    clause = before[ends[-1] if ends else 0 :].lower()
    roles = {_EN_PHRASES[phrase] for phrase in _PHRASE.findall(clause)}
    words = _WORD.findall(_PHRASE.sub(" , ", clause))
    for at, word in enumerate(words):
        if word in _EN_ROLES:
            if word == "deputy" and at + 1 < len(words) and words[at + 1] in _EN_ROLES:
                continue  # "Deputy Foreign Minister", "Deputy Director": no lawmaker
            roles.add(_EN_ROLES[word])
            continue
        for stem, role in _RU_ROLES.items():
            if word.startswith(stem) and (not stem.startswith("посл") or word == stem):
                roles.add(role)
                break
    return frozenset(roles)
