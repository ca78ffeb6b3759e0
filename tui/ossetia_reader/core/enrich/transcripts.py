"""Transcripts and interviews: speech introduced by a speaker label.

Kremlin transcripts and interviews give each turn a label: "President of
Russia Vladimir Putin: Mr President, …", "Dmitry Peskov: …", "Question: …".
The turn runs until the next label, across paragraphs (and the press
releases' scraper flattened paragraphs into one line, so a label may also
open mid-line, right after a sentence ends). Each turn is one quote by the
person the label names, stored by full name without the title; generic
labels ("Question", "Remark") make a turn without a speaker, which still
ends the previous speaker's turn.

A label counts when it is at a paragraph's start or right after a sentence
end, is a few capitalised words, and names a person the tagger found in it
(or one of the generic labels, once the text has a named label): "Imagine:"
or "Key points:" are not speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich import english, rules

if TYPE_CHECKING:
    from ossetia_reader.core.enrich.speakers import People, Speakers

CUE = "transcript"
# The colon that ends a label, with an optional "(retranslated)" before it.
# The speech follows on the label's line, or on the next one when the label stands alone on
# its line, maybe with the recording's time stamp ("Jen Psaki: (00:22)").
_COLON = re.compile(
    r"(?:[ \t]+\([^()\n]{1,40}\))?:(?:[ \t]*(?:\(\d{1,2}:\d\d(?::\d\d)?\))?[ \t]*\n[ \t]*(?=\S)"
    r"|[ \t]+(?=\S)|(?=[\"“«]))"
)
# A question turn marked "Q" alone, as White House briefings write it ("Q    Sure, thanks").
_QUESTION_MARK = re.compile(r"^Q(?:[ \t]{2,}|\t|[.:][ \t]+)(?=\S)", re.MULTILINE)
# An automatic transcript's unnamed speakers: "[00:00:00] Speaker 1:", "Speaker 2 (01:15):".
_NUMBERED_SPEAKER = re.compile(
    r"^(?:\[[\d:]{4,8}\][ \t]*)?Speaker[ \t]+\d{1,2}(?:[ \t]*\([\d:]{4,8}\))?"
    r":[ \t]*\n?[ \t]*(?=\S)",
    re.MULTILINE,
)
_TITLE_WORD = re.compile(r"[\w.'’-]+$")
# A league or conference code in the parenthesis before the colon ("(NL)", "(AFC)").
_LEAGUE = re.compile(r"\(\s*[A-Z]{2,4}\s*\)")
_SMALL_WORDS = frozenset(["of", "the", "and", "for", "de", "von", "der", "van", "al", "bin"])
_SENTENCE_END = re.compile(r"(?:^|[.!?…\"”»)*:>]|\n)\s*$")
# "Good afternoon, everyone. Happy Friday.": two sentences on a line are no headline.
_TWO_SENTENCES = re.compile(r"\w[.!?][ \t]+[A-Z]")
_SECTION_BREAK = re.compile(r"\*\s*\*\s*\*")
_LETTER = re.compile(r"[^\W\d_]")
_MAX_LABEL_CHARS = 160
_MAX_LABEL_WORDS = 16
_HEADLINE_CHARS = 200
# A transcript's heading: the lines before the first label that list who speaks.
_HEADING_CHARS = 600
_SPACED_DASH = re.compile(r"\s[-–—]\s")
_LONE_WORDS = 6
_MAX_NAME_WORDS = 4
_SELF_NAMING_CHARS = 300


@dataclass(frozen=True, slots=True)
class Turn:
    """One labelled turn: the label's span, the speech's span and who spoke."""

    label_start: int
    label_end: int
    start: int
    end: int
    speaker: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True, slots=True)
class _Label:
    start: int
    end: int
    speech: int
    name: str | None
    person: Entity | None


def find_turns(
    text: str,
    entities: Sequence[Entity],
    people: People | None = None,
    speakers: Speakers | None = None,
) -> list[Turn]:
    """Every labelled turn of ``text``, in order (empty when it is no transcript);
    ``speakers`` is the caller's resolver for ``people`` (built here when not given)."""
    if ":" not in text and "Portrait" not in text and "Photo of" not in text:
        return []
    # Imported here: the reading pane imports this module for ``label_start_before`` only.
    from ossetia_reader.core.enrich.speakers import People, is_role_name

    if people is None:
        people = People(entities, text)
    text_start = len(text) - len(text.lstrip())
    persons = [e for e in people.items if e.type == "PER"]
    starts = [p.start for p in persons]
    labels: list[_Label] = []
    generic: list[_Label] = []
    pending: list[_Label] = []
    weak: set[int] = set()  # label starts that name a speaker only inside a dialogue
    for colon in _COLON.finditer(text):
        if _LEAGUE.search(colon.group()):
            continue  # "Cincinnati (NL): Announced …": a team in a transactions list
        end = colon.start()
        start = _label_start(text, end)
        if start is None:
            continue
        label = text[start:end]
        opens = bool(_SENTENCE_END.search(text, max(0, start - 3), start)) or start == 0
        words = label.split()
        if words[0].lower().rstrip(".") in english.GENERIC_LABELS and len(words) <= 2:
            if opens and not _is_headline(text, start, colon.end(), text_start):
                generic.append(_Label(start, end, colon.end(), None, None))
            continue
        hover = _hover_card_name(label)
        if hover is not None:
            # The Kremlin pages' hover card: "… Sergei Lavrov Lavrov SergeiForeign Minister…".
            if (opens or any(w.lower() in english.ROLE_NOUNS for w in words)) and not (
                _is_headline(text, start, colon.end(), text_start)
            ):
                labels.append(_Label(start, end, colon.end(), hover, None))
            continue
        person = _label_person(text, persons, starts, start, end, people.within(start, end))
        if person is None:
            if opens:
                pending.append(_Label(start, end, colon.end(), label, None))
            continue
        titled = any(w.lower() in english.ROLE_NOUNS for w in text[start : person.start].split())
        if not (opens or titled):
            continue
        if not opens:
            # "… at the BRICS Summit President of Russia Vladimir Putin:" the title opens it,
            # after a heading's capitalised word (not "… assign to Secretary Clinton:").
            start = _title_start(text, start, person.start)
            before = text[max(0, start - 40) : start].split()
            if not before or not before[-1][:1].isupper():
                continue
        name = _strip_title(person.canonical, label)
        if len(name.split()) > _MAX_NAME_WORDS:
            continue  # "Veto Power Impedes Peace Efforts": a heading the tagger took
        if " " not in name and not titled and text[colon.end() : colon.end() + 1] not in '"“«„':
            # "Rollback: The whopping 24 pay cut …": one word the article names nowhere in
            # full, with prose after it, is a heading unless other labels make a dialogue.
            weak.add(start)
        if _is_headline(text, start, colon.end(), text_start):
            continue
        labels.append(_Label(start, end, colon.end(), name, person))
    generic.extend(
        _Label(match.start(), match.start() + 1, match.end(), None, None)
        for match in _QUESTION_MARK.finditer(text)
    )
    numbered = [
        _Label(match.start(), match.start() + 1, match.end(), None, None)
        for match in _NUMBERED_SPEAKER.finditer(text)
    ]
    if len(numbered) >= 2:
        labels.extend(numbered)  # (a transcript by themselves: no named label needed)
    labels.extend(_record_labels(text))
    capital = _capital_labels(text, persons)
    if capital:
        # A broadcast transcript: its capital labels replace what the other rules read in them.
        spans = [(item.start, item.speech) for item in capital]

        def inside(item: _Label) -> bool:
            return any(lower <= item.start < upper for lower, upper in spans)

        labels = [item for item in labels if not inside(item)]
        generic = [item for item in generic if not inside(item)]
        pending = [item for item in pending if not inside(item)]
        labels.extend(item for item in capital if item.name)
        generic.extend(item for item in capital if not item.name)
    taken = {item.start for item in capital}
    pending = [item for item in pending if item.start not in taken]
    if len(labels) + len(generic) < 2:
        labels = [item for item in labels if item.start not in weak]
    labels.extend(_role_labels(text, pending, people, generic, speakers))
    if not labels:
        return []
    tails = {_tail(item.name): item.name for item in labels if item.name}
    surnames = {name.split()[-1].lower(): name for name in tails.values()}
    # A label the tagger missed, naming someone labelled elsewhere ("Putin:" / "Vladimir Putin:").
    for item in pending:
        known = tails.get(_tail(item.name or ""))
        if known is None and len((item.name or "").split()) <= 3:
            known = surnames.get((item.name or "").split()[-1].lower())
        if known is None and len({i.name for i in labels}) >= 2 and _opens_line(text, item.start):
            # "Martin O’Neill:" among other speakers' labels, the tagger having found only
            # "Martin": a person's name opening the label, the rest capitalised name words.
            known = _partly_tagged_name(text, item, persons, starts)
        if (
            known is not None
            and not is_role_name(item.name or "")
            and not _is_headline(text, item.start, item.speech, text_start)
        ):
            labels.append(_Label(item.start, item.end, item.speech, known, None))
    labels.extend(generic)
    labels.sort(key=lambda item: item.start)
    # Two speakers or three labels make a transcript, whose turns run on across
    # paragraphs; a lone label ("Rep. Trey Gowdy: "…"") speaks for its paragraph.
    dialogue = len(labels) >= 3 or len({item.name for item in labels}) >= 2
    # "Christie: A closing surge." and then a paragraph of prose: a heading, not a turn
    # (a short turn in a transcript is followed by the next label).
    label_starts = {item.start for item in labels}
    labels = [
        item
        for item in labels
        if _line_words(text, item.speech) >= _LONE_WORDS
        or item.start in taken
        or _next_paragraph(text, item.speech) < 0
        or (dialogue and _next_paragraph(text, item.speech) in label_starts)
    ]
    turns: list[Turn] = []
    labels = [
        item
        for index, item in enumerate(labels)
        if not _names_itself(
            text, item, labels[index + 1].start if index + 1 < len(labels) else len(text)
        )
    ]
    for index, item in enumerate(labels):
        end = labels[index + 1].start if index + 1 < len(labels) else len(text)
        if not dialogue or text[item.speech] in '"“«„':
            # A lone label, or "Bush: "The mission is …"" (a label and a quote, the news's
            # way): the turn is its paragraph.
            paragraph = text.find("\n\n", item.speech, end)
            end = end if paragraph < 0 else paragraph
        section = _SECTION_BREAK.search(text, item.speech, end)
        if section is not None:
            end = section.start()
        while end > item.speech and text[end - 1].isspace():
            end -= 1
        if end <= item.speech:
            continue
        person = item.person
        turns.append(
            Turn(
                item.start, item.end, item.speech, end, item.name,
                person.start if person else None, person.end if person else None,
            )
        )  # fmt: skip
    return turns


# A broadcast transcript's label: a name in capitals opening its line, maybe with the
# speaker's job after a comma ("CAROL COSTELLO, CNN ANCHOR: …", "O'BRIEN: …", "J. KING: …").
_CAPITAL_LABEL = re.compile(
    r"^[ \t]*([A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,3})"
    r"(?:,[ \t]+[A-Z][^:\n]{0,80}?)?:(?:[ \t]+|[ \t]*\n[ \t]*)(?=\S)",
    re.MULTILINE,
)
# Capital labels of nobody in particular ("UNIDENTIFIED FEMALE:", "CROWD:").
# Capital words of page furniture, not speakers ("PHOTO:", "ALSO READ:").
_HEADING_WORDS = english.words(
    "photo photos video also read watch related update updated editor note source more see "
    "click advertisement listen caption file credit image images subscribe"
)
_UNNAMED_LABEL_WORDS = english.words(
    "unidentified unknown male female man woman crowd audience group voice voices several announcer"
)


def _capital_labels(text: str, persons: Sequence[Entity] = ()) -> list[_Label]:
    """The labels of a broadcast transcript written in capitals, when the text has two or
    more of them: full names title-cased ("Carol Costello"), a surname alone ("COSTELLO:")
    or an initial and a surname ("J. KING:") given the full name labelled elsewhere (John,
    not Martha, King); "UNIDENTIFIED FEMALE:" speaks without a name."""
    from ossetia_reader.core.enrich.speakers import is_role_name

    found = []
    for match in _CAPITAL_LABEL.finditer(text):
        words = match.group(1).split()
        if any(len(w.strip(".'’-")) > 1 and not w.isupper() for w in words):
            continue
        found.append((match, words))
    found = [
        (match, words)
        for match, words in found
        if not {w.lower().strip(".") for w in words} & _HEADING_WORDS
        and not any(w.endswith(("'S", "’S")) for w in words)  # "INDIANA'S DEMOGRAPHICS …"
        and " - " not in match.group()
    ]
    given = rules.gazetteers().first_names
    # "QUESTION:" beside a name in capitals makes a briefing ("SANDERS: Good afternoon.").
    asked = any(w[0].lower().rstrip(".") in english.GENERIC_LABELS for _, w in found)
    # "ANIKA WELLS, MINISTER FOR COMMUNICATIONS:" opening a line: a name and a job, even
    # when the excerpt has only that label.
    introduced = [
        match
        for match, words in found
        if 2 <= len(words) <= 3
        and "," in match.group()
        and any(
            w.lower().strip(".,") in english.ROLE_NOUNS
            for w in match.group().split(",", 1)[1].split()
        )
    ]
    if (len(found) < 2 and not introduced) or (
        not asked
        and not any(
            len(words) >= 2
            and (
                words[0].lower() in given
                or words[0].lower().rstrip(".") in english.HONORIFICS  # ("MR. EARNEST:")
                or "," in match.group()
            )
            for match, words in found
        )
    ):
        return []  # a transcript names someone in full ("CAROL COSTELLO, CNN ANCHOR:")
    full = [
        w
        for _, w in found
        if len(w) >= 2
        and not w[0].endswith(".")
        and w[0].lower().rstrip(".") not in english.HONORIFICS
        and not is_role_name(" ".join(w))  # ("CHIEF CABINET SECRETARY MORI": no full name)
    ]
    named: dict[str, set[str]] = {}
    for person in persons:
        parts = person.canonical.split()
        if len(parts) >= 2:
            named.setdefault(parts[-1], set()).add(person.canonical)
    surnames = {surname: next(iter(n)) for surname, n in named.items() if len(n) == 1}
    labels = []
    for match, words in found:
        folded = [w.lower().strip(".") for w in words]
        if folded[0] in english.GENERIC_LABELS or set(folded) & _UNNAMED_LABEL_WORDS:
            labels.append(_Label(match.start(1), match.end(1), match.end(), None, None))
            continue
        name = label_words = words
        if len(words) > 1 and words[0].lower().strip(".") in english.HONORIFICS:
            words = name = words[1:]  # "MS NAUERT:"
        roles = [i for i, w in enumerate(words) if w.lower().strip(".") in english.ROLE_NOUNS]
        if roles and 0 < len(words) - roles[-1] - 1 <= 2 and is_role_name(" ".join(words)):
            words = name = words[roles[-1] + 1 :]  # "CHIEF CABINET SECRETARY SUGA:"
        if len(words) == 1 or words[0].endswith("."):
            initial = words[0][0] if len(words) > 1 else ""
            owners = {tuple(f) for f in full if f[-1] == words[-1] and f[0].startswith(initial)}
            if len(owners) == 1:
                name = list(next(iter(owners)))
        title = " ".join(w.title() if len(w.strip(".")) > 1 else w for w in name)
        if is_role_name(title):
            continue  # "PRIME MINISTER:": a role label, whose holder the role labels find
        if len(name) == 1 and name[0].title() in surnames:
            title = surnames[name[0].title()]  # "NAUERT:" in a briefing by Heather Nauert
        elif len(name) == 1 and not asked and sum(w == label_words for _, w in found) < 2:
            continue  # "HUFFPOLLSTER:" once: a heading, not someone nobody names
        labels.append(_Label(match.start(1), match.end(1), match.end(), title, None))
    return labels


# Parliamentary records on the web put a line with the member's picture over each speech:
# Hansard's "John Whittingdale Portrait Mr Whittingdale" (then "- Hansard -" links), and
# TheyWorkForYou's and KildareStreet's "Photo of Mick BarryMick Barry (Cork North …) |".
_RECORD_LABEL = re.compile(
    r"^(?:(?P<portrait>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})[ \t]+Portrait[ \t]"
    r"|Photo[ \t]of[ \t](?P<photo>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})(?P=photo))"
    r"[^\n]*\n(?:[ \t]*-[ \t]*Hansard\b[^\n]*\n)?\s*(?=\S)",
    re.MULTILINE,
)


def _record_labels(text: str) -> list[_Label]:
    """The member's-picture lines of a parliamentary record: each opens a turn by that
    member, the speech starting on the next line."""
    if "Portrait" not in text and "Photo of" not in text:
        return []
    found = []
    for match in _RECORD_LABEL.finditer(text):
        name = match.group("portrait") or match.group("photo")
        found.append(_Label(match.start(), match.start() + len(name), match.end(), name, None))
    return found


def _role_labels(
    text: str,
    pending: Sequence[_Label],
    people: People,
    generic: Sequence[_Label] = (),
    speakers: Speakers | None = None,
) -> list[_Label]:
    """Labels that are a role ("Secretary-General: …", "PRIME MINISTER: …") opening their
    lines, when a text has two or more labels opening lines (roles or generic ones such as
    "JOURNALIST:"), or one role in capitals: a turn by the person the text names in that
    role on a short line before the first label (the transcript's heading: "Prime Minister
    Anthony Albanese"), else by nobody named (a prime minister the speech or a paragraph
    of prose mentions may be someone else)."""
    from ossetia_reader.core.enrich.speakers import Speakers, is_role_name

    roles = [
        item
        for item in pending
        if item.name
        and sum(w not in english.TITLE_CONNECTORS for w in item.name.split()) <= 3
        and is_role_name(item.name.replace("-", " "))
        and _opens_line(text, item.start)
    ]
    if not roles:
        return []
    others = [item for item in generic if _opens_line(text, item.start)]
    if len(roles) + len(others) < 2 and not (
        roles[0].name
        and roles[0].name.isupper()
        and _line_words(text, roles[0].speech) >= _LONE_WORDS
    ):
        return []
    first = min(item.start for item in [*roles, *others])
    named = {e.canonical: e.start for e in reversed(people.items)}
    if speakers is None:
        speakers = Speakers(text, people)
    found = []
    for item in roles:
        holder = speakers.role_holder(item.start, item.end, position=item.start)
        at = named.get(holder or "", first)
        line = text.rfind("\n", 0, at) + 1
        if (
            at >= first
            or text.find("\n", line, line + _HEADING_CHARS) < 0
            or _SPACED_DASH.search(holder or "")  # "Doorstop Interview - Canberra": a heading
        ):
            holder = None  # (named only in the speech, or in a long paragraph: someone else)
        found.append(_Label(item.start, item.end, item.speech, holder, None))
    return found


def _partly_tagged_name(
    text: str, item: _Label, persons: Sequence[Entity], starts: Sequence[int]
) -> str | None:
    """The label's words as a name when the tagger found a person opening it and the label
    is two or three capitalised words (none a role or a heading's word)."""
    words = text[item.start : item.end].split()
    index = bisect_left(starts, item.start)
    if not 2 <= len(words) <= 3 or index >= len(persons) or persons[index].start != item.start:
        return None
    if any(
        not w[:1].isupper() or w.lower() in english.ROLE_NOUNS or w.lower() in _HEADING_WORDS
        for w in words
    ):
        return None
    return " ".join(words)


def _opens_line(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] == "\n"


def _names_itself(text: str, item: _Label, end: int) -> bool:
    """ "Marco Rubio: Retirement accounts. Two years ago, Senator Marco Rubio proposed…": a
    section about someone names them; a turn by them does not."""
    if not item.name:
        return False
    surname = item.name.split()[-1]
    lower = item.speech
    upper = min(end, item.speech + _SELF_NAMING_CHARS)
    # "Yelena Glushakova, RIA Novosti." is a journalist introducing herself: only a name
    # after a title ("Senator Marco Rubio") speaks of someone.
    for match in re.finditer(re.escape(surname), text[lower:upper]):
        before = text[max(lower, lower + match.start() - 40) : lower + match.start()].split()
        titles = english.ROLE_NOUNS | {"mr", "mrs", "ms", "dr", "senator", "sen", "gov", "rep"}
        if any(w.lower().rstrip(".") in titles for w in before[-3:]):
            return True
    return False


def _line_end(text: str, start: int) -> int:
    """The end of the line at ``start``, looked for within ``_HEADLINE_CHARS`` (-1: longer,
    or the text ends first): every check here needs only to know a line is short."""
    upper = min(len(text), start + _HEADLINE_CHARS + 1)
    return text.find("\n", start, upper)


def _next_paragraph(text: str, start: int) -> int:
    """Where the text after a short line at ``start`` resumes (-1: no short line, or the end)."""
    end = _line_end(text, start)
    if end < 0:
        return -1
    upper = min(len(text), end + _HEADLINE_CHARS)
    while end < upper and text[end].isspace():
        end += 1
    return end if end < len(text) else -1


def _line_words(text: str, start: int) -> int:
    """Words on the line at ``start`` (counted up to ``_HEADLINE_CHARS``)."""
    end = _line_end(text, start)
    return len(text[start : end if end >= 0 else start + _HEADLINE_CHARS].split())


def _is_headline(text: str, start: int, speech: int, text_start: int) -> bool:
    """ "Rush Limbaugh: Hillary Asking Moderator To Fact Check" on a line of its own (the
    text's first line, or in title case, or without a sentence's end): a headline, not a
    turn. "Clinton: 2,316." (a table) is none either."""
    line_end = _line_end(text, speech)
    line = text[speech : line_end if line_end >= 0 else speech + _HEADLINE_CHARS].rstrip()
    if not _LETTER.search(line):
        return True
    words = line.split()
    if line_end < 0:
        return False  # a long line (or the last one): speech
    capitalised = sum(w[:1].isupper() for w in words)
    return (
        start <= text_start
        or (capitalised * 10 >= len(words) * 6 and not _TWO_SENTENCES.search(line))
        or not line.endswith((".", "!", "?", "…", '"', "”", "»", ":"))
    )


def _label_start(text: str, end: int) -> int | None:
    """The start of the run of title words (capitalised, or "of", "the") ending at ``end``."""
    position = end
    count = 0
    start = None
    while position > 0 and count < _MAX_LABEL_WORDS and end - position < _MAX_LABEL_CHARS:
        match = _TITLE_WORD.search(text, max(0, position - 60), position)
        if match is None:
            break
        word = match.group()
        if word.endswith((".", "!", "?")) and start is not None and not _is_initial(word):
            break  # "Good. Yury Zaitsev:", "No. Valery Sanfirov:" — the label starts after
        if not (word[:1].isupper() or (word in _SMALL_WORDS and start is not None)):
            break
        if word[:1].isupper():
            start = match.start()
        count += 1
        position = match.start()
        if position == 0 or text[position - 1] not in " \t":
            break
        position -= 1
    return start


def _hover_card_name(label: str) -> str | None:
    """The name in a label the Kremlin pages garbled with a hover card: the surname is said
    twice in a row ("… Kassym-Jomart Tokayev Tokayev Kassym-JomartPresident of …")."""
    words = label.split()
    for index in range(1, len(words) - 1):
        if words[index] == words[index + 1] and words[index][:1].isupper():
            return f"{words[index - 1]} {words[index]}"
    return None


def _is_initial(word: str) -> bool:
    """ "V." or "Mr." (a full stop inside a name), not "No." or "Good." (a sentence's end)."""
    stem = word.rstrip(".")
    return word.endswith(".") and (len(stem) == 1 or stem.lower() in english.ABBREVIATIONS)


def _title_start(text: str, start: int, person_start: int) -> int:
    """Where the title before a name starts: from its first role noun."""
    for match in re.finditer(r"[\w.'’-]+", text[start:person_start]):
        if match.group().lower() in english.ROLE_NOUNS | english.ROLE_MODIFIERS:
            return start + match.start()
    return person_start


def label_start_before(text: str, start: int) -> int | None:
    """Where the label of the turn whose speech starts at ``start`` begins (for display)."""
    upper = min(len(text), start + 1)  # the look-ahead sees the speech's first letter
    colon = _COLON.search(text, max(0, start - 60), upper)
    while colon is not None and colon.end() != start:
        colon = _COLON.search(text, colon.end(), upper)
    if colon is None:
        return None
    return _label_start(text, colon.start())


def _label_person(
    text: str,
    persons: Sequence[Entity],
    starts: Sequence[int],
    start: int,
    end: int,
    organisations: Sequence[Entity] = (),
) -> Entity | None:
    from ossetia_reader.core.enrich.speakers import is_role_name

    """The person a label names: the one ending the label, else the first in it (the
    Kremlin pages repeat the name after it: "… Tokayev Tokayev Kassym-JomartPresident …")."""
    inside = [
        p for p in persons[bisect_left(starts, start) : bisect_left(starts, end)]
        if p.end <= end and not is_role_name(p.canonical)
    ]  # fmt: skip
    if not inside:
        return None
    for person in inside:
        if person.end == end:
            return person
    # The Kremlin pages' hover card: "Tokayev Kassym-Jomart Tokayev Tokayev Kassym-Jomart…",
    # "Sergei Lavrov Lavrov SergeiForeign Minister of Russia": a word said twice.
    return None


def _strip_title(name: str, label: str) -> str:
    """ "Russia Vladimir Putin" from "President of Russia Vladimir Putin" is Vladimir Putin:
    a word the label has right after "of" is the title's country, not the name."""
    from ossetia_reader.core.enrich.speakers import clean_name

    words = name.split()
    label_words = label.split()
    while len(words) > 2:
        first = words[0]
        positions = [i for i, w in enumerate(label_words) if w == first]
        if any(i > 0 and label_words[i - 1] in ("of", "the", "and") for i in positions):
            words = words[1:]
            continue
        break
    return clean_name(" ".join(words))


def _tail(name: str) -> str:
    """The last two words: what a short and a titled label of one person share."""
    return " ".join(name.split()[-2:]).lower()
