"""Who a speaker phrase stands for: a name, a role, a pronoun or a description.

The attribution of a quote gives a noun phrase next to the cue verb:
``Andriy Yermak``, ``the Head of State``, ``the Adviser to the Head of the
Office of the President``, ``he``, ``a senior official``. A speaker is a
person or an organisation, so the phrase is resolved:

- a name the tagger found as the phrase's head is the speaker (a person inside
  "the spokesman for X" is not); capitalised words the tagger missed
  ("…," Espinoza said) count too, unless they are a place or a role;
- a role ("the Head of State", "the Minister") goes to the person the article
  names with that title ("President of Ukraine Volodymyr Zelenskyy",
  "Yermak, Head of the Office of the President,"): the role's head noun must
  be the title's, every word of the role must be in the title, and a title's
  "Deputy", "First"… must be in the role, so "the Head" never becomes the
  Deputy Head. Among several holders the previous speaker wins if they hold
  it, else the first one named (a release names its own president first);
- "he"/"she" goes to a person who opened a sentence since the previous quote,
  else the previous speaker, else the last person named ("he" never to a
  name like Olena or Iryna; "she" to one when the text has one);
- a description ("a senior official", "the ministry", "an Iowa Democrat") is
  kept as written, in lower case (it is not a name, so the speaker lists do
  not count it); a role in title case that resolves to nobody ("the Head of
  State") gives no speaker;
- anything else (a sentence fragment, "I can", a place) gives no speaker:
  a quote without a speaker is better than one with a wrong one.

The English words are in ``english.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich import english, rules

SPEAKER_TYPES = ("PER", "ORG")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\w.-]*")
# (" - " too: the dash of a dateline, "PARIS - The group Greenpeace said".)
_CLAUSE_EDGE = re.compile(r"[;:()\[\]“”\"«»„—–\n]|[.!?](?=\s|$)|(?<=\s)-(?=\s)")
_AFTER_EDGE = re.compile(r"[,;:()\[\]“”\"«»„—–\n]|[.!?](?=\s|$)")
_TITLE_WORD = re.compile(r"[\w'’.-]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_MAX_PHRASE_WORDS = 14
_TITLE_LOOKBACK = 120
_PRONOUN_REACH = 5_000
_DESCRIPTION_WORDS = 8
# Reporting verbs in running text (lower case only: "United States" is no verb).
_REPORTING = re.compile(
    rf"(?<![-\w])(?:{'|'.join(sorted(english.CUE_VERBS, key=len, reverse=True))})\b"
)
_REPORT_REACH = 600
_INTRO_CLAUSE = 60
_ASKED = english.words("asked asks asking")
_MODIFIER_DETERMINERS = english.words("the a an his her their its our")
# What follows an inverted speaker ("said Ben Williams, of …", "…, noted NBC's Dante Chinni.").
_INVERTED_END = re.compile(r"\s*(?:[,.;:)]|$|(?:of|at|from|in|for|who|with)\b)")
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z])|\n")


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a phrase stands for: ``name`` None means "a speaker, but not known"."""

    name: str | None
    start: int
    end: int


_APPOSITION = re.compile(r",\s+(?:\d{1,3},|(?:a|an|the|who|whose|his|her)\s)")
_PERSON_VERB = re.compile(r"\s+(?:said|says|told|added|asked|explained|noted|wrote)\b")


class People:
    """Persons and organisations in text order, found by position in O(log n).

    An "organisation" right after a title ("President of Ukraine Volodymyr
    Zelenskyy") is a person the tagger mistyped, and is counted as one; a
    name's leading title word ("Ukraine Volodymyr Zelenskyy") and the name
    repeated by the Kremlin's pages ("Sergei Naryshkin Naryshkin Sergei…")
    are dropped from the canonical name a speaker gets.
    """

    def __init__(self, entities: Sequence[Entity], text: str = "") -> None:
        items = []
        self.places = sorted((e.start, e.end) for e in entities if e.type == "LOC")
        for entity in entities:
            if entity.type not in SPEAKER_TYPES or _ENTITY_JUNK.search(entity.text):
                continue  # ("quot;much": the tagger read a feed's broken HTML entity)
            if text and (_in_credit(text, entity) or _on_link_line(text, entity.start)):
                continue  # "(Photo: Aamir Qureshi/AFP)": a photographer, nobody who speaks
            if _COUNTY.match(entity.text):
                continue  # "Co Louth", "County Kildare": a place, whatever the tagger says
            canonical = _without_dateline(entity.canonical)
            if canonical != entity.canonical:
                entity = replace(entity, canonical=canonical)
            if entity.type == "ORG" and text and _after_title(text, entity):
                entity = replace(entity, type="PER")
            if entity.type == "PER" and text:
                name = clean_name(entity.canonical, text[max(0, entity.start - 40) : entity.start])
                name = _hyphen_prefix(text, entity) + name
                if name != entity.canonical:
                    entity = replace(entity, canonical=name)
            items.append(entity)
        items = _companies_not_people(items)
        if text:
            items = _people_by_pronoun(items, text)
            items = [_with_given_name(e, text) for e in items]
            items = _without_leading_word(items, text)
        items = _link_surnames(items)
        if text:
            items = _without_non_persons(items, entities, text)
        self.items = sorted(items, key=_start)
        self.starts = [e.start for e in self.items]
        self.mentions = Counter(e.canonical for e in self.items if e.type == "PER")
        self._text = text
        self._genders: dict[str, bool] | None = None
        self._persons: set[str] | None = None
        self._subject_organisations: tuple[list[int], list[str | None]] | None = None

    @property
    def genders(self) -> dict[str, bool]:
        """Whom the text calls "he" or "she" (read once, when a pronoun first needs it)."""
        if self._genders is None:
            self._genders = _genders(self.items, self._text) if self._text else {}
        return self._genders

    def is_person(self, entity: Entity) -> bool:
        """Whether the text gives evidence that a one-word "person" is one, as "he" or "she"
        needs: a given name, a title or form of address before a mention, an apposition
        after one ("Walsh, a former labor leader,", "Groberg, 33,"), or "he"/"she" of its
        own. "Garda", "Igbo", "Galaxy" typed PER have none."""
        if " " in entity.canonical or not self._text:
            return True
        if self._persons is None:
            titles = rules.gazetteers().titles
            found = set(self.genders)
            for item in self.items:
                if item.type != "PER" or " " in item.canonical:
                    continue
                before = self._text[max(0, item.start - 30) : item.start].split()
                word = _POSSESSIVE.sub("", before[-1].lower().rstrip(".,")) if before else ""
                if (
                    word in english.HONORIFICS
                    or word in english.PERSON_NOUNS
                    or word in titles
                    or _given_name(item.canonical)
                    or _APPOSITION.match(self._text, item.end)
                    or _PERSON_VERB.match(self._text, item.end)
                    or self._own_pronoun_follows(item)
                ):
                    found.add(item.canonical)
            self._persons = found
        return entity.canonical in self._persons

    def _own_pronoun_follows(self, item: Entity) -> bool:
        """ "Guardiola was impressed with … his new striker": the name's clause goes on with
        "his"/"her" before any other name."""
        if not _PREDICATE.match(self._text, item.end):
            return False
        clause = _PRONOUN_CLAUSE.match(self._text, item.end)
        upper = clause.end() if clause else item.end
        following = bisect_left(self.starts, item.end)
        if following < len(self.starts):
            upper = min(upper, self.starts[following])
        return _OWN_PRONOUN.search(self._text, item.end, upper) is not None

    def subject_organisation(self, position: int) -> str | None:
        """The one organisation the text has made the subject of a clause before
        ``position``, or None when it made none or several (the clause subjects are read
        once per text: "the company" may be said many times)."""
        if self._subject_organisations is None:
            starts: list[int] = []
            sole: list[str | None] = []
            seen: set[str] = set()
            for entity in self.items:
                if entity.type == "ORG" and _is_clause_subject(
                    self._text, entity.start, entity.end
                ):
                    seen.add(entity.canonical)
                    starts.append(entity.start)
                    sole.append(entity.canonical if len(seen) == 1 else None)
            self._subject_organisations = (starts, sole)
        starts, sole = self._subject_organisations
        index = bisect_left(starts, position)
        return sole[index - 1] if index else None

    def within(self, lower: int, upper: int) -> list[Entity]:
        first = bisect_left(self.starts, lower)
        last = bisect_left(self.starts, upper)
        return [e for e in self.items[first:last] if e.end <= upper]

    def is_place(self, start: int, end: int) -> bool:
        """Whether a place name overlaps ``[start, end)``."""
        index = bisect_left(self.places, (start, -1))
        for place_start, place_end in self.places[max(0, index - 1) : index + 2]:
            if place_start < end and start < place_end:
                return True
        return False

    def persons_before(self, upper: int, limit: int = 12) -> list[Entity]:
        """Up to ``limit`` persons named before ``upper``, nearest first (a bounded walk:
        pronouns look only this far back)."""
        found: list[Entity] = []
        index = bisect_left(self.starts, upper) - 1
        while index >= 0 and len(found) < limit and upper - self.starts[index] < _PRONOUN_REACH:
            if self.items[index].type == "PER":
                found.append(self.items[index])
            index -= 1
        return found


_RELATIVES = frozenset(("who", "which", "that"))
# Openers of a description of someone the text does not name ("that country's minister").
_UNNAMED_OPENERS = english.words("that this its their")
_HOLDER_REACH = 300
_DASH_GAP = re.compile(r"\s[-–—]+\s")
_AUXILIARIES = english.words("has had have was is were are will would been being")
_PREPOSITIONS = english.words(
    "of by for to on in at with from against after before about over under as and or but "
    "than into onto upon via"
)
_ENTITY_JUNK = re.compile(r"quot;|#39;|&\w+;")
_DATELINE_DASH = re.compile(r"^(?:[\W_]*\s)?(?:[A-Z]{2,}\s+)?[-–—]+\s+|^[\W_]+")


_CREDIT_BEFORE = re.compile(
    r"(?:(?:photo(?:graph)?s?|pictures?|images?)\s+by|credits?:?|courtesy(?:\s+of)?|"
    r"(?:AFP|AP|Reuters|Getty Images|EPA|Xinhua|Yonhap|PTI|ANI)\s*/)\s*\Z",
    re.IGNORECASE,
)
_AGENCIES = r"(?:AFP|AP|Reuters|Getty|EPA|Xinhua|Yonhap|PTI|ANI|Bloomberg)\b"
# "Name/AFP", "Name—AFP", "Name/The Investor |": a name and its agency or outlet after a
# slash (capitalised words ending the line or the caption) is a photographer's credit.
_CREDIT_AFTER = re.compile(
    rf"\s*/\s*{_AGENCIES}|[ \t]*[—–|][ \t]*{_AGENCIES}"
    r"|/[ \t]*(?:[A-Z][\w&.'’-]*[ \t]*){1,4}(?:$|[|)\]])",
    re.MULTILINE,
)


_BYLINE = re.compile(r"(?:(?:written|reported|story|words|text)\s+)?by\s+\Z", re.IGNORECASE)
_BYLINE_CHARS = 80


_COUNTY = re.compile(r"(?:Co\.?|County)[ \t]+[A-Z]")


def _in_credit(text: str, entity: Entity) -> bool:
    """Whether a name is a photo credit ("Photo: Aamir Qureshi/AFP", "Image by …") or the
    writer's byline ("by Aamir Iqbal" opening a short line): nobody who speaks."""
    before = text[max(0, entity.start - 25) : entity.start]
    if _CREDIT_BEFORE.search(before) is not None or _CREDIT_AFTER.match(text, entity.end):
        return True
    line = text.rfind("\n", 0, entity.start) + 1
    line_end = text.find("\n", entity.end)
    return (
        entity.start - line <= 20
        and (line_end if line_end >= 0 else len(text)) - line <= _BYLINE_CHARS
        and _BYLINE.fullmatch(text, line, entity.start) is not None
    )


# A page's link to another story ("ALSO READ: …", "Read more | …"): its names say nothing
# about who speaks in this one.
_LINK_LINE = re.compile(
    r"[ \t]*(?:also[ \t]+read|read[ \t]+also|read[ \t]+more|see[ \t]+also|related)[ \t]*[:|]",
    re.IGNORECASE,
)


def _on_link_line(text: str, start: int) -> bool:
    """Whether ``start`` is on a line that links to another story."""
    line = text.rfind("\n", 0, start) + 1
    return _LINK_LINE.match(text, line, start) is not None


def _without_dateline(name: str) -> str:
    """ "Candice Wiggins" from "AP - Candice Wiggins": a wire's dateline ("AP - ",
    "- The Ontario …") the tagger took into the name; "The" left by it is dropped."""
    cleaned = _DATELINE_DASH.sub("", name)
    if cleaned == name:
        return name
    if cleaned.startswith("The "):
        cleaned = cleaned[4:]
    return cleaned if cleaned[:1].isalnum() else name


def _hyphen_prefix(text: str, entity: Entity) -> str:
    """ "Kassym-" when the tagger took "Jomart Tokayev" out of "Kassym-Jomart Tokayev"."""
    if entity.start < 2 or text[entity.start - 1] != "-" or not text[entity.start - 2].isalpha():
        return ""
    start = entity.start - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    prefix = text[start : entity.start]
    return prefix if prefix[:1].isupper() and not entity.canonical.startswith(prefix) else ""


def _companies_not_people(items: list[Entity]) -> list[Entity]:
    """A one-word "person" the article types a company at least as often, and that is no
    surname of a person it names in full ("US Sprint's" read as a person "Sprint"): a
    company (so "he" never stands for it)."""
    typed = Counter((e.canonical, e.type) for e in items if " " not in e.canonical)
    surnames = {e.canonical.split()[-1] for e in items if e.type == "PER" and " " in e.canonical}
    companies = {
        name
        for (name, kind), count in typed.items()
        if kind == "PER" and name not in surnames and typed[name, "ORG"] >= count
    }
    if not companies:
        return items
    return [
        replace(e, type="ORG") if e.type == "PER" and e.canonical in companies else e for e in items
    ]


_OWN_PRONOUN = re.compile(r"\b(?:his|her|he|she|him|himself|herself)\b")
_PREDICATE = re.compile(r"\s+(?:has|had|was|is|[a-z]+ed|[a-z]+s)\b")
_PRONOUN_CLAUSE = re.compile(r"[^.!?;\n“”\"‘«»]{0,150}")


def _people_by_pronoun(items: list[Entity], text: str) -> list[Entity]:
    """An "organisation" that is the subject of a clause going on with "his" or "her"
    ("Guardiola was particularly impressed with … his new No.9", "Ghana forward Jordan
    Ayew has shared his excitement") is a person the tagger mistyped: companies take
    "its". No other name may stand between the two."""
    starts = sorted(e.start for e in items)
    gaz = rules.gazetteers()
    persons: set[str] = set()
    for entity in items:
        words = entity.canonical.split()
        if (
            entity.type != "ORG"
            or not 1 <= len(words) <= 3
            or not all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in words)
            or any(w.lower() in gaz.org_words or w.lower() in gaz.common for w in words)
            or tuple(w.lower() for w in words) in gaz.names
            or (
                len(words) > 1
                and not _given_name(words[0])
                and not _after_person_noun(text, entity)
            )
        ):
            continue  # ("FBI", "Trump University", "Republican Party": organisations)
        if not _PREDICATE.match(text, entity.end):
            continue
        clause = _PRONOUN_CLAUSE.match(text, entity.end)
        upper = clause.end() if clause else entity.end
        following = bisect_left(starts, entity.end)
        if following < len(starts):
            upper = min(upper, starts[following])
        if _OWN_PRONOUN.search(text, entity.end, upper):
            persons.add(entity.canonical)
    if not persons:
        return items
    return [
        replace(e, type="PER") if e.type == "ORG" and e.canonical in persons else e for e in items
    ]


_NOUN_DETERMINERS = english.words("the a an")


def _without_non_persons(
    items: list[Entity], entities: Sequence[Entity], text: str
) -> list[Entity]:
    """One-word "persons" the text itself shows are no one: "The Scot", "an anonymous
    Garda" (a determiner makes a capitalised word a noun, not a name), and a word the
    tagger types a person here and a place, group or thing elsewhere in the same text
    ("Brexit", "Igbo", "Galaxy", "Garda") unless some mention has a title or a form of
    address before it ("Mr Bush"). A surname of a person named in full is kept."""
    surnames = {
        w for e in items if e.type == "PER" for w in e.canonical.split()[1:] if " " in e.canonical
    }
    single = {e.canonical for e in items if e.type == "PER" and " " not in e.canonical}
    single -= surnames
    if not single:
        return items
    persons = {e.start for e in items if e.type == "PER"}
    # (Mentions typed otherwise elsewhere: not the ones read as persons above, "Belmonte
    # … his new striker".)
    other = Counter(
        e.text for e in entities if e.type != "PER" and e.text in single and e.start not in persons
    )
    own = Counter(e.canonical for e in items if e.type == "PER" and e.canonical in other)
    titled: set[str] = set()
    determined: set[int] = set()
    for entity in items:
        if entity.type != "PER" or entity.canonical not in single:
            continue
        before = text[max(0, entity.start - 30) : entity.start].split()
        word = before[-1].lower().rstrip(".") if before else ""
        if (
            word in _NOUN_DETERMINERS
            and text[entity.start - 1 : entity.start] == " "
            and (before[-1].islower() or _after_sentence_end(text, entity.start - 4))
        ):
            # (Not "according to The Federalist": a title's own capital "The".)
            determined.add(entity.start)
        elif (
            word in english.HONORIFICS
            or word in english.ROLE_NOUNS
            or word in rules.gazetteers().titles
        ):
            titled.add(entity.canonical)
    mixed = {name for name in own if name not in titled and other[name] >= own[name]}
    organisations = {e.text for e in entities if e.type == "ORG" and e.text in mixed}
    found = []
    for e in items:
        if e.type == "PER" and e.canonical in organisations:
            e = replace(e, type="ORG")  # ("ProPublica obtained …": what it is elsewhere)
        elif e.type == "PER" and e.start in determined and e.canonical.endswith("s"):
            e = replace(e, type="ORG")  # ("the Whigs": a group)
        elif e.type == "PER" and (e.start in determined or e.canonical in mixed):
            continue
        found.append(e)
    return found


def _after_sentence_end(text: str, index: int) -> bool:
    """Whether nothing but a sentence's end (or the text's start) comes before ``index``."""
    before = text[max(0, index - 10) : index].rstrip(" \t\"“‘'")
    return not before.strip() or before.endswith((".", "!", "?", "\n", ":"))


def _after_person_noun(text: str, entity: Entity) -> bool:
    """Whether a person noun stands right before the name ("Ghana forward Jordan Ayew")."""
    before = text[max(0, entity.start - 30) : entity.start].split()
    return bool(before) and before[-1] in english.PERSON_NOUNS


_NAME_WORD = re.compile(r"([A-Z][a-z]+)[ \t]+$")


def _with_given_name(entity: Entity, text: str) -> Entity:
    """ "Carrie Ann Woodgate", "Wellington E. Webb": a capitalised word right before a
    name the tagger began at a given name or an initial belongs to it (one word; not a
    title, a place, a common word or a form of address)."""
    words = entity.text.split()
    if entity.type != "PER" or len(words) < 2 or entity.canonical.split()[:1] != words[:1]:
        return entity  # (the text's own words: "Sanfirov" may already be "Valery Sanfirov")
    if not (_given_name(words[0]) or re.fullmatch(r"[A-Z]\.", words[0])):
        return entity
    match = _NAME_WORD.search(text, max(0, entity.start - 30), entity.start)
    if match is None:
        return entity
    # The word opens its sentence or follows a title ("Mayor"), not "Secretary of State".
    ahead = text[max(0, match.start() - 30) : match.start()].split()
    if ahead and not (
        ahead[-1].endswith((".", "!", "?", ":"))
        or ahead[-1].lower().rstrip(",") in english.ROLE_NOUNS
        or ahead[-1].lower() in rules.gazetteers().titles
    ):
        return entity
    word = match.group(1).lower()
    if match.group(1) in entity.canonical.split():
        return entity  # "Valery Sanfirov Valery …" (a page repeating the name)
    gaz = rules.gazetteers()
    initial = re.fullmatch(r"[A-Z]\.", words[0]) is not None
    if (
        word in gaz.titles
        or word in gaz.common
        or ((word,) in gaz.names and not initial)  # ("Wellington E. Webb": no place)
        or word in english.ROLE_NOUNS
        or word in english.NOT_NAMES
        or word in english.HONORIFICS
        or word in english.DETERMINERS
        or word in english.CALENDAR_WORDS
    ):
        return entity
    return replace(entity, canonical=f"{match.group(1)} {entity.canonical}")


def _after_proper_word(text: str, start: int) -> bool:
    """Whether a capitalised word that is no title stands right before ``start`` ("Rajya"
    of "Rajya Sabha Arun Jaitley", not "Judge" of "Judge Carlton W. Reeves")."""
    before = text[max(0, start - 30) : start].split()
    if not before or not before[-1][:1].isupper() or not before[-1].isalpha():
        return False
    word = before[-1].lower()
    return word not in rules.gazetteers().titles and word not in english.ROLE_NOUNS


def _without_leading_word(items: list[Entity], text: str) -> list[Entity]:
    """ "Arun Jaitley" from "Sabha Arun Jaitley" ("Leader of Opposition in Rajya Sabha Arun
    Jaitley") when the text names "Arun Jaitley" alone too."""
    names = {e.canonical for e in items if e.type == "PER"}
    cut: list[Entity] = []
    for entity in items:
        words = entity.canonical.split()
        if (
            entity.type == "PER"
            and len(words) >= 3
            and " ".join(words[1:]) in names
            and not _given_name(words[0])
            and _after_proper_word(text, entity.start)
        ):
            entity = replace(entity, canonical=" ".join(words[1:]))
        cut.append(entity)
    return cut


_MALE = english.words("he his him himself")
_MALE_ADDRESS = english.words("mr sir lord")
_FEMALE_ADDRESS = english.words("ms mrs miss dame lady madam")


def _genders(items: list[Entity], text: str) -> dict[str, bool]:
    """Whom the text itself calls "he" or "she" (True: a man): "Mr Ban", "Ms Woodgate",
    "Gauff opened up about … her historic win" (the first personal pronoun after a name
    that is its clause's subject, before another name or a quote mark). One way must win at least
    twice as often as the other plus one ("Trump attacked her" is not about him). A name
    alone counts for the one full name holding that word."""
    full: dict[str, set[str]] = {}
    for entity in items:
        words = entity.canonical.split()
        if entity.type == "PER" and len(words) >= 2:
            for word in words:
                full.setdefault(word, set()).add(entity.canonical)
    votes: dict[str, Counter[bool]] = {}
    for index, entity in enumerate(items):
        if entity.type != "PER":
            continue
        name = entity.canonical
        if " " not in name and len(full.get(name, ())) == 1:
            name = next(iter(full[name]))
        found: bool | None = None
        before = text[max(0, entity.start - 6) : entity.start].split()
        address = before[-1].lower().rstrip(".") if before else ""
        if address in _MALE_ADDRESS or address in _FEMALE_ADDRESS:
            found = address in _MALE_ADDRESS
        elif _is_clause_subject(text, entity.start, entity.end):
            # (Only a name that is its clause's subject: in "Clinton over Trump, she said"
            # the "she" is someone else.)
            clause = _PRONOUN_CLAUSE.match(text, entity.end)
            upper = clause.end() if clause else entity.end
            if index + 1 < len(items):
                upper = min(upper, max(entity.end, items[index + 1].start))
            pronoun = _PERSONAL.search(text, entity.end, upper)
            if pronoun is not None:
                found = pronoun.group().lower() in _MALE
        if found is not None:
            votes.setdefault(name, Counter())[found] += 1
    return {
        name: count[True] > count[False]
        for name, count in votes.items()
        if max(count[True], count[False]) >= 2 * min(count[True], count[False]) + 1
    }


_PERSONAL = re.compile(r"\b(?:[Hh]e|[Hh]is|him|himself|[Ss]he|[Hh]er|hers|herself)\b")


def _link_surnames(items: list[Entity]) -> list[Entity]:
    """A surname alone ("Zelenskyy said") is the person the article names in full, when
    it names only one person with that surname."""
    full: dict[str, set[str]] = {}
    for entity in items:
        words = entity.canonical.split()
        if entity.type == "PER" and len(words) >= 2:
            full.setdefault(words[-1], set()).add(entity.canonical)
    linked = []
    for entity in items:
        names = full.get(entity.canonical) if entity.type == "PER" else None
        if names is not None and len(names) == 1:
            entity = replace(entity, canonical=next(iter(names)))
        linked.append(entity)
    return linked


def _after_title(text: str, entity: Entity) -> bool:
    """Whether a (multi-word) entity with a given name in it follows a title ("President
    of", "Minister"): not "the president of Major League Baseball"."""
    if not _name_like(entity.text) or not any(_given_name(w) for w in entity.text.split()):
        return False
    before = text[max(0, entity.start - 40) : entity.start].split()
    if not before:
        return False
    last = before[-1].lower()
    if last in ("of", "the") and len(before) > 1:
        last = before[-2].lower()
    return _POSSESSIVE.sub("", last) in english.ROLE_NOUNS


def _name_like(text: str) -> bool:
    """Two or more words, all capitalised: a person's name rather than "Office of the …"."""
    words = text.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


# Titles the tagger takes into a person's name; not "Pope", "King", "Prince": part of how
# those are named.
_NAME_TITLES = english.HONORIFICS | english.words(
    "officer president senator sen minister judge governor gov mayor secretary sheriff "
    "detective sergeant sgt lieutenant lt captain capt constable inspector superintendent "
    "commissioner spokesman spokeswoman spokesperson chairman chairwoman ambassador rep "
    "representative congressman congresswoman councillor councilman councilwoman prosecutor "
    "hon honourable honorable rt datuk dato datuk' seri"
)
# Letters after a name ("Ben Everitt MP", "… QC"): no part of it either.
_POST_NOMINALS = frozenset(
    ["MP", "MPs", "QC", "KC", "MLA", "MSP", "MEP", "TD", "MHK", "OBE", "MBE", "CBE"]
)


def clean_name(name: str, before: str = "") -> str:
    """ "Volodymyr Zelenskyy" from "Ukraine Volodymyr Zelenskyy" (after "President of"),
    "Sergei Naryshkin" from "Sergei Naryshkin Naryshkin SergeiDirector"."""
    words = name.split()
    for index in range(1, len(words)):
        if words[index] in words[:index]:
            words = words[:index]
            break
    if len(words) >= 3 and before.split()[-1:] in (["of"], ["the"]):
        words = words[1:]
    while (
        len(words) >= 2 and words[0].lower().rstrip(".") in _NAME_TITLES and words[1][:1].isupper()
    ):
        words = words[1:]  # "Officer Willingham", "Sen. Ted Cruz": the title is no part of it
    while len(words) >= 3 and words[-1].rstrip(",.") in _POST_NOMINALS:
        words = words[:-1]
    # "Society Maxim Dreval" (from "the Znaniye Society Maxim Dreval"): a title's last word
    # before a given name is not part of the name.
    # ("Carrie Ann Woodgate" keeps "Carrie": only a word that is no name's goes.)
    if len(words) >= 3 and _given_name(words[1]) and _no_name_word(words[0]):
        words = words[1:]
    return " ".join(words) if words else name


def _no_name_word(word: str) -> bool:
    """A word of organisations, titles or common speech ("Society", "Minister"), or a
    place: no given name."""
    lowered = word.lower()
    gaz = rules.gazetteers()
    return not _given_name(word) and (
        lowered in gaz.org_words
        or lowered in gaz.titles
        or lowered in gaz.common
        or lowered in gaz.loc_words
        or (lowered,) in gaz.names
        or lowered in english.ROLE_NOUNS
    )


def _given_name(word: str) -> bool:
    return word.lower() in rules.gazetteers().first_names


def _is_group_word(word: str) -> bool:
    """ "Prosecutors", "Officials", "Analysts": a capitalised common noun for a group."""
    lowered = word.lower()
    if lowered in english.NOT_NAMES or lowered in english.HE or lowered in english.SHE:
        return False  # "They", "This": pronouns are resolved, not described
    if lowered in rules.gazetteers().common:
        return True  # "Officials", "Analysts", "Some", "Many"
    return lowered.endswith("s") and lowered[:-1] in english.ROLE_NOUNS  # "Prosecutors"


def _described(ahead: str, rest: str) -> bool:
    """ "the environment watchdog group" before "Greenpeace", "software maker" before
    "Microsoft": lower-case words that describe the name ending the phrase (not "the
    spokesman for", "the president of")."""
    words = ahead.split()
    if rest or not words or len(words) > 6:
        return False
    if words[0].lower() in english.DETERMINERS:
        words = words[1:]
    return bool(words) and all(
        w.islower()
        and w.isalpha()
        and w not in english.ROLE_NOUNS
        and w not in _PREPOSITIONS
        and w not in english.DETERMINERS
        for w in words
    )


def _start(entity: Entity) -> int:
    return entity.start


def is_role_name(name: str) -> bool:
    """Whether a "name" is only a role ("Head of State", "Adviser", "The President also")."""
    words = [w.lower() for w in _TITLE_WORD.findall(name)]
    content = [w for w in words if w not in english.TITLE_CONNECTORS]
    if not content:
        return True
    if content[0] in english.DETERMINERS:
        content = content[1:]
    if not content:
        return True
    first_role = next((i for i, w in enumerate(content) if w in english.ROLE_NOUNS), None)
    if first_role is None:
        return False
    # "Head", "Deputy Head of the Office", "President also", "Prime Minister": no name
    # before the role.
    return all(
        w in english.ROLE_MODIFIERS or w in english.ROLE_NOUNS or w in english.ROLE_QUALIFIERS
        for w in content[:first_role]
    )


def looks_male(name: str) -> bool:
    """A man's first name in -a (Narendra, Nikita): enough to keep "she" off it."""
    words = name.split()
    first = words[0].lower() if len(words) > 1 else ""
    return first in english.MALE_NAMES_IN_A or first.endswith(english.MALE_ENDINGS_IN_A)


def _named_female(name: str) -> bool:
    """A woman's first name from the short list (Justine, Connie, Coco)."""
    words = name.split()
    return len(words) > 1 and words[0].lower() in english.FEMALE_NAMES


def looks_female(name: str) -> bool:
    """A first name ending in -a (Olena, Iryna, Ursula): enough to keep "he" off it."""
    first = name.split()[0].lower() if name.split() else ""
    return (
        len(name.split()) > 1
        and first.endswith("a")
        and first not in english.MALE_NAMES_IN_A
        and not first.endswith(english.MALE_ENDINGS_IN_A)
    )


class Speakers:
    """Resolves speaker phrases of one text."""

    def __init__(self, text: str, people: People) -> None:
        self.text = text
        self.people = people
        self._titles: list[tuple[str, frozenset[str], frozenset[str], Entity]] | None = None
        self._holders: dict[tuple[str, frozenset[str]], dict[str, int]] = {}
        # Where the quote before the one being attributed ended (set by the caller).
        self._previous_quote_end = 0

    def set_previous_quote_end(self, offset: int) -> None:
        """Pronouns look for a subject named after this offset first."""
        self._previous_quote_end = offset

    # -- phrases next to a cue verb ---------------------------------------------------

    def phrase_before(
        self, lower: int, verb_start: int, *, relative: bool = False
    ) -> tuple[int, int] | None:
        """The subject noun phrase ending right before a cue verb (adverbs skipped);
        an apposition ("Yermak, Head of the Office, said") gives the phrase before it;
        with ``relative``, "a minister who called" gives "a minister"."""
        end = verb_start
        while True:
            words = list(_WORD.finditer(self.text, lower, end))
            # ("Theresa May said": a capitalised "May" is a name, not the modal.)
            while words and words[-1].group() in english.SUBJECT_GAP_WORDS:
                end = words.pop().start()
            gap = english.SUBJECT_GAP_PHRASES.search(self.text, max(lower, end - 40), end)
            if gap is not None and not self.text[gap.end() : end].strip():
                end = gap.start()
                continue
            stripped = self.text[lower:end].rstrip()
            if stripped.endswith(")"):
                # Sen. Chuck Schumer (D-N.Y.) said
                opening = stripped.rfind("(")
                if opening >= 0 and stripped.count(")") == 1 + stripped[:opening].count(")"):
                    end = lower + opening
                    continue
            break
        segment = self.text[lower:end].rstrip()
        end = lower + len(segment)
        last = re.search(r"(?<![\w'’-])(?:he|she|He|She)$", segment)
        if last is not None and last.start() > 0:
            # "In an emotive address she told", "Asked if he is still enjoying it he said":
            # the pronoun right before the verb is its subject.
            return lower + last.start(), end
        if segment.endswith(","):
            # X, the Head of …, said: the subject is X (the apposition is tried after).
            inner = segment[:-1]
            comma = inner.rfind(",")
            if comma >= 0 and len(inner[comma + 1 :].split()) <= _MAX_PHRASE_WORDS:
                end = lower + comma
                # "Rep. Elijah Cummings (D-Md.), chair of …, said": the party tag goes too.
                before = self.text[lower:end].rstrip()
                opening = before.rfind("(")
                if before.endswith(")") and opening >= 0 and ")" not in before[opening:-1]:
                    end = lower + opening
            else:
                return None
        edges = [
            edge
            for edge in _CLAUSE_EDGE.finditer(self.text, lower, end)
            if not _abbreviation_at(self.text, edge.start())
        ]
        start = edges[-1].end() if edges else lower
        narrowed = self._before_relative(start, end) if relative else None
        if narrowed is not None:
            return narrowed
        comma = self.text.rfind(",", start, end)
        if comma >= 0:
            named = self._named_before_role(start, comma, end)
            if named is not None:
                return named
            start = comma + 1
        return _trimmed(self.text, start, end)

    def _named_before_role(self, lower: int, comma: int, end: int) -> tuple[int, int] | None:
        """ "Dr. Mike Mekhiche, Executive Vice President of Engineering stated": an
        apposition whose closing comma the writer left out; the person before the comma
        is the subject, not the title."""
        words = list(_WORD.finditer(self.text, comma, end))
        if not words or not self._is_role(words):
            return None
        if any(e.type == "PER" for e in self.people.within(comma, end)):
            return None  # ("the minister, Michael Howard said": the name after the comma)
        person = next(
            (e for e in reversed(self.people.within(lower, comma)) if e.type == "PER"), None
        )
        if person is None or self.text[person.end : comma].strip() or is_role_name(person.text):
            return None
        return person.start, person.end

    def _before_relative(self, lower: int, end: int) -> tuple[int, int] | None:
        """ "a government minister" of "… accusations by a government minister who
        called": the subject of a relative clause is the noun phrase before "who", not
        the sentence's subject (Prince Charles)."""
        words = list(_WORD.finditer(self.text, lower, end))
        if len(words) < 2 or words[-1].group().lower() not in _RELATIVES:
            return None
        if self.text[words[-2].end() : words[-1].start()].strip(" ,"):
            return None
        first = len(words) - 1
        named = False
        for index in range(len(words) - 2, max(-1, len(words) - 8), -1):
            word = words[index].group()
            folded = word.lower()
            if (
                index < len(words) - 2
                and self.text[words[index].end() : words[index + 1].start()].strip()
            ):
                break  # a comma or a mark: the phrase began after it
            if folded in english.DESCRIPTION_OPENERS or folded in english.INDEFINITE:
                first = index
                break
            if folded in _PREPOSITIONS or folded in english.NOT_NAMES:
                break
            if word[:1].isupper() or (named and folded in english.TITLE_CONNECTORS):
                named = True
            elif named:
                break  # "… fought back Monday": lower-case words before a name
            first = index
        if first == len(words) - 1:
            return None
        return _trimmed(self.text, words[first].start(), words[-2].end())

    def apposition_before(self, lower: int, verb_start: int) -> tuple[int, int] | None:
        """The apposition of ``X, the Head of …, said``."""
        segment = self.text[lower:verb_start].rstrip()
        if not segment.endswith(","):
            return None
        comma = segment.rfind(",", 0, len(segment) - 1)
        if comma < 0:
            return None
        return _trimmed(self.text, lower + comma + 1, lower + len(segment) - 1)

    def phrase_after(self, verb_end: int, upper: int) -> tuple[int, int] | None:
        """The noun phrase right after a cue verb (said ``the Head of State``); "by"
        of a passive is skipped (stated ``by`` President …)."""
        start = verb_end
        match = re.match(r"\s+by\s+", self.text[start:upper])
        if match:
            start += match.end()
        end = upper
        for edge in _AFTER_EDGE.finditer(self.text, start, upper):
            if not _abbreviation_at(self.text, edge.start()):
                end = edge.start()
                break
        return _trimmed(self.text, start, end)

    def sentence_subject(self, lower: int, upper: int) -> tuple[int, int] | None:
        """The subject opening the sentence at ``lower``: a pronoun or capitalised words
        ("And then Trump went on the attack, saying" → Trump; "he laughed and said")."""
        words = list(_WORD.finditer(self.text, lower, upper))
        while words and words[0].group().lower() in english.LEADING_GAP_WORDS:
            words.pop(0)
        if not words:
            return None
        first = words[0].group()
        if first in english.HE | english.SHE | english.FIRST_PERSON:
            return words[0].start(), words[0].end()
        if not self.people.within(words[0].start(), upper):
            return None  # only a name the tagger found ("Conservative family spokeswoman …")
        end = None
        first_index = 0
        bracket = False
        for index, word in enumerate(words):
            text = word.group()
            gap = self.text[words[index - 1].end() : word.start()] if index else ""
            if "(" in gap:
                bracket = True  # "Sen. Chuck Schumer (D-N.Y.)", "Washington (AFP)"
            if ")" in gap:
                bracket = False
            if bracket:
                continue
            if _DASH_GAP.search(gap):
                # "AP - Iraqi authorities", "Washington (AFP) – Democrat Hillary Clinton": a
                # dateline before the subject.
                if not text[:1].isupper():
                    break
                first_index, end = index, None
            if text.lower() in english.CALENDAR_WORDS:
                break  # "The Bharatiya Janata Party on Wednesday reacted"
            if text[:1].isupper():
                end = word.end()
                if self.text[word.end() : word.end() + 1] == ",":
                    break
                continue
            if index and text.lower() in english.TITLE_CONNECTORS:
                continue  # ("Secretary of State": only a capitalised word ends the name)
            break
        begin = words[first_index].start()
        if end is None or not self.people.within(begin, end + 1):
            return None  # the run must hold a name the tagger found, not "Iraqi" alone
        return _trimmed(self.text, begin, end)

    def opens_clause(self, start: int, lower: int) -> bool:
        """Whether a name at ``start`` opens its sentence (after ``lower``), maybe after
        its title: the likely subject of the sentence's verb."""
        return start >= lower and _opens_sentence(self.text, start, lower)

    # -- resolution -------------------------------------------------------------------

    def resolve(
        self,
        start: int,
        end: int,
        previous: str | None = None,
        *,
        position: int | None = None,
    ) -> Resolved | None:
        """The speaker the phrase ``text[start:end]`` stands for.

        None: the phrase is no speaker phrase at all (a fragment); ``Resolved``
        with ``name`` None: it is one, but who is not known.
        """
        words = list(_WORD.finditer(self.text, start, end))
        while len(words) > 1 and words[0].group().lower() in english.LEADING_GAP_WORDS:
            words.pop(0)
            start = words[0].start()
        if len(words) > 1 and words[0].group().lower() == "as":
            following = words[1].group()
            if following[:1].isupper() or following.lower() in english.DESCRIPTION_OPENERS:
                words.pop(0)  # "as the Iraqi defense minister said", "as Joel Pollak observed"
                start = words[0].start()
        if not words or len(words) > _MAX_PHRASE_WORDS or _on_link_line(self.text, start):
            return None  # (a link to another story names nobody who speaks in this one)
        first = words[0].group()
        at = position if position is not None else start
        if len(words) == 1 and first in english.HE | english.SHE:
            named = [e for e in self.people.within(start, start + 40) if e.start == start]
            if named and named[0].type == "PER":
                # '"…," He said' after "He Shiyou, a farmer": the tagger read the surname He
                # (written first), not the pronoun: the one full name opening with it.
                full = {
                    e.canonical
                    for e in self.people.items
                    if e.type == "PER" and e.canonical.split()[:1] == [first] and " " in e.canonical
                }
                if len(full) == 1:
                    return Resolved(next(iter(full)), named[0].start, named[0].end)
            return self._pronoun(first, start, end, previous, at)
        if first in english.FIRST_PERSON:
            return Resolved(None, start, end)
        if len(words) == 1 and first.lower() in english.DETERMINERS:
            return None  # "described as a "real woman"": no phrase at all
        if first.lower() in english.DETERMINERS:
            # "the mayor praised the Council's vote": the subject, not the clause.
            for index in range(2, len(words)):
                word = words[index].group()
                if (
                    word.islower()
                    and (word.endswith("ed") or word in english.CUE_VERBS)
                    and words[index - 1].group().lower() in english.PERSON_NOUNS
                    and not any(
                        e.type == "PER" for e in self.people.within(words[index].start(), end)
                    )
                ):
                    words = words[:index]
                    end = words[-1].end()
                    break
        entities = self.people.within(start, end)
        head = self._head_entity(start, end, entities)
        if head is not None:
            return Resolved(head.canonical, head.start, head.end)
        if self._is_role(words) and first.lower() not in english.INDEFINITE:
            holder = self.role_holder(start, end, previous, position=min(at, start))
            if holder is None and self._is_description(words):
                # "the governor": an unresolved role in lower case stays a description;
                # "the Head of State" (a title) unresolved is nobody.
                pass
            else:
                return Resolved(holder, start, end)
        organisation = self._named_organisation(words, at)
        if organisation is not None:
            return Resolved(organisation, start, end)
        if self._is_description(words):
            description = " ".join(self.text[start:end].split())
            return Resolved(description[:1].lower() + description[1:], start, end)
        if len(words) == 1 and not entities and _is_group_word(first):
            # "Prosecutors said", "Officials said": a description, not a name.
            return Resolved(first.lower(), start, end)
        if self._is_untagged_name(words, entities):
            return Resolved(" ".join(self.text[start:end].split()), start, end)
        return None

    def _named_organisation(self, words: list[re.Match[str]], position: int) -> str | None:
        """ "the commission" after "the Consumer Product Safety Commission" was named: the
        one organisation named before ``position`` whose name ends with that noun."""
        if len(words) != 2 or words[0].group().lower() != "the":
            return None
        noun = words[1].group()
        if noun in english.COMPANY_NOUNS:
            return self.people.subject_organisation(position)
        if not noun.islower() or noun not in english.ORGANISATION_NOUNS:
            return None
        names = {
            e.canonical
            for e in self.people.items
            if e.type == "ORG"
            and e.start < position
            and e.canonical.split()[-1:] == [noun.capitalize()]
        }
        return next(iter(names)) if len(names) == 1 else None

    def _is_untagged_name(self, words: list[re.Match[str]], entities: list[Entity]) -> bool:
        """ "Espinoza" in "…," Espinoza said: capitalised words the tagger left out (or
        typed MISC) and that are no place, role or sentence opener."""
        if entities or len(words) > 4:
            return False
        lowered = [w.group().lower().rstrip(".") for w in words]
        if lowered[0] in english.NOT_NAMES or lowered[0] in english.DETERMINERS:
            return False
        if any(w in english.ROLE_NOUNS or w in english.TITLE_CONNECTORS for w in lowered):
            return False
        if all(w.group().isupper() for w in words) and any(len(w.group()) > 3 for w in words):
            return False  # "SEOUL" of a dateline, a heading in capitals
        if not all(w.group()[:1].isupper() for w in words) or self.people.is_place(
            words[0].start(), words[-1].end()
        ):
            return False
        # A day or a month is nobody ("Sunday said": a newspaper's name read as a day).
        return not any(w in english.CALENDAR_WORDS and w != "may" for w in lowered)

    def _is_description(self, words: list[re.Match[str]]) -> bool:
        """ "a senior official", "one former GOP leadership aide", "the governor": a
        determiner and a common noun at the end."""
        if not 2 <= len(words) <= _DESCRIPTION_WORDS:
            return False  # a clause ("the Lib Dems raised worries about …"), not a phrase
        if words[1].group().lower() in english.SUBJECT_GAP_WORDS:
            return False
        if any(w.group().lower() in _AUXILIARIES for w in words[2:]):
            return False  # "the race has turned to …": a clause, not a noun phrase
        opener = words[0].group().lower()
        if opener in english.INDEFINITE:
            return True  # "an Iowa Democrat": nobody in particular
        # "the New York businessman", "the Texan"; not "the Head of State" (a title).
        titled = any(
            w.group()[:1].isupper() and _POSSESSIVE.sub("", w.group().lower()) in english.ROLE_NOUNS
            for w in words[1:]
        )
        return opener in english.DESCRIPTION_OPENERS and not titled

    def _head_entity(self, start: int, end: int, entities: list[Entity]) -> Entity | None:
        """The name that heads the phrase: a person (not one inside "spokesman for X"),
        else an organisation that is the whole phrase ("the EU", not "NATO countries")."""
        for entity in reversed(entities):
            if entity.type != "PER" or is_role_name(entity.canonical):
                continue
            before = self.text[start : entity.start].split()
            # "the spokesman for Zelenskyy": the role is the speaker, not Zelenskyy; and
            # "the story of the life and death of Gary Webb" is about him, not by him.
            if (
                before
                and before[-1].lower() in {"for", "to", "of"}
                and (
                    any(w.lower() in english.ROLE_NOUNS for w in before)
                    or any(w.islower() and w not in english.DETERMINERS for w in before[:-1])
                )
            ):
                continue
            return entity
        for entity in entities:
            if is_role_name(entity.canonical):
                continue
            rest = self.text[entity.end : end].strip()
            ahead = self.text[start : entity.start].strip()
            if not (rest in ("", "'s", "’s") or rest.startswith(("(", ","))):
                continue
            # "the EU"; or a name after its title that the tagger typed ORG
            # ("President of Ukraine Volodymyr Zelenskyy").
            titled = (
                bool(ahead)
                and rest == ""
                and _name_like(entity.text)
                and any(_given_name(w) for w in entity.text.split())
                and any(_POSSESSIVE.sub("", w.lower()) in english.ROLE_NOUNS for w in ahead.split())
            )
            if ahead.lower() in ("", "the") or titled or _described(ahead, rest):
                return entity
        return None

    def _is_role(self, words: list[re.Match[str]]) -> bool:
        content = [w.group() for w in words]
        if content and content[0].lower() in english.DETERMINERS:
            content = content[1:]
        for word in content:
            lowered = _POSSESSIVE.sub("", word.lower())
            if lowered in english.ROLE_NOUNS:
                return True
            if (
                lowered in english.ROLE_MODIFIERS
                or lowered in english.ROLE_QUALIFIERS
                or word[:1].isupper()
            ):
                continue  # "Ukraine's First Lady", "Foreign Minister", "the prime minister"
            return False
        return False

    def _pronoun(
        self, pronoun: str, start: int, end: int, previous: str | None, at: int
    ) -> Resolved:
        """ "he"/"she": a person who opened a sentence since the previous quote ("Yermak
        noted that …. "…," he said), else the previous speaker, else the last person
        named; "he" is never a woman's name, "she" is one when the text has one."""
        male = pronoun in english.HE
        genders = self.people.genders
        persons = [
            p
            for p in self.people.persons_before(at)
            if not is_role_name(p.canonical) and self.people.is_person(p)
        ]
        strict = male or any(
            genders.get(p.canonical) is False or looks_female(p.canonical) for p in persons
        )
        # ("his Agartala rally": a name modifying a noun is nobody who speaks.)
        persons = [p for p in persons if not _modifies_noun(self.text, p)]

        def fits(name: str) -> bool:
            known = genders.get(name)
            if known is not None:
                return known is male  # the text itself calls them "he" or "she"
            if not male and looks_male(name):
                return False  # "she" is never Narendra Modi
            # (A woman's name from the list fits "she" even where names in -a make it
            # strict, but does not make it strict: the list is short.)
            female = looks_female(name) or _named_female(name)
            return not female if male else (female or not strict)

        persons = [p for p in persons if fits(p.canonical)]
        unnamed = self._unnamed_subject_before(start)
        if unnamed is not None:
            return Resolved(unnamed, start, end)
        reporter = self._last_reporter(min(at, start), fits)
        for person in persons[:6]:
            if person.start < self._previous_quote_end:
                break
            if reporter is not None and person.start < reporter[1]:
                break  # named before the last reporting verb: its speaker wins
            if _opens_sentence(self.text, person.start, titled=True):
                return Resolved(person.canonical, start, end)
        if reporter is not None:
            return Resolved(reporter[0], start, end)
        if previous is not None and previous in self.people.mentions and fits(previous):
            return Resolved(previous, start, end)

        if persons:
            return Resolved(persons[0].canonical, start, end)
        return Resolved(None, start, end)

    def _unnamed_subject_before(self, pronoun: int) -> str | None:
        """ "That country's environment minister called the text out of balance. He added
        …": a sentence right before the pronoun's that opens with someone described, not
        named, is whom "he" stands for."""
        sentence = _sentence_start(self.text, max(0, pronoun - 400), pronoun + 1)
        if sentence <= 0 or self.text[sentence:pronoun].strip():
            return None  # the pronoun must open its sentence
        previous = _sentence_start(self.text, max(0, sentence - 400), max(0, sentence - 2))
        words = self.text[previous:sentence].split()[:6]
        head = next((i for i, w in enumerate(words) if w.lower() in english.PERSON_NOUNS), None)
        if head is None or (
            self.people.within(previous, sentence)
            and any(
                e.type == "PER" and e.start < previous + len(" ".join(words[: head + 1])) + 1
                for e in self.people.within(previous, sentence)
            )
        ):
            return None
        return _unnamed_person(words[: head + 1])

    def _last_reporter(self, upper: int, fits: Callable[[str], bool]) -> tuple[str, int] | None:
        """Who "he"/"she" before ``upper`` stands for when the last sentence with a reporting
        verb (since the previous quote) names its speaker, and where that verb is:
        "Funaro said Brazil had not come …. "…," he said" (Funaro, though Lawson opened an
        earlier sentence); "…, said Ben Williams of …. "…," he said"; "Earhardt asked Rubio
        …. "…," he said" (Rubio); "One Chinese journalist said …. "…," he said" (that
        journalist, kept as a description: nobody named earlier). In "Song said Clinton had
        said …" the sentence's first speaker counts. None when that subject is a pronoun, an
        organisation, a definite description ("the businessman": someone named) or not
        known: the caller decides as before."""
        lower = max(self._previous_quote_end, upper - _REPORT_REACH)
        verbs = list(_REPORTING.finditer(self.text, lower, upper))
        if not verbs:
            return None
        sentence = _sentence_start(self.text, lower, verbs[-1].start())
        for verb in verbs:
            if verb.start() < sentence:
                continue
            found = self._reporter(verb, sentence, upper, fits)
            if found is not None:
                return (found, verb.start()) if found else None
        return None

    def reporter_before(self, lower: int, upper: int, introduced: bool = False) -> str | None:
        """The named speaker of the sentence right before ``upper`` when it reports speech
        ("Zelenskiy said that Ukraine was not letting up. "…"": Zelenskiy), for a quote
        with no attribution of its own; None when that sentence reports nobody's."""
        last = _sentence_start(self.text, lower, max(lower, upper - 2))
        verbs = [v for v in _REPORTING.finditer(self.text, last, upper)]
        for verb in verbs:
            found = self._reporter(verb, last, upper, lambda name: True)
            if found is not None:
                return found if found and found[:1].isupper() else None
        according = re.match(r"\s*[Aa]ccording to\s", self.text[last:upper])
        if according is not None:
            # "According to Partnership President & CEO Andrew J. Rudnick, the …. "…"".
            span = self.phrase_after(last + according.end() - 1, upper)
            resolved = self.resolve(*span) if span else None
            if resolved is not None and resolved.name and resolved.name in self.people.mentions:
                return resolved.name
        if not introduced or verbs:
            return None
        # "Speaking to Reuters, BCG analyst Colin Gillis shared his perspective …." and
        # then a paragraph that is only a quote: the person the sentence is about.
        clause = last
        comma = self.text.find(", ", last, min(upper, last + _INTRO_CLAUSE))
        if comma >= 0 and self.text[last : last + 1].isupper():
            opener = self.text[last:comma].split()[0].lower()
            if opener.endswith("ing") or opener in ("in", "on", "at", "after", "asked"):
                clause = comma + 2
        for person in self.people.within(clause, upper):
            if person.type != "PER" or is_role_name(person.canonical):
                continue
            if _opens_sentence(self.text, person.start, clause, titled=True) and re.match(
                r"\s+(?:also\s+)?[a-z]+(?:ed|s)\b", self.text[person.end : person.end + 20]
            ):
                return person.canonical
            break
        return None

    def _introduced_unnamed(self, noun: str, upper: int) -> bool:
        """Whether the text introduced someone by this noun without a name before ``upper``
        ("One Chinese journalist said …", so "the journalist" is that one)."""
        if noun not in english.PERSON_NOUNS or noun in english.ROLE_NOUNS:
            return False  # ("the former president" is someone named, whatever came before)
        pattern = rf"\b(?:a|an|one|another)\s+(?:[\w-]+\s+){{0,3}}{re.escape(noun)}\b"
        return (
            re.search(pattern, self.text[max(0, upper - _PRONOUN_REACH) : upper], re.I) is not None
        )

    def _reporter(
        self, verb: re.Match[str], sentence: int, upper: int, fits: Callable[[str], bool]
    ) -> str | None:
        """The speaker of one reporting verb for ``_last_reporter``: a name, "" (a subject
        that stops the search: a pronoun, an organisation, someone not known), or None (no
        subject found here)."""
        if verb.group() in _ASKED:
            # "Earhardt then asked Rubio which states …": the one asked answers.
            span = self.phrase_after(verb.end(), upper)
            resolved = self.resolve(*span) if span else None
            if span and resolved and resolved.name and resolved.start == span[0]:
                asked = resolved.name
                return asked if asked in self.people.mentions and fits(asked) else ""
            return None
        span = self.phrase_before(sentence, verb.start())
        if span is not None:
            words = self.text[span[0] : span[1]].split()
            if words and words[-1] in english.HE | english.SHE | english.FIRST_PERSON:
                return ""  # "He said Lawson had …": the pronoun's own chain
            resolved = self.resolve(*span)
            if resolved is not None:
                unnamed = _unnamed_person(words)
                if resolved.name is None and unnamed is not None:
                    return unnamed  # "That country's environment minister called …"
                if resolved.name is None or resolved.end != span[1]:
                    return ""  # "Schlafly discussed Trump's wall and explained": not Trump
                name = resolved.name
                if name in self.people.mentions:
                    return name if fits(name) else ""
                lowered = name.split()
                if lowered[0] in english.INDEFINITE and lowered[-1] in english.PERSON_NOUNS:
                    return name  # "one Chinese journalist": an unnamed person
                if lowered[0] == "the" and self._introduced_unnamed(lowered[-1], verb.start()):
                    return name  # "the journalist", after "a Chinese journalist said"
                return ""
        if not self.text[sentence : verb.start()].rstrip().endswith(","):
            return None
        # "…, said Ben Williams of Paris brokerage house …": the inverted subject.
        span = self.phrase_after(verb.end(), upper)
        inverted = self.resolve(*span) if span else None
        if span is None or inverted is None or inverted.name not in self.people.mentions:
            return None
        between = self.text[span[0] : inverted.start].lower().split()
        if any(w in _PREPOSITIONS or w in _AUXILIARIES for w in between):
            return None  # "disagreed with Obama's policies"
        if not _INVERTED_END.match(self.text, inverted.end) or inverted.name is None:
            return None  # "…, said Mexico must rebut Trump's claims": not the speaker
        return inverted.name if fits(inverted.name) else ""

    # -- roles ---------------------------------------------------------------------------

    def role_holder(
        self, start: int, end: int, previous: str | None = None, *, position: int | None = None
    ) -> str | None:
        """The person the article names with the role ``text[start:end]``, if one is:
        the previous speaker when they hold it, else the first holder the article
        names (the person a release is about is named first: its "the President"),
        unless another holder was named just before ``position`` (the quote's start):
        then which of two presidents speaks is not known, and nobody is."""
        head, wanted = _role_words(self.text[start:end])
        if head is None:
            return None
        holders = self._holders.get((head, wanted))
        if holders is None:
            # Once per role and text: a transcript says "the President" thousands of times.
            holders = {}
            for title_head, words, modifiers, person in self._title_index():
                if title_head != head or not modifiers <= wanted:
                    continue
                if not all(_word_in(w, words) for w in wanted):
                    continue
                holders.setdefault(person.canonical, person.start)
            self._holders[head, wanted] = holders
        if not holders:
            return None
        if previous in holders:
            return previous
        first = min(holders, key=lambda name: holders[name])
        if len(holders) == 1:
            return first
        named, subject = self._nearest_holders(holders, start if position is None else position)
        if subject is not None:
            return subject  # "Putin told reporters …. "…," the president said"
        if (
            named is None
            or named == first
            or self._acts(first, start if position is None else position)
        ):
            # The one the article names first (a release's own president), who is the
            # subject of a clause before the quote.
            return first
        return None  # another president was just named: which one is not known

    def _acts(self, name: str, position: int) -> bool:
        """Whether ``name`` is the subject of some clause before ``position``."""
        for person in self.people.items:
            if person.start >= position:
                break
            if person.canonical == name and _is_clause_subject(self.text, person.start, person.end):
                return True
        return False

    def _nearest_holders(
        self, holders: dict[str, int], position: int
    ) -> tuple[str | None, str | None]:
        """The holder named last before ``position`` (in its paragraph, nearby), and the
        last one who opened a sentence there (its subject)."""
        lower = max(0, position - _HOLDER_REACH)
        paragraph = self.text.rfind("\n\n", lower, position)
        if paragraph >= 0:
            lower = paragraph
        named: str | None = None
        index = bisect_left(self.people.starts, position) - 1
        while index >= 0 and self.people.starts[index] >= lower:
            person = self.people.items[index]
            if person.canonical in holders:
                named = named or person.canonical
                if _is_clause_subject(self.text, person.start, person.end):
                    return named, person.canonical
            index -= 1
        return named, None

    def _title_index(self) -> list[tuple[str, frozenset[str], frozenset[str], Entity]]:
        if self._titles is None:
            self._titles = []
            previous_end = 0
            for person in self.people.items:
                # (An ORG right after a title was already counted a person by People.)
                if person.type != "PER" or is_role_name(person.canonical):
                    continue
                lower, previous_end = previous_end, person.end
                titles = [self._title_before(person, lower)]
                if person.type == "PER":
                    titles.append(self._title_after(person))
                for title in titles:
                    if not title:
                        continue
                    head, words = _role_words(title)
                    if head is not None:
                        modifiers = words & english.ROLE_MODIFIERS
                        self._titles.append((head, words, modifiers, person))
        return self._titles

    def _title_before(self, person: Entity, lower: int = 0) -> str:
        """The title before a name: "President of Ukraine" in "President of Ukraine Volodymyr
        Zelenskyy" (not reaching back past the previous person named, ``lower``)."""
        lower = max(lower, person.start - _TITLE_LOOKBACK)
        segment = self.text[lower : person.start]
        words = list(_TITLE_WORD.finditer(segment))
        first = len(words)
        for index in range(len(words) - 1, -1, -1):
            word = words[index].group()
            gap = segment[
                words[index].end() : words[index + 1].start()
                if index + 1 < len(words)
                else len(segment)
            ]
            if gap.strip():
                break
            folded = word.lower().rstrip(".")
            if (
                word[:1].isupper()
                or folded in english.TITLE_CONNECTORS
                or (
                    english.ROLE_ABBREVIATIONS.get(folded, folded)
                    in english.ROLE_NOUNS | english.ROLE_MODIFIERS
                )
            ):
                first = index
                continue
            break
        title = segment[words[first].start() :] if first < len(words) else ""
        # "President of" + "Ukraine Volodymyr Zelenskyy": the tagger took the country.
        leading = person.text.split()[:1]
        if title and leading and leading[0] not in person.canonical.split():
            title += " " + leading[0]
        return title

    def _title_after(self, person: Entity) -> str:
        """ "Head of the Office of the President" in "Yermak, Head of the Office …,"."""
        match = re.match(
            r",\s+(?:the\s+)?([^,.;:()\"“”]{2,100}?)\s*[,.;]",
            self.text[person.end : person.end + 120],
        )
        if not match:
            return ""
        title = match.group(1)
        if not all(
            w[:1].isupper()
            or w.lower() in english.TITLE_CONNECTORS
            or w.lower() in english.ROLE_NOUNS
            for w in title.split()
        ):
            return ""
        return title


def opens_sentence(text: str, start: int, lower: int = 0) -> bool:
    """Whether a name opens its sentence after ``lower``, maybe after a title in lower
    case ("Congress president Rahul Gandhi has alleged …"): the sentence's subject."""
    return start >= lower and _opens_sentence(text, start, lower, titled=True)


def _unnamed_person(words: list[str]) -> str | None:
    """ "that country's environment minister" (a person the text describes, not names),
    in lower case; None for anything else."""
    if len(words) < 2 or words[-1].lower() not in english.PERSON_NOUNS:
        return None
    first = words[0].lower()
    if first not in _UNNAMED_OPENERS and not (len(words) > 2 and _POSSESSIVE.search(words[1])):
        return None
    if any(w[:1].isupper() for w in words[1:] if not _POSSESSIVE.search(w)):
        return None  # "That country's Foreign Minister Ana Silva": a title and a name
    return " ".join(words).lower()


def _is_clause_subject(text: str, start: int, end: int) -> bool:
    """Whether a name (after its title) opens a sentence or a clause and a verb follows
    ("During the talks in Kyiv, President Zelenskyy called …"), or is the agent of
    "stated by": not the second of "X and Y", the object of "met with Y", or an
    apposition ("the statesman, President … Hrushevsky.")."""
    if re.match(r"\s+[a-z]", text[end : end + 2]) is None:
        return False
    words = text[max(0, start - 120) : start].split()
    while (
        words
        and (
            words[-1][:1].isupper()
            or (words[-1] in english.TITLE_CONNECTORS and words[-1] != "and")
        )
        and not words[-1].endswith((".", "!", "?", '"', "”", ",", ":"))
    ):
        words.pop()
    return (
        not words
        or words[-1] in ("by", "-", "–", "—")  # ("LONDON (Reuters) – Britain's TalkTalk said")
        or words[-1].endswith((".", "!", "?", '"', "”", ",", ":"))
    )


def _opens_sentence(text: str, start: int, lower: int = 0, *, titled: bool = False) -> bool:
    """Whether a name opens its sentence, maybe after its title (a likely subject); with
    ``titled`` the title may be in lower case ("And Blues boss Jose Mourinho backed …",
    "Chelsea chief executive Peter Kenyon has …")."""
    before = text[max(lower, start - 120) : start]
    words = before.split()
    role = False  # a title's head seen: lower-case words before it describe it
    described = 0
    while (
        words
        and (
            words[-1][:1].isupper()
            or words[-1] in english.TITLE_CONNECTORS
            or (
                titled
                and (words[-1] in english.PERSON_NOUNS or words[-1] in english.ROLE_MODIFIERS)
            )
            or (
                # "former civil aviation minister Ghulam Nabi Azad"
                role
                and described < 4
                and words[-1].isalpha()
                and words[-1].islower()
                and words[-1] not in _PREPOSITIONS
                and words[-1] not in english.DETERMINERS
                and words[-1] not in _AUXILIARIES
            )
        )
        and not words[-1].endswith((".", "!", "?", '"', "”"))
    ):
        word = words.pop()
        if titled and word in english.PERSON_NOUNS:
            role = True
        elif role and word.islower() and word not in english.TITLE_CONNECTORS:
            described += 1
    return not words or words[-1].endswith((".", "!", "?", '"', "”", ":"))


def _role_words(phrase: str) -> tuple[str | None, frozenset[str]]:
    """The head noun and content words of a role or title, folded: "the Head of State"
    → ("president", {president}); "Head of the Office of the President" and "the
    President's Office" → ("head", {head, office, president})."""
    # ("Secretary-General" is the secretary general.)
    words = [
        _POSSESSIVE.sub("", w.lower()).rstrip(".")
        for w in _TITLE_WORD.findall(phrase.replace("-", " "))
    ]
    words = [english.ROLE_ABBREVIATIONS.get(w, w) for w in words]
    words = [
        w for w in words if w and w not in english.TITLE_CONNECTORS and w not in english.DETERMINERS
    ]
    for synonym, meaning in english.ROLE_SYNONYMS.items():
        if set(synonym) <= set(words):
            at = words.index(synonym[0])
            words = [w for w in words if w not in synonym]
            words[at:at] = list(meaning)
    head = next(
        (w for w in words if w in english.ROLE_NOUNS and w not in english.ROLE_MODIFIERS), None
    )
    return head, frozenset(words)


def _word_in(word: str, words: frozenset[str]) -> bool:
    """A role word is in a title; a qualifier may be the adjective of the title's
    country ("Polish" / "Poland", "Ukrainian" / "Ukraine")."""
    if word in words:
        return True
    if word in english.ROLE_NOUNS or word in english.ROLE_MODIFIERS or len(word) < 4:
        return False
    return any(len(w) >= 4 and w[:3] == word[:3] and w not in english.ROLE_NOUNS for w in words)


def _modifies_noun(text: str, entity: Entity) -> bool:
    """ "his Agartala rally", "the Obama administration": a name between a determiner and a
    lower-case noun modifies it (a place or a body, not someone who acts)."""
    before = text[max(0, entity.start - 8) : entity.start].split()
    after = re.match(r"\s+([a-z]+)", text[entity.end : entity.end + 30])
    return (
        bool(before)
        and before[-1].lower() in _MODIFIER_DETERMINERS
        and after is not None
        and not after.group(1).endswith("ed")
        and after.group(1) not in _AUXILIARIES
        and after.group(1) not in english.CUE_VERBS
        and after.group(1) not in _PREPOSITIONS
    )


def _sentence_start(text: str, lower: int, index: int) -> int:
    """Where the sentence holding ``index`` starts (not before ``lower``; "Sen." and "E."
    end no sentence)."""
    start = lower
    for match in _SENTENCE_END.finditer(text, lower, index):
        if match.group() == "\n" or not _abbreviation_at(text, match.start()):
            start = match.end()
    return start


def _abbreviation_at(text: str, index: int) -> bool:
    """Whether the full stop at ``index`` ends an abbreviation ("Sen.", "E.") not a clause."""
    if text[index] != ".":
        return False
    word_start = index
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:index]
    return (len(word) == 1 and word.isupper()) or word.lower() in english.ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in ",'‘"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.!?"):
        end -= 1
    if start >= end or "\n" in text[start:end]:
        return None
    return start, end
