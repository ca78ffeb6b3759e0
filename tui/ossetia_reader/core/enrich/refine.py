"""Tagger output made into names an editor would list.

A tagger trained on 1990s Reuters reads official press releases badly in
three ways this module corrects with evidence from the text itself:

- it swallows titles and roles: ``President of Ukraine Volodymyr Zelenskyy``
  is LOC ``Ukraine`` plus PER ``Volodymyr Zelenskyy``, and ``Office of the
  President of`` is a fragment of ``Office of the President of Ukraine``;
- it takes capitalised common words for names: role nouns (``Head of
  State``, ``Adviser``), greetings, slogans (``Glory``), sentence-initial
  adverbs (``Moreover``);
- it types one entity differently in one article (``Mariupol`` ORG then LOC),
  where the words around a mention say which it is: a title before a name
  makes it a person, "in X" or "X region" a place, "X Inc" or "X manager"
  an organisation;
- it misses a surname the article has already named in full ("Tiger Woods"
  ... "Woods, who"), and glues a sentence's first word to a name ("Rival Sony").

``refine_spans`` works on raw ``(start, end, label)`` spans; ``decide_types``
types each mention from the lists, its cue, then the tagger; ``mention_cue``
tells the library which mentions a title marks as a person's (see ``store``).
Every check reads a bounded window or one pass over the article (``_facts``),
so a hostile text costs time in proportion to its length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich import identity, rules
from ossetia_reader.core.enrich.canonical import canonical_key

Span = tuple[int, int, str]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _alternatives(words: str) -> str:
    """A regular expression's alternatives for the words (longest first)."""
    return "|".join(sorted(set(words.split()), key=lambda word: (-len(word), word)))


_LOWER = re.compile(r"(?<![\w'’-])[^\W\d_A-Z][\w'’]*(?:-[\w'’]+)*(?![\w'’-])")
_INNER = re.compile(r"(?<=[\w,)\]%-] )[A-Z][\w'’]*(?:-[\w'’]+)*")
_WORD = re.compile(r"[\w'’.]+(?:-[\w'’.]+)*")
_CONNECTORS = frozenset({"of", "the", "and", "for", "to", "on", "at", "in"})
# Words that qualify a role ("Prime Minister", "Presidential Adviser", "Acting Head").
_ROLE_MODIFIERS = _wordset(
    "prime vice deputy acting former first presidential foreign executive supreme high "
    "permanent special plenipotentiary extraordinary chief general senior interim "
    "commander-in-chief co-chair co-chairman press affairs defence defense internal "
    "economic economy finance justice health education culture energy trade state "
    "federal national secretary-general under-secretary seri"
)
# Capitalised words that open sentences, greet, exclaim or head a section but name
# nothing; matched on one-word spans (case-insensitive).
_NOT_NAMES = _wordset(
    "moreover furthermore however therefore thus hence besides meanwhile nevertheless "
    "nonetheless frankly honestly indeed certainly clearly obviously naturally surely "
    "unfortunately fortunately finally firstly secondly thirdly lastly additionally "
    "also again instead otherwise still yet now today tomorrow yesterday here there "
    "glory hooray hurrah greetings welcome congratulations thanks thank please dear "
    "hello goodbye bye good evening morning afternoon night ladies gentlemen colleagues "
    "friends sir madam question answer applause laughter remark remarks comment "
    "statement transcript excerpts excerpt beginning end update updated photo video "
    "god lord amen yes no okay ok well so anyway look listen imagine remember fatherland "
    "motherland alliance government ministry cabinet committee commission council "
    "office agency department administration federation union "
    # Honorary titles the tagger cuts from their "of <country>": "Hero (of Russia)".
    "hero heroes"
)
# The institutions among them: the first word of many organisations' names.
_INSTITUTIONS = _wordset(
    "alliance government ministry cabinet committee commission council office agency "
    "department administration federation union"
)
# Journalese descriptors that open a sentence before a company or award ("Rival Sony",
# "Telco BT", "Strong Oscar contenders"): never a given name.
_DESCRIPTORS = _wordset(
    "rival telco chipmaker carmaker automaker retailer broadcaster airline insurer drugmaker "
    "brewer miner publisher operator giant firm lender regulator watchdog studio supermarket "
    "strong former fellow veteran struggling troubled embattled beleaguered ailing "
    "software hardware internet mobile phone handset search media entertainment "
    "electronics oil energy tobacco"
)
_DIRECTIONS = _wordset("north south east west northern southern eastern western central")
_LEGAL_FORMS = _wordset("co inc corp ltd plc llc cos")
_TITLE_ABBREVIATIONS = _wordset(
    "mr mrs ms dr st gen col lt sgt sen rep gov jr sr prof capt maj mt adm rev ft"
)
# Greetings and sentence adverbs glued to a name ("Hi Jason", "Meanwhile Smith said").
_GREETINGS = _wordset(
    "hi hey hello dear thanks congratulations welcome goodbye bye meanwhile moreover however "
    "therefore furthermore nevertheless nonetheless instead also still yet now today "
    "yesterday tomorrow here there indeed"
)
# Endings of sentence adverbs ("Thankfully", "Unfortunately"), which no given name has.
_ADVERB_ENDINGS = ("fully", "ately", "ously", "ably", "ibly", "ically")
# Prepositions, conjunctions and determiners: a sentence's first word, never a given name
# ("Outside Carrier's plant", "Unlike Smith, ...", "Both Clinton and ...").
_FUNCTION_WORDS = _wordset(
    "outside inside after before during since until unlike like despite among amid between "
    "behind beyond within without across along around near under over about against "
    "toward towards through throughout upon via beside besides except than when while "
    "whereas although though because unless whether both either neither each every all "
    "any some many most several such this that these those his her its their our your my "
    "if as at by for from in into of on onto to with and but or nor yet so plus"
)
# Abbreviations of common nouns and times: capitals, yet no entity.
_NOT_ABBREVIATIONS = _wordset("id tv dvd cd pc sms gdp vat ceo mp mps pac pacs")
# Time zones and money: tagged (MISC, as in CoNLL-2003) but never listed as entities.
_TIME_ZONES = _wordset("gmt utc bst cet est pst edt cest msk")
# ISO 4217 codes of the currencies in these corpora's news: amounts' marks, like "US$".
_CURRENCY_CODES = _wordset(
    "usd eur gbp jpy cny rub uah chf cad aud byn kzt pln sek nok dkk "
    # and the Reuters money-market tables' own (1987): marks, francs, guilders, lire, sterling
    "dmk sfr dfl lit ffr bfr stg dkr nkr skr lfr"
)
# Currencies' names after their country ("U.S. Dollar", "Deutsche Mark"): amounts' units.
_CURRENCY_NAMES = _wordset(
    "dollar dollars mark marks franc francs pound pounds lira lire guilder guilders "
    "yen rouble roubles ruble rubles peso pesos rupee rupees"
)
# "IDPs", "NGOs", "SMEs": the plural of an abbreviation is a kind of thing, not a name.
_PLURAL_ABBREVIATION = re.compile(r"[A-Z]{2,5}s")
# Multi-word greetings and slogans ("Good evening", "Glory to Ukraine").
_PHRASES = re.compile(
    r"(?i)^(?:good (?:morning|afternoon|evening|night|day|luck)|dear \w+|thank you|"
    r"ladies and gentlemen|glory to .*|happy .*|merry christmas|slava ukraini|"
    r"heroes? of .*|cities of military glory|"
    # the Malaysian king's title, whole or cut by the tagger
    r"yang(?: di-pertuan agong)?|(?:di-)?pertuan agong)$"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;…]['’\"”»)]*\s+|\n\s*|[\"“«(]\s*)$")
_LOC_BEFORE = re.compile(r"(?:^|\W)(?:in|near|outside|around|across|into)\s+$")
_LOC_AFTER = re.compile(
    r"^\s+(?:region|oblast|city|district|village|town|area|airport|direction|raion)\b"
)
_TEAM_AFTER = re.compile(
    r"^\s+(?:manager|boss|striker|midfielder|defender|goalkeeper|keeper|winger|fly-half|"
    r"scrum-half|lock|flanker|prop|hooker|centre|full-back|coach|skipper|fans|supporters|"
    r"squad|team-mate|teammate|quarterback|linebacker|cornerback|wide receiver|"
    r"running back|tight end|pitcher|shortstop|outfielder|infielder|slugger)\b"
)
# Last words of company names ("Visa International", "Lucky Stores", "ICI Pharma").
_COMPANY_HEADS = _wordset(
    "international stores pharma pharmaceuticals holdings industries systems airlines "
    "communications technologies motors foods petroleum resources capital securities "
    "partners brothers financial bancorp savings trust insurance electric steel chemical "
    "chemicals mining media entertainment pictures records software networks electronics "
    "enterprises investments properties ventures labs laboratories management refining "
    "manufacturing utilities bankshares bancshares wireless online computer computers mobile"
)
_COMPANY_AFTER = re.compile(
    r"^(?:,\s*)?\s*(?:Inc|Corp|Co|Ltd|Plc|PLC|AG|SA|NV|LP|Cos|Corporation|Incorporated)\b"
    r"|^(?:['’]s)?\s+(?:shares|stock|stockholders|shareholders|subsidiary|unit|companies)\b"
    # "Jardine Matheson Holdings Ltd", "Cheung Kong (Holdings) Ltd <CKGH.HKG>"
    r"|^\s+\(?(?:Holdings|Group|Industries)\)?(?:\s+(?:Ltd|Plc|PLC|Inc|Corp|Co|Limited)\b|\s*<)"
    # "Cheung Kong director Albert Chow": a company's director, named
    r"|^\s+director\s+[A-Z][a-z]"
    # "Smith Barney, Harris Upham and Co Inc": a partnership's name
    r"|^\s+(?:and|&|&amp;)\s+(?:Co|Cos|Company)\b"
)
# "E.D. and F. Man": a name after initials and "and" is a firm's (no person is initials).
_FIRM_INITIALS_BEFORE = re.compile(r"(?:^|\s)(?:[A-Z]\.){1,3}\s*(?:and|And|&|&amp;)\s+$")
_COMPANY_BEFORE = re.compile(
    r"(?:stake|shares|stock|stockholders|shareholders|subsidiary|unit|acquisition|takeover)"
    r"\s+(?:in|of)\s+$"
)
# A stock ticker right after a name: "Fannie Mae (FNM.N: Quote, Profile, Research)",
# Reuters' "GTE Corp <GTE>": the name is a listed company's.
_TICKER_AFTER = re.compile(r"^\s*(?:\([A-Z0-9][A-Z0-9.\-]*\.[A-Z]{1,2}:|<[A-Z0-9][A-Z0-9.\-]*>)")
# What only a person is after their name: "who" (an organisation is "which"), "said
# he/she", an age ("Tollan, 45, said"; "Santilli - a 50-year-old"), "himself".
_PERSON_AFTER = re.compile(
    r"(?:['’]s)?(?:,\s+who\b|\s+(?:said|says|told\s+\w+|added)\s+(?:he|she)\b|,\s+\d{2},\s+[a-z]"
    r"|\s*(?:,|\s[-–—])\s+an?\s+\d{2}-year-old\b|\s+(?:himself|herself)\b)"
)
_KIN_BEFORE = re.compile(
    r"\b(?:his|her|their|my|your|our)\s+(?:\w+\s+)?(?:brother|sister|wife|husband|son|daughter|"
    r"father|mother|uncle|aunt|cousin|nephew|niece|grandson|granddaughter|grandfather|"
    r"grandmother|widow|girlfriend|boyfriend|fianc[eé]e?),?\s+$"
)
_PREPOSITION_BEFORE = re.compile(
    r"(?:^|\W)(?:of|from|in|at|to|near|into|across|around|outside|for)\s+$"
)
_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:the|The|a|an)\s+$")  # "the Celtics, who"
_PER_AFTER = re.compile(r"^,?\s+(?:said|says|noted|stressed|added|explained|emphasised|"
                        r"emphasized|told|thanked|signed|met)\b")  # fmt: skip


# Titles and role nouns that stand before a name in official and news prose. Narrower
# than the rule tagger's title list on purpose: "Singer", "Major", "Cardinals" and
# "Queens" open names of events and teams too often to be cut off.
_ROLES = _wordset(
    "president vice-president premier chancellor minister secretary ambassador envoy "
    "senator congressman congresswoman governor mayor chairman chairwoman chairperson "
    "chair head deputy director commander adviser advisor aide spokesman spokeswoman "
    "spokesperson commissioner ombudsman speaker rector patriarch metropolitan emir "
    "sultan sheikh mr mrs ms dr general colonel lieutenant admiral marshal emperor empress "
    "officer taoiseach tanaiste datuk dato tun ruler sultanah "
    "tsar czar king queen prince princess pope archbishop bishop treasurer "
    "secretary-general commander-in-chief co-chair co-chairman prosecutor-general "
    # The United Nations' titles ("Special Rapporteur", "Emergency Relief Coordinator",
    # "UNDP Administrator", "Under-Secretary-General for ...", "Director-General").
    "rapporteur coordinator administrator under-secretary-general director-general"
)


# The last words of a title that never end an organisation's or a person's name ("UN
# Resident Coordinator", "Special Rapporteur", "Metropolitan Police Commissioner"); not
# "King" or "Queen" ("Burger King", "Dairy Queen").
_TITLE_HEADS = _wordset(
    "coordinator rapporteur administrator envoy commissioner spokesman spokeswoman "
    "spokesperson adviser advisor director-general secretary-general under-secretary-general "
    "writer correspondent"
)
# A company's kind before its name in a title-case headline ("Mapping Firm Keyhole").
# Kinds of company, in the three lists below: before a name in a title-case headline,
# right before a name in prose, and in an apposition after one.
_COMPANY_KINDS = (
    "company firm carrier lender insurer retailer chipmaker carmaker automaker brokerage"
)
_COMPANY_NOUNS = _wordset(f"{_COMPANY_KINDS} rival drugmaker startup start-up")
# Kinds of official documents: with only role words before them ("Executive Order",
# "Presidential Decree") they name a kind of document, not one document.
_DOCUMENT_HEADS = _wordset("order orders decree decrees directive instruction resolution")
# The words of a web page's furniture around an article ("Published On:", "Reply",
# "Image Credit", "Menu", "Login", "Register"): capitalised, never a name on their own.
_PAGE_WORDS = _wordset(
    "published updated posted reply replies menu author login log register "
    "subscribe share comments comment advertisement related follow image credit credits "
    "photo photos file video read more print email news click"
)


# Titles that stand before a person's name but also open bodies' names ("Justice Scalia",
# "the Justice Department"): cut from people's names only.
_PERSON_TITLES = _wordset("justice justices engineer")  # "Flight Engineer Salizhan Sharipov"


@cache
def _generic_words() -> frozenset[str]:
    """Words a role or institution is made of, but never a name on their own."""
    gaz = rules.gazetteers()
    return frozenset(
        _ROLES
        | _ROLE_MODIFIERS
        | gaz.org_words
        | _CONNECTORS
        | {"state", "office", "government", "administration", "staff", "president's"}
    )


# "Kim Mahn-je", "Roh Tae-woo": a full name the tagger cut at the hyphen of its last
# part; not "Bush-era" or "Putin-backed" (English words that make compounds).
_NAME_SYLLABLE = re.compile(r"-[a-z]{1,5}(?![\w'’-])")
_COMPOUND_WORDS = _wordset(
    "era led style type backed based born owned like run made linked allied friendly "
    "backing bashing ish esque aided era's free wide class chaired funded"
)
_PREVIOUS_WORD = re.compile(r"(?<![\w'’-])([\w'’-]+) $")
_EPITHET = re.compile(r" the (?:Great|Terrible|Wise|Elder|Younger|Conqueror)\b")
_ROLE_OF = re.compile(r"([A-Za-z-]+)\s+of\s+(?:the\s+)?$")
_ROLE_AND = re.compile(r"(?P<role>[A-Za-z-]+)\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}and\s+$")
_ROLE_BEFORE = re.compile(
    r"(?:^|\W)(?P<role>[A-Za-z-]+)\.?(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,6})?\s*$"
)


@lru_cache(maxsize=65536)
def _plain(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


def _is_role(word: str) -> bool:
    return _plain(word) in _ROLES


def is_role_word(word: str) -> bool:
    """Whether ``word`` is a title, a role or a role's qualifier ("Mr", "President",
    "Prime", "Shri"): no given name."""
    plain = _plain(word)
    return (
        _is_role(word)
        or plain in _ROLE_MODIFIERS
        or plain in _TITLE_ABBREVIATIONS
        or plain in _HONORIFICS
    )


_HONORIFICS = _wordset("shri sri smt lord lady sir dame")


def _is_generic(word: str) -> bool:
    plain = _plain(word)
    generic = _generic_words()
    return plain in generic or (plain.endswith("s") and plain[:-1] in generic)


@lru_cache(maxsize=65536)
def _listed(name: str) -> str | None:
    return identity.listed_type(name) or rules.listed_type(name)


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(start + s, start + e, word) for s, e, word in _words_of(text[start:end])]


@lru_cache(maxsize=65536)
def _words_of(name: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group()) for m in _WORD.finditer(name))


def _longest_listed(
    text: str, words: list[tuple[int, int, str]], first: int
) -> tuple[int, str] | None:
    """The longest listed name starting at ``words[first]``: (index of its last word, type)."""
    for last in range(min(len(words) - 1, first + 6), first - 1, -1):
        found = _listed(text[words[first][0] : words[last][1]])
        if found is not None:
            return last, found
    return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def refine_spans(text: str, spans: Sequence[Span]) -> list[Span]:
    """Rejoin fragments, cut titles and roles out of spans, and drop spans naming nothing."""
    spans = _at_spaced_dashes(text, spans)
    spans = _ampersands(text, _joined_on(text, [_unopened(text, span) for span in spans]))
    joined = [
        (start, end + len(m.group()), label)
        if label == "PER" and (m := _EPITHET.match(text, end)) is not None
        else _with_listed_head(text, start, end, label)
        for start, end, label in _join_fragments(text, sorted(spans))
    ]
    joined = [
        (start, end + len(m.group()), label)
        if label == "PER"
        and " " in text[start:end].strip()
        and (m := _NAME_SYLLABLE.match(text, end)) is not None
        and m.group()[1:].lower() not in _COMPOUND_WORDS
        else (start, end, label)
        for start, end, label in joined
    ]
    joined = _branded(text, _apostrophe_names(text, _day_events(text, joined)))
    others: dict[str, str] = {}
    for start, end, label in joined:
        if label != "PER":
            others.setdefault(" ".join(text[start:end].split()), label)
    refined: list[Span] = []
    for start, end, label in joined:
        start, label = _opening_word(text, start, end, label, others)
        for piece in _split_roles(text, start, end, label):
            if (release := _RELEASE_AFTER.search(text, piece[0], piece[1])) is not None:
                piece = (piece[0], release.start(), piece[2])  # "PGI News Release": PGI
            if piece[2] == "PER" and (
                (caption := _CAPTION_AFTER.search(text, piece[0], piece[1])) is not None
            ):
                piece = (piece[0], caption.start(), "PER")  # "John Whittingdale Portrait"
            if piece[2] == "PER" and (body := _body_glued(text, piece, others)) is not None:
                refined.append((piece[0], body, others[" ".join(text[piece[0] : body].split())]))
                piece = (
                    _words(text, body, piece[1])[0][0],
                    piece[1],
                    "PER",
                )  # "McLaren Lewis Hamilton"
            if piece[2] == "PER" and (after := _glued_to_listed(text, piece)) is not None:
                piece = (after, piece[1], "PER")  # "(Rajya) Sabha Arun Jaitley": Arun Jaitley
            opening = _PARTICIPLE_OPENING.match(text, piece[0]) if piece[2] == "PER" else None
            if (
                opening
                and not _first_name(opening.group(1))
                and not opening.group(1).endswith(_NAMES_IN_ED)
                and opening.end() < piece[1]
            ):
                piece = (opening.end(), piece[1], "PER")  # "Stranded Ryanair (customers)"
            if piece[2] == "PER" and (glued := _GLUED_DIGITS.search(text, piece[0], piece[1])):
                piece = (piece[0], glued.start(), "PER")  # "Fiona Simpson19 September 2017"
            if piece[2] == "PER" and (mirror := _MIRRORED.match(text, piece[0], piece[1])):
                piece = (piece[0], mirror.start(2) + len(mirror.group(2)), "PER")
            piece_text = text[piece[0] : piece[1]]
            if (
                is_junk(text, piece[0], piece[1])
                or (piece[2] == "PER" and _headline(piece_text))
                or (piece[2] == "PER" and _participle_inside(text, piece_text))
                or any(word in _HEADLINE_VERBS for word in piece_text.split()[1:])
                # "BJP Shifts Its (stand)": no name holds a possessive pronoun
                or any(word in _POSSESSIVES for word in piece_text.split()[1:])
                # "Denver Mayor": a place and an office, no person's name
                or (piece[2] == "PER" and _plain(piece_text.split()[-1]) in _OFFICES)
            ):
                continue
            if (
                refined
                and piece[2] == "PER"
                and refined[-1][2] == "PER"
                and text[refined[-1][1] : piece[0]] in (" ", "-", "  ", "   ", "\u00a0")
            ):
                # (and "Benjamin" + "  " + "Netanyahu": a feed's double space inside a name)
                # (and "Kassym" + "-" + "Jomart Tokayev": a hyphenated given name)
                # "(President of the European Commission) Ursula" + "von der Leyen"
                piece = (refined.pop()[0], piece[1], "PER")
            refined.append(piece)
    return _propagate_surnames(text, sorted(set(refined)))


_SPACED_DASH = re.compile(r"\s+[-–—]+\s+")


def _at_spaced_dashes(text: str, spans: Sequence[Span]) -> list[Span]:
    """A span across a dash set off by spaces is two names, or a name and the aside
    after it: "Deborah Jordan Reynolds - Santilli's girlfriend -" names Deborah Jordan
    Reynolds and Santilli (a name is hyphenated without spaces: "Kim Dae-jung")."""
    result: list[Span] = []
    common = rules.gazetteers().common
    for start, end, label in spans:
        pieces, at = [], start
        for dash in _SPACED_DASH.finditer(text, start, end):
            pieces.append((at, dash.start()))
            at = dash.end()
        pieces.append((at, end))
        if len(pieces) == 1:
            result.append((start, end, label))
            continue
        for piece_start, piece_end in pieces:
            piece = text[piece_start:piece_end].strip()
            # "AP - A 20-year-old man": the sentence's first word is no name
            if len(piece) > 1 and piece.lower() not in common:
                result.append((piece_start, piece_end, label))
    return result


# Days named as events: "Super Tuesday", "Black Monday", "Good Friday", "Cyber Monday".
_DAY_EVENT_WORDS = _wordset("super black cyber good ash easter holy bloody palm maundy")
_WEEKDAY_AFTER = re.compile(r" (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _day_events(text: str, spans: list[Span]) -> list[Span]:
    """A span ending in "Super" or "Black" right before a day of the week is the day's
    event cut short by the tagger (a day of the week is no name to it): "Super" LOC of
    "Super Tuesday" is the event ``Super Tuesday`` (MISC)."""
    result = []
    for start, end, label in spans:
        words = text[start:end].split()
        if (
            len(words) == 1
            and _plain(words[0]) in _DAY_EVENT_WORDS
            and (m := _WEEKDAY_AFTER.match(text, end)) is not None
        ):
            result.append((start, m.end(), "MISC"))
        else:
            result.append((start, end, label))
    return result


# A feed's "&amp;" left as " amp;" between two capitalised words: "Johnson amp; Johnson",
# "AT amp;T Wireless Services", "Procter amp; Gamble".
_AMPERSAND_NAME = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*[ \t]{1,2}amp;[ \t]{0,2}[A-Z][\w'’.-]*")


def _ampersands(text: str, spans: list[Span]) -> list[Span]:
    """A company written "X amp; Y" (a feed's "&amp;" half-decoded) is one name, which
    the tagger cut at " amp;" into "X" and "Y" or left out; the name is the capitalised
    words around the ampersand, an organisation ("Johnson amp; Johnson")."""
    if "amp;" not in text:
        return spans
    result = list(spans)
    for match in _AMPERSAND_NAME.finditer(text):
        start, end = match.span()
        if _plain(match.group().rsplit(";", 1)[-1].strip()) in _LEGAL_FORMS:
            continue  # "Merck  amp; Co.": Merck, with its legal form
        # a name the tagger found right after it: "AT amp;T" + "Wireless Services Inc."
        end = max([end] + [e for s, e, _ in result if start <= s <= end + 1])
        touched = [span for span in result if span[0] < end and start < span[1]]
        if touched and all(start <= s and e <= end for s, e, _ in touched):
            result = [span for span in result if span not in touched]
            result.append((start, end, "ORG"))
    return sorted(result)


def _joined_on(text: str, spans: list[Span]) -> list[Span]:
    """ "General Agreement" + "on" + "Tariffs and Trade": a body's or an agreement's head word
    and "on" continue into the next span ("Conference on Disarmament" the tagger reads
    whole); the name is one, of the first part's type."""
    ordered = sorted(spans)
    result: list[Span] = []
    for span in ordered:
        if result:
            start, end, label = result[-1]
            words = text[start:end].split()
            if (
                label in ("ORG", "MISC")
                and len(words) > 1
                and text[end : span[0]] in (" on ", " on the ")
                and _plain(words[-1]) in _ON_HEADS
                and all(
                    _capitalised(word) or word == "and" for word in text[span[0] : span[1]].split()
                )
            ):
                result[-1] = (start, span[1], "ORG" if "ORG" in (label, span[2]) else label)
                continue
        result.append(span)
    return result


# Head words of bodies and agreements named "... on <subject>".
_ON_HEADS = _wordset(
    "agreement conference convention treaty commission committee council court panel"
)


def _unopened(text: str, span: Span) -> Span:
    """ "Dell (Quote" of "Dell (Quote, Chart)": a span runs into a parenthesis it does not
    close; the name ends before it (a name with brackets closes them: "Znaniye (Knowledge)")."""
    start, end, label = span
    opened = text.find("(", start, end)
    if opened <= start or text.find(")", opened, end) != -1:
        return span
    return (start, start + len(text[start:opened].rstrip()), label)


# "Sean O #39;Keefe" (a feed's escaped apostrophe), "Sean O' Keefe": the tagger stops at
# the O; the name goes on to the capitalised word after the apostrophe.
_APOSTROPHE_REST = re.compile(r"(?: ?#39;|['’] ?)[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def _apostrophe_names(text: str, spans: list[Span]) -> list[Span]:
    result: list[Span] = []
    for start, end, label in spans:
        if result and start < result[-1][1]:
            continue  # swallowed by the name before ("Keefe" of "Sean O #39;Keefe")
        words = text[start:end].split()
        if (
            label == "PER"
            and len(words) > 1
            and words[-1] in ("O", "D")
            and (match := _APOSTROPHE_REST.match(text, end)) is not None
        ):
            end = match.end()
        result.append((start, end, label))
    return result


# "iTunes Music Store", "eBay Motors": a brand written in lower case then a capital, and
# the capitalised words after it the tagger took apart (as a person, "Music Store").
_BRAND_BEFORE = re.compile(r"(?<![\w'’.-])[ie][A-Z][A-Za-z]+ $")


def _branded(text: str, spans: list[Span]) -> list[Span]:
    result: list[Span] = []
    for start, end, label in spans:
        brand = _BRAND_BEFORE.search(text, max(0, start - 30), start)
        words = text[start:end].split()
        if (
            brand is not None
            and text[start : start + 1].isupper()
            and not _first_name(words[0])
            and not any(_is_role(word) for word in words)
        ):
            if result and result[-1][0] == brand.start():
                result.pop()  # "iTunes" tagged on its own
            result.append((brand.start(), end, "MISC" if label == "PER" else label))
            continue
        result.append((start, end, label))
    return result


_MAX_PROPAGATED = 100


def _propagate_surnames(text: str, spans: list[Span]) -> list[Span]:
    """A surname the tagger missed is still the person the article names in full:
    "Tiger Woods" ... "Woods, who turned pro" gets its second mention. Only whole,
    capitalised words outside other spans; never a listed place or organisation
    ("Jordan"), nor a sentence's first word the article also writes in lower case."""
    surnames: dict[str, None] = {}
    for start, end, label in spans:
        words = _words(text, start, end)
        if label == "PER" and len(words) >= 2:
            last = words[-1][2]
            if len(last) > 2 and last[:1].isupper() and not last.isupper():
                surnames.setdefault(last, None)
    if not surnames:
        return spans
    taken = [(start, end) for start, end, _ in spans]
    starts = [start for start, _ in taken]
    added: list[Span] = []
    facts = _facts(text)
    for surname in list(surnames)[:_MAX_PROPAGATED]:
        if _listed(surname) or _first_name(surname) or _plain(surname) in _NOT_NAMES:
            continue
        pattern = rf"(?<![\w'’.-]){re.escape(surname)}(?![\w-])"
        for match in re.finditer(pattern, text):
            at = match.start()
            index = bisect_right(starts, at) - 1
            if index >= 0 and taken[index][1] > at:
                continue  # inside a span already (the full name itself)
            if text[max(0, at - 1) : at].isupper() or (
                _sentence_initial(text, at) and surname.lower() in facts.lower
            ):
                continue
            added.append((at, match.end(), "PER"))
    return sorted(spans + added) if added else spans


def _with_listed_head(text: str, start: int, end: int, label: str) -> Span:
    """``Liberal`` + ``Democrat``: a capitalised word the tagger left out just before a
    span joins it when together they are a listed name (with its listed type)."""
    before = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if before is None or not before.group(1)[:1].isupper():
        return (start, end, label)
    joined = _listed(" ".join(text[before.start(1) : end].split()))
    return (before.start(1), end, joined) if joined else (start, end, label)


def _opening_word(
    text: str, start: int, end: int, label: str, others: dict[str, str]
) -> tuple[int, str]:
    """ "Rival Sony has said ...": a sentence's first word glued to a name the article
    names on its own elsewhere as an organisation or other non-person is not part of it;
    the name keeps the type the article gives it there."""
    words = _words(text, start, end)
    if label != "PER" or len(words) < 2 or not _sentence_initial(text, start):
        return start, label
    first = words[0][2]
    if _first_name(first) or _listed(first) or not first[:1].isupper() or first.endswith("."):
        return start, label
    rest = " ".join(text[words[1][0] : end].split())
    found = others.get(rest)
    if _plain(first) in _DESCRIPTORS:
        return words[1][0], found or "ORG"  # "Rival Sony", "Telco BT", "Strong Oscar"
    if (
        _plain(first) in _FUNCTION_WORDS
        or _plain(first) in _GREETINGS
        or _plain(first).endswith(_ADVERB_ENDINGS)
    ):
        # "Outside Carrier's plant", "Hi Jason", "Thankfully Passenger": not a given name
        return words[1][0], found or label
    if found is None or not rest.isupper() or _named_inside(text, text[start:end]):
        return start, label
    return words[1][0], found


_SAINT = _wordset("st ste ft mt")


def _join_fragments(text: str, spans: list[Span]) -> list[Span]:
    """``Office of the President of`` + ``Ukraine``: a span ending in "of" continued by the
    next one is one name; with nothing after it the dangling words go. ``ST`` + ``LOUIS``
    (the tagger stops at the abbreviation's full stop) is one name too."""
    joined: list[Span] = []
    index = 0
    while index < len(spans):
        start, end, label = spans[index]
        following = spans[index + 1] if index + 1 < len(spans) else None
        if (
            following is not None
            and _plain(text[start:end]) in _SAINT
            and text[end : following[0]] in (". ", ".")
            and text[following[0] : following[0] + 1].isupper()
        ):
            joined.append((start, following[1], following[2]))  # "ST. LOUIS", "St. Kitts"
            index += 2
            continue
        while True:
            words = _words(text, start, end)
            if not words or words[-1][2].lower() not in ("of", "the", "and", "for"):
                break
            following = spans[index + 1] if index + 1 < len(spans) else None
            head = words[-2][2] if len(words) > 1 else ""
            if (
                following is not None
                and text[end : following[0]] in (" ", " the ")
                and _is_generic(head)  # "Office of the President of" + "Ukraine"
            ):
                end = following[1]
                index += 1
                continue
            while words and words[-1][2].lower() in ("of", "the", "and", "for"):
                words.pop()
            end = words[-1][1] if words else start
            break
        if end > start:
            joined.append((start, end, label))
        index += 1
    return joined


_VERSUS = re.compile(r"\S \s*v\.? \s*[A-Z]")


def _split_roles(text: str, start: int, end: int, label: str) -> list[Span]:
    """Cut leading and trailing roles out of one span, keeping what they name."""
    words = _words(text, start, end)
    if not words:
        return []
    if label == "PER" and _VERSUS.search(text, start, end):
        return [(start, end, "MISC")]  # "People v. Trump", "Roe v. Wade": a court case
    if "$" in text[start:end] or text[end : end + 1] == "$" or is_marker(text[start:end]):
        return [(start, end, "MISC")]  # "US$", "C$", "GMT" (see ``is_marker``)
    if _listed(" ".join(text[start:end].split())):
        return [(start, end, label)]
    # "Minister of Energy and Mines Subroto": the role's last word glued to the name.
    # "Minister of Trade and Industry Anand Sharma": the first word ends the portfolio
    # unless it is a given name.
    if label == "PER" and len(words) > 1 and not _first_name(words[0][2]):
        role = _ROLE_AND.search(text[max(0, start - 90) : start])
        if role is not None and _is_role(role.group("role")):
            words.pop(0)
            start = words[0][0]
    if (
        label == "PER"
        and len(words) > 1
        and _plain(words[0][2]) in _COMPANY_NOUNS
        and not _first_name(words[1][2])
        and all(_capitalised(word) for _, _, word in words[1:])
    ):
        return [(words[1][0], end, "ORG")]  # "(Google Acquires Mapping) Firm Keyhole"
    # "Mykola Zhyrnov Head" (of the Kyiv City Military Administration)
    while (
        len(words) > 1
        and _is_role(words[-1][2])
        and words[-2][2] not in _CONNECTORS
        and text[words[-1][1] :].startswith(" of ")
    ):
        words.pop()
        end = words[-1][1]
    if (
        len(words) > 1
        and _sentence_initial(text, start)
        and _common_opening(text, words[0][2])
        and _plain(words[0][2]) not in _INSTITUTIONS  # "Union Pacific", "Federation Council"
        and all(_capitalised(word) for _, _, word in words[1:])
        and not _named_inside(text, text[start:end])
    ):
        words = words[1:]  # "Rival Sony", "Strong Oscar", "Telco BT"
        start = words[0][0]
    first = 0

    def titles(word: str) -> bool:  # "Justice Scalia": a title only before a person's name
        return _is_role(word) or (label == "PER" and _plain(word) in _PERSON_TITLES)

    while first < len(words) and (
        titles(words[first][2])
        or _plain(words[first][2]) in _ROLE_MODIFIERS
        or (first and words[first][2] in _CONNECTORS)
    ):
        first += 1
    if first and not any(titles(word) for _, _, word in words[:first]):
        first = 0  # "First Deputy", "Foreign" alone are not roles before a name
    if first < len(words) and words[first][2][:1] in "'’":
        first = 0  # "Queen 's Park"
    if first == len(words):
        return []  # only a role: "Head of State", "Prime Minister"
    if (
        first
        and label != "PER"
        and words[first - 1][2] != "of"
        and (first == len(words) - 1 or identity.has_legal_form(text[words[first][0] : end]))
    ):
        first = 0  # "General Motors", "General Motors Corp": a company, not a general's name
    if (
        first
        and label != "PER"
        and len(words) > first + 2
        and words[first + 1][2] == "on"
        and _plain(words[first][2]) in _ON_HEADS
    ):
        first = 0  # "General Agreement on Tariffs and Trade": an agreement, no general
    before = text[max(0, start - 40) : start]
    fielded = _portfolio(text, words, start, first, label)
    if fielded is not None:
        return fielded
    of_before = before.endswith((" of ", " of the "))
    after_of = first > 0 and words[first - 1][2] in ("of", "the")
    if first or of_before:
        of_role = after_of or (not first and of_before)
        role = _ROLE_OF.search(before)
        titled = after_of or (role is not None and _is_role(role.group(1)))
        portfolio = (
            not first
            and role is not None
            and _plain(role.group(1)) in _PORTFOLIO_ROLES
            and not before.endswith(" the ")
        )
        return _after_role(
            text, words, first, label, end, of_role=of_role, titled=titled, portfolio=portfolio
        )
    return _body_then_person(words, start, end, label)


# Roles named after a portfolio: "Minister of Transport", "Secretary of Defense": the
# words after "of" are the role's, not an organisation's ("the Treasury" keeps "the").
_PORTFOLIO_ROLES = _wordset("minister ministers secretary commissioner representative envoy")
# A portfolio role and the portfolio's words so far: "Presidential Representative for
# Environmental Protection, Ecology and " (before "Transport Sergei Ivanov").
_PORTFOLIO_BEFORE = re.compile(
    r"(?:^|\W)(?:[Mm]inisters?|[Ss]ecretary|[Cc]ommissioner|[Rr]epresentative|[Ee]nvoy)"
    r"\s+(?:of|for|on)\s+(?:[A-Z][\w'’-]*,?\s+(?:and\s+)?)*$"
)


def _portfolio(
    text: str, words: list[tuple[int, int, str]], start: int, first: int, label: str
) -> list[Span] | None:
    """What a span in a portfolio keeps: "(Special) Representative for Environmental
    Protection" and "(..., Ecology and) Transport" name a role's field, no body; only a
    person after it ("Transport Sergei Ivanov") is a name. None when the span is no
    portfolio, or a word of it names a body or a listed name ("Minister for Europe")."""
    inside = next(
        (
            index + 2
            for index in range(len(words) - 2)
            if _plain(words[index][2]) in _PORTFOLIO_ROLES
            and words[index + 1][2] in ("for", "of")
            and all(_plain(word) in _ROLE_MODIFIERS for _, _, word in words[:index])
        ),
        None,
    )  # "Special Presidential Representative for Environmental Protection"
    if inside is not None:
        first = inside
    elif (
        first
        or label == "PER"
        or text[max(0, start - 5) : start].endswith(" the ")
        or _PORTFOLIO_BEFORE.search(text, max(0, start - 120), start) is None
    ):
        return None
    rest = words[first:]
    org_words = rules.gazetteers().org_words
    if not rest or any(_plain(word) in org_words for _, _, word in rest):
        return None
    pieces: list[Span] = []
    listed = _longest_listed(text, words, first)
    if listed is not None:  # "Minister for Europe Anna Dorvan": the place, then the person
        last, type_ = listed
        pieces.append((words[first][0], words[last][1], type_))
        rest = words[last + 1 :]
    for index in range(len(rest)):
        if _first_name(rest[index][2]) and all(_capitalised(w) for _, _, w in rest[index:]):
            if len(rest) - index > 1:
                pieces.append((rest[index][0], rest[-1][1], "PER"))
            return pieces
    return pieces if not rest else ([] if not pieces else None)


def _body_then_person(
    words: list[tuple[int, int, str]], start: int, end: int, label: str
) -> list[Span]:
    """ "(Director General of the Znaniye (Knowledge)) Society Maxim Dreval": a body's
    last word ("Society", "Agency") glued to a person's name that opens with a known
    given name; the person is a name of their own, the lone word is no entity."""
    if label not in ("PER", "ORG") or len(words) < 3:
        return [(start, end, label)]
    org_words = rules.gazetteers().org_words
    for index in range(1, len(words) - 1):
        if (
            _plain(words[index - 1][2]) in org_words
            and _first_name(words[index][2])
            and _plain(words[index][2]) not in org_words
            and all(_capitalised(word) for _, _, word in words[index:])
        ):
            body = [(words[0][0], words[index - 1][1], "ORG")] if index > 1 else []
            return [*body, (words[index][0], end, "PER")]
    return [(start, end, label)]


def _after_role(
    text: str,
    words: list[tuple[int, int, str]],
    first: int,
    label: str,
    end: int,
    *,
    of_role: bool,
    titled: bool = False,
    portfolio: bool = False,
) -> list[Span]:
    """What follows a role: "of <listed place or body>" and then a person, or a person.

    After a portfolio role ("Minister of Infrastructure Oleksandr Kubrakov") the words
    before a known given name are the portfolio, no organisation of their own; so is a
    portfolio with no name after it ("the Minister of Transport"), unless a word of it
    names a body ("Secretary of the Security Council" keeps its council)."""
    if of_role:
        listed = _longest_listed(text, words, first)
        if listed is not None:
            last, type_ = listed
            rest = words[last + 1 :]
            if rest and (
                not all(_capitalised(word) for _, _, word in rest)
                or any(_is_generic(word) for _, _, word in rest)
                # "(of) Bosnian Serbs", "U.S. Treasury"; but "European Commission Ursula"
                # but "(President of) Belarus Lukashenko" and "European Commission Ursula"
                or (first == 0 and len(rest) < 2 and not titled and not _first_name(rest[0][2]))
            ):
                # "(Head of the) Kyiv City Military Administration": one name, not two.
                return [(words[first][0], end, label)]
            pieces: list[Span] = [(words[first][0], words[last][1], type_)]
            if rest:
                pieces += _split_roles(text, rest[0][0], end, "PER")
            return pieces
        if first == 0:
            org_words = rules.gazetteers().org_words
            bodies = portfolio and any(_plain(w) in org_words for _, _, w in words)
            # "(Deputy Chairman of the) Security Council Dmitry Medvedev": a body, then a
            # person from a known given name on.
            for index in range(1, len(words) - 1):
                if _first_name(words[index][2]) and all(
                    _capitalised(word) for _, _, word in words[index:]
                ):
                    if portfolio and not any(_plain(w) in org_words for _, _, w in words[:index]):
                        return [(words[index][0], end, "PER")]  # "(Minister of) Transport"
                    if any(_is_generic(word) for _, _, word in words[:index]) or (
                        # "(branch manager of) Credit Suisse Paul Hofer": a body and its
                        # person; not "(the wife of) Anna Maria Dorvan"
                        label in ("PER", "ORG")
                        and not portfolio
                        and not _first_name(words[0][2])
                        and len(words) - index >= 2
                    ):
                        return [
                            (words[0][0], words[index - 1][1], "ORG"),
                            (words[index][0], end, "PER"),
                        ]
            if portfolio and not bodies and label != "PER" and len(words) <= 3:
                return []  # "the Minister of Transport", "Minister of Economic Development"
            return [(words[0][0], end, label)]
        # An unlisted body ("of the Presidential Council for Civil Society ... Valery
        # Fadeyev"): the person starts at a known first name, else nothing is certain.
        first_names = rules.gazetteers().first_names
        for index in range(first, len(words)):
            if _plain(words[index][2]) in first_names and all(
                _capitalised(word) for _, _, word in words[index:]
            ):
                return [(words[index][0], end, "PER")]
        if label != "PER" and not any(_is_role(word) for _, _, word in words[first:]):
            return [(words[0][0], end, label)]  # a body named after a role: "Queen of the South"
        return []
    rest = words[first:]
    if not all(_capitalised(word) or word.lower() in ("von", "der", "de", "van", "al", "bin")
               for _, _, word in rest):  # fmt: skip
        return []
    return [(rest[0][0], end, "PER" if label in ("PER", "ORG") else label)]


# Words a headline in title case has and a name of four words or more has not.
_HEADLINE_WORDS = frozenset(
    " ".join(
        [
            "To For With As Is Are Was Will Can Could Should May Might Says Said Add Adds",
            "Sees Plans Wins Gets Takes Makes Hits Sets Back Over Into From About",
        ]
    ).split()
)


# A photo caption's word after a person's name: "John Whittingdale Portrait".
_CAPTION_AFTER = re.compile(r"(?<=\S)\s+(?:Portrait|Photo|Photograph|Headshot|Image|File)$")
_POSSESSIVES = frozenset({"Its", "Their", "His", "Her", "Our", "My", "Your"})
# Offices that end no person's name (not "King", "Bishop" or "Chancellor": surnames too).
_OFFICES = _wordset(
    "mayor governor minister president senator spokesman spokeswoman chairman chairwoman "
    "secretary premier"
)
# A page's label after a company's name: "PGI News Release", "Vantor Press Release".
_RELEASE_AFTER = re.compile(r"\s+(?:News|Press|Media)\s+Releases?$")
# Verbs a press release's or a headline's title capitalises, which no organisation's or
# event's name has ("ICO, Inc. Announces Appointment of ...").
_HEADLINE_VERBS = frozenset(
    {"Announces", "Announce", "Appoints", "Unveils", "Launches", "Says", "Adds", "Signs"}
    # (not "Reports": "Consumer Reports" is a magazine)
)


def _headline(surface: str) -> bool:
    """ "Yahoo Maps To Add Traffic Updates and Reports": four words or more with a verb or
    preposition a headline capitalises, which no person's name has; or a table's row
    heading with an abbreviated word ("Start Stcks", "Tot Mkt"): a word of three letters
    or more without a vowel, which no given name or surname is."""
    words = surface.split()
    if len(words) >= 4 and any(word in _HEADLINE_WORDS for word in words[1:]):
        return True
    return len(words) >= 2 and any(
        len(word) >= 3
        and word.isascii()
        and word.isalpha()
        and not word.isupper()
        and not _VOWEL.search(word)
        for word in words
    )


_VOWEL = re.compile("[aeiouyAEIOUY]")


# A byline's date glued to the name: "Fiona Simpson19 September 2017".
# "Emmanuel Macron Macron EmmanuelPresident of France": a page's name label printed
# beside its hover text (the Kremlin's transcripts), the surname first the second time.
_MIRRORED = re.compile(r"([A-Z][\w'’-]+) ([A-Z][\w'’-]+) \2 \1")
_GLUED_DIGITS = re.compile(r"(?<=[a-z])\d{1,2}$")
# A participle opening a name's span: "Stranded Ryanair customers", "Embattled Senator X".
_PARTICIPLE_OPENING = re.compile(r"([A-Z][a-z]{4,}ed)\s+(?=[A-Z])")
_NAMES_IN_ED = ("med", "fried", "fred")  # Mohammed, Mohamed, Wilfried, Manfred


def _body_glued(text: str, piece: Span, others: dict[str, str]) -> int | None:
    """Where the organisation ends in a person's span that opens with one the article
    names alone elsewhere, before a known given name ("McLaren Lewis Hamilton" where
    the article also writes "McLaren"): the end of the organisation's words, else None."""
    words = _words(text, piece[0], piece[1])
    for cut in (1, 2):
        if len(words) < cut + 2 or not _first_name(words[cut][2]):
            continue
        body = " ".join(word for _, _, word in words[:cut])
        if others.get(body) == "ORG" and not _first_name(words[0][2]):
            return words[cut - 1][1]
    return None


def _glued_to_listed(text: str, piece: Span) -> int | None:
    """Where a person's span starts when its first word ends a listed name written
    before it ("Rajya" + "Sabha Arun Jaitley": the Rajya Sabha, then Arun Jaitley)."""
    words = _words(text, piece[0], piece[1])
    previous = _PREVIOUS_WORD.search(text, max(0, piece[0] - 40), piece[0])
    if len(words) < 3 or previous is None or not previous.group(1)[:1].isupper():
        return None
    if _listed(f"{previous.group(1)} {words[0][2]}") is None:
        return None
    return words[1][0]


def _participle_inside(text: str, surface: str) -> bool:
    """ "Stranded Ryanair (passengers)": a capitalised word ending in -ed or -ing that the
    article also writes in lower case is a headline's word, not a person's name."""
    lower = _facts(text).lower
    return any(
        word.lower().endswith(("ed", "ing")) and len(word) > 5 and word.lower() in lower
        for word in surface.split()
        if word[:1].isupper() and not _first_name(word)
    )


# A stock symbol or a news service's code: capitals, a dot, one to three capitals.
_TICKER = re.compile(r"^[A-Z]{2,6}\.[A-Z]{1,3}$")


# An HTML tag opened (as "<" or escaped "&lt;") and not closed before a mention.
_OPEN_TAG = re.compile(r"(?:<|&lt;)/?[A-Za-z][A-Za-z0-9]*\s(?:(?!&gt;)[^<>])*$")


# Inside a stock-quote parenthesis: "(JNJ.N: Quote, Profile, Research)" names links.
_QUOTE_LINKS = re.compile(r"\([A-Z0-9][A-Z0-9.\-]*:\s[^()]*$")
_PREFIXED = re.compile(r"(?:anti|pro)-[A-Z][\w'’-]*")
# The same links without a symbol: "Dell (Quote, Chart) officials announced ...".
_LINK_WORDS = r"(?:Quote|Chart|Profile|Research|News)"
_BARE_LINKS = re.compile(rf"\({_LINK_WORDS}(?:,\s*{_LINK_WORDS})+\)")


def _in_markup(text: str, start: int) -> bool:
    """Whether ``start`` is inside an HTML tag that a feed left in its text.

    Feeds quote their own markup as text (AG News items end in
    ``&lt;FONT face="verdana,MS Sans Serif"...``); names in a tag's attributes
    are fonts and class names, not people.
    """
    before = text[max(0, start - 200) : start]
    return ("<" in before or "&lt;" in before) and _OPEN_TAG.search(before) is not None


_CAPITAL_WORD = re.compile(r"[A-Z][A-Z'’]*")


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether the span is in a line written all in capitals that is mostly common words
    ("THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM", a notice, not
    a headline of names): at least eight words, more than half on the common-word list."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = [word for word in (w.strip(".,:;!?") for w in line.split()) if word]
    if len(words) < 8 or not all(_CAPITAL_WORD.fullmatch(word) for word in words):
        return False  # (a headline "SOCCER - RESULT IN SPANISH FIRST DIVISION" has its dash)
    common = rules.gazetteers().common
    return 2 * sum(word.lower() in common for word in words) > len(words)


# A futures contract month as price tables write it: "JUL7" (July 1987), "MAR8".
_CONTRACT_MONTH = re.compile(r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d{1,2}")
_NUMBER_CELL = re.compile(r"[-+]?(?:\d[\d.,/]*[A-Z]?|--)")
_LOWER_LETTER = re.compile("[a-z]")


def _in_table(text: str, start: int, end: int) -> str | None:
    """Which table line the mention sits in: "futures" (a row with a contract month),
    "numbers" (a fifth of its cells numbers), "codes" (a cell after the first of a
    line of four cells or more with a number: "SPOT, 4 UNDER MAY - UNC"), or None.

    Wire services send market tables as text ("MAY7  4676  OFF 238",
    "TOLEDO 5 UND MAY UNC", "JUN8 UNTRD"): all-capitals lines. A futures row's
    capitalised cells are codes (UNCH, UNTRD, OFF), never names, though the tagger,
    seeing capitals, calls them organisations; other rows of numbers may be headed by
    names (a standings table's "MILWAUKEE 74 58"), so ``is_junk`` asks more of them.
    """
    line_start = text.rfind("\n", max(0, start - 2000), start) + 1
    line_end = text.find("\n", end, end + 2000)
    if (line_start == 0 and start > 2000) or (line_end < 0 and len(text) > end + 2000):
        return None  # a line this long is prose (or a hostile text), not a table row
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if _LOWER_LETTER.search(line):
        return None
    cells = line.split()
    if any(_CONTRACT_MONTH.fullmatch(cell) for cell in cells):
        return "futures"  # "JUN8 UNTRD": a row of a futures table
    numbers = sum(1 for cell in cells if _NUMBER_CELL.fullmatch(cell))
    if len(cells) >= 5 and numbers >= 2 and numbers * 5 >= len(cells):
        return "numbers"
    if len(cells) >= 4 and numbers >= 1 and start > line_start:
        return "codes"  # "SPOT, 4 UNDER MAY - UNC": a cell after the row's label
    return None


# A cell of numbers in a table row: "7040", "1,256.00", "(NA)", "----", "+0.15".
_ROW_CELL = re.compile(r"[-+(]?(?:\d[\d.,/]*|NA|N/A|-{2,})\)?%?")


def _row_label(text: str, start: int, end: int) -> bool:
    """Whether the mention heads a row of a table of numbers whose rows it heads three
    times or more: "Sugar 11   7040  11682", "Robusta Cherry "AB"   90.9   1,256.00 (NA)"
    on several lines are a commodity's or a grade's rows, not names. (A standings table
    names each team on one line only: "Milwaukee 74 58 .561" stays a name.)"""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    if text[line_start:start].strip() or (line_start == 0 and start > 200):
        return False
    line_end = text.find("\n", end, end + 300)
    rest = text[end : line_end if line_end >= 0 else min(len(text), end + 300)].split()
    if sum(1 for cell in rest if _ROW_CELL.fullmatch(cell)) < 2:
        return False
    surface = text[start:end]
    heads = re.finditer(r"(?:^|\n)[ \t]*" + re.escape(surface) + r"(?![\w'’-])", text)
    return sum(1 for _ in zip(range(3), heads, strict=False)) >= 3


@lru_cache(maxsize=1024)
def _repeated(text: str, surface: str) -> bool:
    """Whether ``surface`` stands as a word four times or more in ``text``."""
    found = re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text)
    return sum(1 for _ in zip(range(4), found, strict=False)) >= 4


def is_junk(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names nothing: a role, a greeting, a capitalised word."""
    surface = " ".join(text[start:end].split())
    words = [word for _, _, word in _words(text, start, end)]
    if any(_CONTRACT_MONTH.fullmatch(word) for word in surface.replace("-", " ").split()):
        return True  # "JUL7", "UNCH MAR8", "F-CATTLE APR7": contract months in price tables
    table = _in_table(text, start, end) if surface.isupper() else None
    if table == "futures" or (
        table == "numbers" and _repeated(text, surface) and not _listed(surface)
    ):
        # "OFF 0.74", "UNTRD", "UNC": a price table's codes, repeated down its rows; a
        # standings table names each team once ("MILWAUKEE 74 58 .561"), and a listed
        # place ("NEW YORK", twice in a standings table) is a name.
        return True
    if table == "codes" and _repeated(text, surface) and not _listed(surface):
        return True  # "4 UNDER MAY - UNC" down a grain table's rows: "unchanged"
    if _row_label(text, start, end) and not _listed(surface):
        return True  # "Sugar 11   7040  11682" heading a table's rows
    if _in_markup(text, start):
        return True  # "<FONT face="MS Sans Serif">" quoted as text in a feed item
    if surface.isupper() and _shouted(text, start, end):
        return True  # "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM"
    plain_words = [_plain(word) for word in words]
    if (
        "$" not in surface
        and any(word in _PAGE_WORDS for word in plain_words)
        and all(word in _PAGE_WORDS or word in ("a", "on", "your") for word in plain_words)
    ):
        return True  # "Published", "Reply Your", "Image Credit": a web page's furniture
    if _PREFIXED.match(surface):
        return True  # "anti-Trump", "pro-Kremlin": a stance, no entity
    if _QUOTE_LINKS.search(text[max(0, start - 80) : start]):
        return True  # "Johnson & Johnson (JNJ.N: Quote, Profile, Research)"
    if text[start - 1 : start] in ("(", " ") and any(
        m.start() < start and end < m.end()
        for m in _BARE_LINKS.finditer(text, max(0, start - 30), end + 40)
    ):
        return True  # "Dell (Quote, Chart)": a feed's links after a company
    if not words or _listed(surface):
        return False
    if _TICKER.match(surface):
        return True  # "(CBS.MW)", "JNJ.N": a news service's code or a stock symbol
    if surface.isupper() and text[start - 1 : start] == "<" and text[end : end + 1] == ">":
        return True  # "Chase Manhattan Corp <CMB>": Reuters' stock symbol after the name
    if _PHRASES.match(surface):
        return True  # greetings, slogans
    if (
        all(_is_generic(word) for word in words)
        and (_is_role(words[0]) or _plain(words[0]) in _ROLE_MODIFIERS)
        and (
            len(words) == 1
            or any(word in _CONNECTORS for word in words)
            or all(_is_role(word) or _plain(word) in _ROLE_MODIFIERS for word in words)
        )
    ):
        return True  # "Head of State", "Adviser", "Deputy Head", but not "General Motors"
    if (
        len(words) > 1
        and _plain(words[-1]) in _DOCUMENT_HEADS
        and all(_plain(word) in _ROLE_MODIFIERS for word in words[:-1])
    ):
        return True  # "The Executive Order was signed", "a Presidential Decree": no name
    if (
        len(words) > 1
        and _plain(words[-1]) in _TITLE_HEADS
        and not any(_first_name(word) for word in words)
        and not _listed(surface)
    ):
        return True  # "Emergency Relief Coordinator", "UN Resident Coordinator": a title
    if len(words) > 1:
        return False
    word = words[0]
    plain = _plain(word)
    if plain in _NOT_ABBREVIATIONS and word.isupper():
        return True  # "1300 GMT", "ID cards"
    if _PLURAL_ABBREVIATION.fullmatch(word):
        return True  # "IDPs", "NGOs": a kind of people or bodies
    if plain in _FUNCTION_WORDS and not word.isupper():
        return True  # "Plus", "Outside": a preposition or conjunction names nothing
    if surface.endswith(".") and plain in _TITLE_ABBREVIATIONS:
        return True  # "St." or "Gen." cut off from its name
    if plain in _LEGAL_FORMS and not word.isupper():
        return True  # "Merck &amp; Co.": the legal form cut off from its company
    if word.isupper() and len(word) > 1:
        return False  # abbreviations: "US" is not "us"
    gaz = rules.gazetteers()
    if plain in _NOT_NAMES or plain in gaz.loc_words:
        return True  # "Moreover", "Republic"
    if not _sentence_initial(text, start):
        return False
    if plain.endswith("ly") and text[end : end + 1] == ",":
        return True  # "Frankly, ..."
    # A sentence's first word that the article writes in lower case and never
    # capitalised inside a sentence ("Fed" is a name in "the Fed cut rates").
    facts = _facts(text)
    if plain in rules.gazetteers().common or plain in facts.lower:
        return word.rstrip(".") not in facts.inner
    return False


@dataclass(slots=True)
class _Facts:
    """What one pass over an article tells about its words, so that no check scans the
    whole text again for every mention (a hostile text has a million of them)."""

    lower: frozenset[str]  # words written in lower case
    inner: frozenset[str]  # capitalised words written inside a sentence
    scans: int = 0  # whole-text searches left for multi-word names (see _named_inside)


@lru_cache(maxsize=4)
def _facts(text: str) -> _Facts:
    # Two scans in C: words in lower case, and capitalised words right after a word, a
    # comma or a bracket and one space (inside a sentence).
    lower = frozenset(word for word in set(_LOWER.findall(text)) if word.islower())
    return _Facts(lower, frozenset(_INNER.findall(text)), scans=200)


def _named_inside(text: str, name: str) -> bool:
    """Whether ``name`` also occurs inside a sentence ("Air France" is a name there).

    Past a budget of whole-text searches per article the answer is yes, which keeps
    the name whole: the cautious answer."""
    facts = _facts(text)
    if " " not in name:
        return name in facts.inner
    if facts.scans <= 0:
        return True
    facts.scans -= 1
    return any(
        not _sentence_initial(text, match.start())
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    )


def _common_opening(text: str, word: str) -> bool:
    """Whether a sentence's first word is a common word the article also writes in lower
    case (or a listed common word), rather than the first word of a name."""
    plain = _plain(word)
    if not word[:1].isupper() or word.isupper() or _first_name(word) or _listed(word):
        return False
    if plain in _DIRECTIONS:
        return False  # "East Fife", "West Bromwich"
    if plain in _NOT_NAMES or plain in rules.gazetteers().common:
        return True
    return plain in _facts(text).lower


def _sentence_initial(text: str, start: int) -> bool:
    return start == 0 or bool(_SENTENCE_START.search(text, max(0, start - 4), start))


# -- types ---------------------------------------------------------------------------------


# A wire dateline after the place that opens a line: "DETROIT, April 8 -", "DEERFIELD,
# ILL., April 8 -", "GAZA (Reuters) -", "LONDON 1996-08-30" (CoNLL-2003's form).
_DATELINE_AFTER = re.compile(
    r"(?:,\s+(?:[A-Z][A-Za-z]{1,5}\.|[A-Z]\.[A-Z]\.))?"  # the state: "ILL.", "Mich.", "N.J."
    r"(?:,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"\s*[-–—]|\s*\([A-Z][\w .&-]{0,30}\)\s*[-–—]|\s+\d{4}-\d\d-\d\d\s*$)",
    re.MULTILINE,
)
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether the mention is the place of a wire dateline ("DENVER, April 9 - ...",
    "PEKING, April 9", "GAZA (Reuters) -"): the tagger types such capitals ORG or PER
    as often as not ("DEERFIELD" PER, "PEKING" ORG), and a dateline names a place."""
    return (
        _LINE_START.search(text, max(0, start - 8), start) is not None
        and _DATELINE_AFTER.match(text, end) is not None
        and text[start:end][:1].isupper()
    )


def dateline_state(text: str, start: int, end: int) -> bool:
    """Whether the mention is the state after a dateline's city ("DEERFIELD, ILL., April 8
    -": ``ILL``), an abbreviation standing for the state (see ``pipeline``)."""
    after = end + 1 if text[end : end + 1] == "." else end  # Reuters: "HARTFORD, Conn, March 30"
    if _DATELINE_AFTER.match(text, after) is None:
        # "at their Ridgefield, Conn home": a town and its state inside a sentence
        return (
            end - start >= 3
            and _TOWN_BEFORE.search(text, max(0, start - 30), start) is not None
            and _CAPITAL_NEXT.match(text, after) is None
        )
    line = text.rfind("\n", 0, start) + 1
    head = text[line:start]
    return head.endswith(", ") and "," not in head[:-2] and len(head) < 40


_TOWN_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+, $")
_CAPITAL_NEXT = re.compile(r"\s*[A-Z]")


@lru_cache(maxsize=8192)  # asked again when the library stores the article
def mention_cue(text: str, start: int, end: int) -> str | None:
    """The type the words around a mention give it, if any: a role before a name makes it
    a person ("President of Ukraine Volodymyr Zelenskyy"), "in X" or "X region" a place."""
    words = [word for _, _, word in _words(text, start, end)]
    if len(words) == 2 and words[0] == "Co" and words[1][:1].isupper():
        return "LOC"  # "Co Louth": an Irish county, as Irish news writes it
    if not words or len(words) > 4 or any(_is_generic(word) for word in words):
        return None
    if in_dateline(text, start, end):
        return "LOC"  # "DENVER, April 9 -"
    if _WIRE_CREDIT.match(text, end) and _DATELINE_BEFORE.search(text, max(0, start - 60), start):
        return "ORG"  # "ZURICH, Switzerland (Ticker) -": the wire that sent the story
    if _TAG_BEFORE.search(text, max(0, start - 12), start) and text.startswith("&lt;/", end):
        return "ORG"  # "&lt;nobr&gt;Hardware Analysis&lt;/nobr&gt;": a feed's source credit
    before = text[max(0, start - 90) : start]
    after = text[end : end + 20]
    role = _ROLE_BEFORE.search(before)
    if (
        role is not None
        and (_is_role(role.group("role")) or _plain(role.group("role")) in _PERSON_TITLES)
        and role.group("role")[:1].isupper()
        and all(_capitalised(word) or word in ("von", "der", "de", "van") for word in words)
    ):
        return "PER"  # "President Putin", "President of Ukraine Volodymyr Zelenskyy"
    if _person_of(text, start):
        return None  # "Chris Callies of Dean Witter said he": the words after are his
    if _KIN_BEFORE.search(before) and all(_capitalised(word) for word in words):
        return "PER"  # "his older brother, Freddy,": a relative is a person
    if (
        _PERSON_AFTER.match(text, end, end + 40)
        and all(_capitalised(word) for word in words)
        and not _DETERMINER_BEFORE.search(before)
        # "finance director of ICI, who", "a boy from Buryatia, who": the person before
        and not _PREPOSITION_BEFORE.search(before)
    ):
        return "PER"  # "Santilli - a 50-year-old ex-Marine", "Grayson, who", "Tollan said he"
    if (
        _PER_AFTER.match(after)
        and len(words) in (2, 3)
        and _first_name(words[0])
        and _plain(words[-1]) not in rules.gazetteers().org_words  # "Eric Trump Foundation"
    ):
        return "PER"
    if len(words) <= 3 and not _first_name(words[0]) and _LOC_AFTER.match(after):
        return "LOC"  # "the Sumy region"
    if len(words) == 1 and not words[0].isupper() and _LOC_BEFORE.search(before):
        return "LOC"  # "in Bucha", not "in the NFL"
    if len(words) <= 2 and _TEAM_AFTER.match(after):
        return "ORG"  # "Chelsea manager Jose Mourinho", "Leicester lock Ben Kay"
    if 2 <= len(words) <= 3 and not _first_name(words[0]) and _RANKED_BEFORE.search(before):
        return "ORG"  # "No. 1 Wake Forest", "fifth-ranked Oklahoma State": a team
    if _company_cue(text, start, end):
        return "ORG"  # "Tenneco Inc", "shares of Inco", "a stake in Comdata"
    return None


# A feed's escaped tag right before a name ("&lt;B&gt;-The Washington Post&lt;/B&gt;").
_TAG_BEFORE = re.compile(r"&gt;(?:-?The\s+)?$")
# A wire's credit after a dateline: "HOUSTON (Ticker) --", "Cincinnati, OH (Sports Network) -".
_WIRE_CREDIT = re.compile(r"\)\s+-")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][\w.'’ -]*(?:,\s*[A-Z][\w.' -]*)?\s\($")
# A poll's rank before a team: "No. 1 Wake Forest", "top-ranked Kansas" (not "world No. 1
# Roger Federer": a given name opens a player's name, and "seeded" players are people).
_RANKED_BEFORE = re.compile(
    r"(?:^|[\s(])(?<!world\s)(?<!World\s)(?:No\.\s?\d{1,2}|(?:[Tt]op|\d{1,2}(?:st|nd|rd|th)|[a-z]+)-ranked)\s+$"
)
_STORM_BEFORE = re.compile(r"(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Storm)\s+$")
# Company words right after a name ("Fannie Mae chief executive Franklin Raines",
# "Microsoft chairman Bill Gates") or right before it ("smaller rival Freddie Mac").
_COMPANY_ROLE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:chief executive|ceo|chairman|executives|employees|board of directors|"
    r"co-managed|co-managers?|co-led)\b"
)
# "a semiconductor analyst with L.F. Rothschild", "trade association, Het Comite": the
# name after is a firm's or a body's.
_FIRM_OF_BEFORE = re.compile(
    r"(?:^|[^\w-])(?:analysts?|economists?|strategists?|traders?|dealers?|brokers?)\s+"
    r"(?:with|at)\s+$|(?:^|[^\w-])(?:association|federation|organisation|organization),\s+$"
)
_COMPANY_NOUN_BEFORE = re.compile(
    r"(?:^|[^\w-])(?:"
    + _alternatives(
        f"{_COMPANY_KINDS} rival maker conglomerate airline bank retailers companies firms "
        "broker brokers trader traders dealer dealers exporter importer publisher "
        "distributor operator producer supplier group giant newsletter newspaper magazine"
    )
    + r")\s+$"
)


# An apposition naming a company: "Nokia, the world's biggest mobile phone maker".
_COMPANY_APPOSITION = re.compile(
    r"^,\s+(?:the|a|an)\s+(?:[\w'’&-]+\s+){0,5}?(?:"
    + _alternatives(
        f"{_COMPANY_KINDS} maker airline manufacturer producer developer provider operator "
        "chain publisher conglomerate drugmaker"
    )
    + r")\b"
    # "Freddy, a fun-loving airline pilot": a person who works for one
    r"(?![\s-]+(?:pilot|executive|analyst|worker|employee|owner|founder|boss|chief|manager|"
    r"official|engineer|lawyer)s?\b)"
)


def _company_cue(text: str, start: int, end: int) -> bool:
    """Whether the words around a mention mark it a company's: a legal form or ticker
    after it, "shares of" before it, "chief executive" after, "rival" before."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    return bool(
        _COMPANY_AFTER.match(after)
        or _TICKER_AFTER.match(after)
        or _COMPANY_ROLE_AFTER.match(after)
        or _COMPANY_APPOSITION.match(text[end : end + 90])
        or _COMPANY_BEFORE.search(before)
        or _FIRM_INITIALS_BEFORE.search(before)
        or _FIRM_OF_BEFORE.search(before)
        # Reuters marks a company it has no symbol for: "producer <Ina-Naftaplin> has"
        or (
            text[start - 1 : start] == "<"
            and text[end : end + 1] == ">"
            and not text[start:end].isupper()
        )
        # "the company Bill Gates founded": a given name makes the name a person's
        or (
            _COMPANY_NOUN_BEFORE.search(before) is not None
            and not _first_name(text[start:end].split()[0])
        )
    )


def _shape(name: str) -> str | None:
    """The type a name's own head word gives it: "... Administration" ORG, "Lake ..." LOC."""
    words = name.split()
    if len(words) == 1 and _plain(name).endswith(("ship", "league")):
        return "MISC"  # "Premiership", "Championship"
    if len(words) < 2:
        return None
    gaz = rules.gazetteers()
    head, first = _plain(words[-1]), _plain(words[0])
    if head in gaz.org_words or head in _COMPANY_HEADS:
        return "ORG"  # "... Administration"
    if first == "air" and not any(_is_role(w) or _first_name(w) for w in words[1:]):
        return "ORG"  # "Air Lanka", an airline; not "Air Marshal John Smith"
    if head in gaz.loc_words or first in ("lake", "mount", "river", "cape", "mt"):
        return "LOC"
    return None


# A person's full name and "of" right before a name: "Chris Callies of Dean Witter" (a
# firm; a person is nobody's "of"). Not a role ("Minister of"): a capitalised given name.
_PERSON_OF_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) [A-Z][\w'’-]+ of $")


# An item's source before a dash at its very start: "Ziff Davis - Silicon Graphics ...".
_CREDIT_AFTER = re.compile(r"\s+[-–—]{1,2}\s+[A-Z]")


def _person_of(text: str, start: int) -> bool:
    """Whether a person's full name and "of" stand right before ``start``."""
    found = _PERSON_OF_BEFORE.search(text, max(0, start - 60), start)
    return found is not None and _first_name(found.group(1))


_ANALYST_AFTER = re.compile(r"\s+(?:analysts?|economists?|strategists?)\b")
# A work's noun or a title's "and the ..." after a name: "Harry Potter film", "Harry Potter
# games", "Harry Potter and the Goblet of Fire" (a person is "Tom and the children").
_WORK_AFTER = re.compile(
    r"(?:\s+(?:film|films|movie|movies|book|books|novel|novels|games|series|franchise|saga|"
    r"DVD|album|albums|trilogy|musical)\b"
    # "and the Prisoner of Azkaban", "and the Half-Blood Prince", "and Order of the Phoenix"
    r"|\s+and\s+(?:the\s+)?[A-Z][\w'’]*(?:-[A-Z][\w'’]*\s+[A-Z]|\s+of\s+(?:the\s+)?[A-Z]))"
)


def _peoples(text: str, entities: Sequence[Entity]) -> set[str]:
    """Keys of "persons" or "places" that are peoples: a people's adjective and a plural
    ("Crimean Tatars", "Bosnian Serbs"). (A family, "the Clintons", stays PER, as in
    CoNLL-2003.)"""
    found: set[str] = set()
    for entity in entities:
        words = entity.text.split()
        last = words[-1] if words else ""
        if (
            entity.type not in ("PER", "LOC")
            or not last.endswith("s")
            or last.endswith(("ss", "'s", "’s"))
            or len(last) < 4
        ):
            continue
        if (
            len(words) > 1
            and is_demonym(words[0])
            and not _first_name(last[:-1])
            and _plain(last) not in rules.gazetteers().loc_words  # "Philippine Islands"
        ):
            found.add(canonical_key(entity.canonical))  # "Crimean Tatars", "Bosnian Serbs"
    return found


def _team_of(text: str, entity: Entity) -> bool:
    """ "Jets quarterback Chad Pennington": a name the tagger called MISC before a player's
    position is the team (not "American quarterback", not "Ryder Cup team")."""
    words = entity.text.split()
    return (
        entity.type == "MISC"
        and len(words) <= 2
        and _TEAM_AFTER.match(text[entity.end : entity.end + 30]) is not None
        and not is_demonym(words[0])
        and _plain(words[-1]) not in rules.gazetteers().misc_words
    )


def is_demonym(word: str) -> bool:
    """A people's adjective: listed ("Bosnian"), or a listed place's name + n/an/ian
    ("Crimean" of Crimea)."""
    plain = _plain(word)
    if plain in rules.gazetteers().demonyms:
        return True
    for ending in ("ian", "an", "n"):
        if plain.endswith(ending) and len(plain) > len(ending) + 2:
            stem = word[: len(word) - len(ending)]
            if rules.listed_type(stem) == "LOC" or rules.listed_type(stem + "a") == "LOC":
                return True
    return False


# Head words that give a name its type whatever the tagger said (each only against the
# tagger's typical slip for it; see ``_head_type``).
_WATER_OPENINGS = _wordset("sea gulf bay strait straits isle lake mount cape")
_LAND_OPENINGS = _wordset("lake mount cape")  # "Lake Baikal", not "Gulf War"
_ACCORD_HEADS = _wordset("agreement agreements accord accords treaty protocol platform")
_PRESS_HEADS = _wordset(
    "times post journal herald tribune gazette telegraph chronicle "
    # and bodies the tagger reads as events: "Inter-American Development Bank" (MISC)
    "bank fund institute university association"
)
_BUILDING_HEADS = _wordset("palace cathedral stadium monastery arena")


def _head_type(name: str, type_: str) -> str | None:
    """The type a name's own words give it against the tagger's slip: "Sea of Azov" (ORG)
    and "Gulf of Mexico" are places; "Minsk Agreements" (LOC) and "Crimea Platform" are
    agreements and initiatives (MISC); "Financial Times" (MISC) is a newspaper (ORG, as
    CoNLL-2003 types papers) and "Inter-American Development Bank" (MISC) a bank;
    "Mariyinsky Palace" (PER) is a building (LOC)."""
    words = name.split()
    if len(words) < 2:
        return None
    first, last = _plain(words[0]), _plain(words[-1])
    gaz = rules.gazetteers()
    if (
        type_ != "LOC"
        and first in _WATER_OPENINGS
        and (_plain(words[1]) == "of" or (len(words) == 2 and first in _LAND_OPENINGS))
        and last not in gaz.org_words
        and last not in gaz.misc_words  # "Gulf War"
        and last not in _COMPANY_HEADS
        and not any(_first_name(word) or _is_role(word) for word in words[1:])
    ):
        return "LOC"
    if type_ in ("LOC", "ORG") and last in _ACCORD_HEADS:
        return "MISC"
    if type_ == "MISC" and last in _PRESS_HEADS:
        return "ORG"
    if type_ == "PER" and last in _BUILDING_HEADS:
        return "LOC"
    if type_ == "LOC" and len(words) > 2 and _plain(words[1]) == "of" and first in gaz.org_words:
        return "ORG"  # "Government of Saudi Arabia", "Ministry of Defence" typed LOC
    if (
        type_ == "LOC"
        and last in _SERVICE_DISTRICTS
        and any(_plain(word) in _SERVICES for word in words[:-1])
    ):
        return "ORG"  # "Kitsap Public Health District": a body serving an area
    return None


# An area's public service named with the area's word: a body, not a place.
_SERVICE_DISTRICTS = _wordset("district districts authority board")
_SERVICES = _wordset("health school schools water fire transit police hospital sanitation utility")


def is_company_head(word: str) -> bool:
    """Whether ``word`` ends companies' names ("Holdings", "Investors Service", "Group")."""
    plain = _plain(word)
    return plain in _COMPANY_HEADS or plain in ("service", "services", "group", "corporation")


def _first_name(word: str) -> bool:
    return _plain(word) in rules.gazetteers().first_names


def decide_types(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Each mention's type from the lists, then the words around it, then the tagger.

    A listed name takes its listed type, except that a listed place the tagger
    calls an organisation stays one unless a cue says place (places stand for
    teams and governments: "Germany beat Italy"). An unlisted mention with a
    cue takes the cue's type; a name that a title marks as a person in one
    place of the article is a person in all of it (a one-word name too: "Bloomberg
    says he" makes the article's "Bloomberg is a stiff campaigner" his, though the
    list names a Bloomberg company). One type per entity across the library is
    decided later, from these (see ``views.entity_types``).
    """
    entities = link_institutions(entities)
    cues = [mention_cue(text, e.start, e.end) for e in entities]
    people = {
        canonical_key(e.canonical)
        for e, cue in zip(entities, cues, strict=True)
        if cue == "PER" and (" " in e.canonical or _listed(e.canonical) in (None, "ORG"))
    }
    # A name the article writes once with a legal form ("Drexel Burnham Lambert Inc") or
    # marks once as a company's ("Fannie Mae chief executive", "C. Czarnikow Ltd") is a
    # company in every mention ("Drexel Burnham Lambert", "Drexel").
    # (Cues for a company count against those for a person, a legal form aside.)
    company_cued: Counter[str] = Counter()
    person_cued = Counter(
        canonical_key(e.canonical) for e, cue in zip(entities, cues, strict=True) if cue == "PER"
    )
    companies = set()
    for e in entities:
        key = canonical_key(e.canonical)
        if identity.has_legal_form(" ".join(e.text.split())):
            companies.add(key)
        elif _company_cue(text, e.start, e.end) or (
            e.type == "PER" and _listed(e.canonical) is None and _person_of(text, e.start)
        ):
            company_cued[key] += 1
    companies |= {key for key, count in company_cued.items() if count > person_cued[key]}
    # "Hurricane Ivan" ... "Ivan hit Florida": a storm is an event in every mention.
    storms = {
        canonical_key(e.canonical)
        for e in entities
        if _STORM_BEFORE.search(text, max(0, e.start - 30), e.start) is not None
    }
    accords = _accords(text, entities)
    # "Treo 650", "Lexmark Indy 300": a name most often followed by a model number is a
    # product or an event; a person's name never is ("Henman 6-4" is a score).
    numbered: Counter[str] = Counter()
    written: Counter[str] = Counter()
    for e in entities:
        key = canonical_key(e.canonical)
        written[key] += 1
        if _model_numbered(text, e.start, e.end):
            numbered[key] += 1
    products = {
        key for key, count in numbered.items() if 2 * count >= written[key] and key not in companies
    }
    persons_numbered = {key for key in numbered if key not in companies}
    # "Samsung Galaxy Unpacked", "Kaypro Extra": a "person" whose first word is the name of
    # an organisation the article names on its own is that company's product or event.
    # (Named so twice at least: one "Rand" typed ORG does not make "Rand Paul" a product.)
    organisations = Counter(
        e.canonical for e in entities if e.type == "ORG" and " " not in e.canonical
    )
    owned = {
        canonical_key(e.canonical)
        for e in entities
        if e.type == "PER"
        and len(words := e.canonical.split()) > 1
        and organisations[words[0]] >= 2
        and not _first_name(words[0])
    } - people
    # "Saturn's moon Titan": a planet (a place, as its moon is).
    planets = {
        canonical_key(e.canonical) for e in entities if _PLANET_AFTER.match(text, e.end) is not None
    }
    peoples = _peoples(text, entities)
    # "Harry Potter and the Prisoner of Azkaban", "the Harry Potter film": a "person" the
    # article names mostly as a work's title or before a work's noun is the work (MISC).
    work_cued: Counter[str] = Counter()
    for e in entities:
        if e.type == "PER" and _WORK_AFTER.match(text, e.end) is not None:
            work_cued[canonical_key(e.canonical)] += 1
    works = {
        key for key, count in work_cued.items() if 2 * count > written[key] and key not in people
    }
    decided: list[Entity] = []
    for entity, cue in zip(entities, cues, strict=True):
        listed = _listed(entity.canonical) or _listed(entity.text)
        type_ = entity.type
        key = canonical_key(entity.canonical)
        if listed is None and (key in storms or (key in accords and cue is None)):
            type_ = "MISC"  # a storm, an agreement: events
        elif (
            listed is None
            and cue != "PER"
            and (key in products or (type_ == "PER" and key in persons_numbered))
        ):
            type_ = "MISC"  # "Treo 650", "Lexmark Indy 300"
        elif listed is None and key in owned and type_ == "PER" and cue != "PER":
            # "Samsung Galaxy Unpacked" (MISC); "Nintendo Europe" (ORG: a country's arm)
            last = entity.canonical.split()[-1]
            type_ = _shape(entity.canonical) or ("ORG" if _listed(last) == "LOC" else "MISC")
        elif (
            listed is None
            and type_ == "PER"
            and cue != "PER"
            and _ANALYST_AFTER.match(text, entity.end) is not None
        ):
            type_ = "ORG"  # "Dean Witter analyst Eugene Nowak": a person has no analysts
        elif (
            listed is None
            and type_ == "PER"
            and not text[: entity.start].strip()
            and _CREDIT_AFTER.match(text, entity.end) is not None
        ):
            type_ = "ORG"  # "Ziff Davis - Silicon Graphics will ship": a feed item's source
        elif listed is None and type_ == "PER" and _person_of(text, entity.start):
            type_ = "ORG"  # "Chris Callies of Dean Witter said": a person's firm
        elif listed is None and key in works and type_ == "PER" and cue != "PER":
            type_ = "MISC"  # "Harry Potter and the Prisoner of Azkaban", "Harry Potter film"
        elif listed is None and key in peoples and type_ in ("PER", "LOC"):
            # "the Crimean Tatars": a people, not a person, even as "Crimean Tatars, who …"
            type_ = "MISC"
        elif listed is None and key in planets and type_ in ("ORG", "PER"):
            type_ = "LOC"  # "Saturn's moon Titan"
        elif listed is None and cue != "PER" and (head := _head_type(entity.canonical, type_)):
            type_ = head  # "Sea of Azov" LOC, "Minsk Agreements" MISC, "Financial Times" ORG
        elif (
            listed == "ORG"
            and " " not in entity.canonical
            and key in people
            and key not in companies
            and (cue == "PER" or (cue is None and not _company_cue(text, entity.start, entity.end)))
        ):
            type_ = "PER"  # "Bloomberg says he ...": the person, in this article
        elif listed is not None:
            if not (listed == "LOC" and type_ == "ORG" and cue != "LOC"):
                type_ = listed
        elif canonical_key(entity.canonical) in companies and cue != "PER":
            type_ = "ORG"
        elif (
            cue == "PER"
            or (cue in ("LOC", "ORG") and type_ in ("PER", "ORG", "LOC"))
            or (cue == "ORG" and _WIRE_CREDIT.match(text, entity.end) is not None)
            or (cue == "ORG" and text.startswith("&lt;/", entity.end))
            or (cue == "ORG" and _team_of(text, entity))
        ):
            type_ = cue
        elif type_ == "PER" and (shape := _shape(entity.canonical)) is not None:
            type_ = shape  # "Lake Baikal", "Kyiv City Military Administration"
        elif canonical_key(entity.canonical) in people:
            type_ = "PER"
        decided.append(entity if type_ == entity.type else replace(entity, type=type_))
    return decided


# An agreement named after where it was made: "the Louvre accord", "the Plaza agreement".
# "the Treo 650", "Sunday's Lexmark Indy 300": a determiner or possessive, the name,
# a model number of three or four digits (not a year, an amount or a score).
_MODEL_NUMBER = re.compile(
    r" (?!(?:19|20)\d\d\b)\d{3,4}(?![\w,:/%-]|\.\d|\s*(?:mln|bln|million|billion|pct)\b)"
)
_MODEL_BEFORE = re.compile(r"(?:\b(?:the|a|an|new|upcoming|its|their|his|her)|['’]s|#39;s)\s+$")


# "its Pentium 4 chip", "the Xenon processor": a product noun after the name (and a
# model number, or a determiner or possessive before it). Not "Intel chips": a maker's
# name before a product noun has neither.
_PRODUCT_NOUN = (
    r"(?:chips?|processors?|microprocessors?|handsets?|smartphones?|consoles?|laptops?|"
    r"notebook computers?|operating system|browser|web browser|music player|media player|"
    r"spacecraft|spaceship|space probe|probe|rockets?|capsule|vaccines?)\b"
)
_PRODUCT_AFTER = re.compile(r"\s+" + _PRODUCT_NOUN)
_NUMBERED_PRODUCT_AFTER = re.compile(r"\s+\d{1,4}[A-Za-z]?\s+" + _PRODUCT_NOUN)


def _model_numbered(text: str, start: int, end: int) -> bool:
    if _NUMBERED_PRODUCT_AFTER.match(text, end) is not None:
        return True  # "Pentium 4 chip"
    return _MODEL_BEFORE.search(text, max(0, start - 12), start) is not None and (
        _MODEL_NUMBER.match(text, end) is not None or _PRODUCT_AFTER.match(text, end) is not None
    )


_PLANET_AFTER = re.compile(
    r"(?:['’]s|\s*#39;s)\s+(?:[a-z]+\s+){0,2}(?:moons?|rings|satellites?|atmosphere)\b"
)
_ACCORD_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:currency\s+|monetary\s+|peace\s+|trade\s+)?"
    r"(?:accords?|agreements?|pact|treaty|protocol|(?:national\s+)?(?:program|programme))\b"
)


def _accords(text: str, entities: Sequence[Entity]) -> set[str]:
    """Keys of the names an article uses mostly as an agreement's name: more than half
    of their mentions stand right before "accord", "agreement", "pact", "treaty" or
    "protocol" ("the Louvre accord", "the Louvre pact", "as agreed at the Louvre").

    The agreement (MISC) is meant, not the building or a party to it; a name the
    article also uses otherwise ("OPEC said ... the OPEC accord") keeps its type, and
    so do abbreviations (parties: "the GATT agreement") and people's full names."""
    before: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for entity in entities:
        key = canonical_key(entity.canonical)
        total[key] += 1
        if _ACCORD_AFTER.match(text, entity.end, entity.end + 40) is not None:
            before[key] += 1
    return {key for key, count in before.items() if 2 * count > total[key]} - {
        canonical_key(e.canonical)
        for e in entities
        if e.text.isupper() or _first_name(e.canonical.split()[0])
    }


def link_institutions(entities: Sequence[Entity]) -> list[Entity]:
    """``Office of the President`` is the article's ``Office of the President of Ukraine``,
    and ``Armed Forces`` its ``Russian Armed Forces``, when the article names exactly one
    such longer body (an organisation)."""
    longer: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.type != "ORG":
            continue
        parts = entity.canonical.split(" of ")
        for cut in range(1, len(parts)):
            longer[" of ".join(parts[:cut])].add(entity.canonical)
        words = entity.canonical.split()
        if len(words) > 2 and " of " not in entity.canonical:
            longer[" ".join(words[1:])].add(entity.canonical)  # "(Russian) Armed Forces"
    linked: list[Entity] = []
    for entity in entities:
        names = longer.get(entity.canonical, set())
        if len(names) == 1 and " " in entity.canonical:
            linked.append(replace(entity, canonical=next(iter(names))))
        else:
            linked.append(entity)
    return linked


def is_marker(name: str) -> bool:
    """Money and time-zone marks ("US$", "GMT", "U.S. Dlrs"): tagged MISC in an article,
    as CoNLL-2003 does, but not entities a reader wants listed."""
    words = name.split()
    return (
        "$" in name
        or _plain(name) in _TIME_ZONES
        or (name.isupper() and _plain(name) in _CURRENCY_CODES)  # "UAH 2 billion"
        or (
            len(words) in (2, 3)
            and _plain(words[-1]) in _CURRENCY_NAMES
            and (
                rules.listed_type(" ".join(words[:-1])) == "LOC"
                or is_demonym(words[0])
                or _plain(words[0]) in ("u.s.", "us", "deutsche")
            )
        )  # "U.S. Dollar", "Deutsche Mark"
        or (bool(words) and _plain(words[-1]) in ("dlrs", "dlr", "cts"))
    )


# Words that, with the generic words of roles and bodies, make the name of a body every
# country has: "Finance Ministry", "Central Bank", "Security Council", "Armed Forces".
_BODY_WORDS = _wordset(
    "central national reserve security armed supreme constitutional interior agriculture "
    "commerce transport labour labor environment industry military people's ruling "
    "opposition upper lower"
)
_BODY_HEADS = _wordset(
    "ministry bank council forces committee court parliament army navy police assembly "
    "government cabinet"
)
_COMMON_BODIES = _wordset("bank company corporation firm group court")


_BOARD = re.compile(r"(?:Executive |Supervisory )?Board of (?:Directors|Governors|Trustees)")


def is_generic_body(name: str) -> bool:
    """Whether ``name`` names a kind of body rather than one body: "Finance Ministry",
    "Central Bank", "Security Council", "Armed Forces" stand for a different country's
    body in each article, and "Bank" alone is a common noun; listed names ("UN Security
    Council", "Federal Reserve") and abbreviations are kept. Such rows are left out of
    the library's lists (each article still shows its own mention)."""
    words = name.split()
    if not words or _listed(name) or identity.lookup(name) is not None:
        return False
    if len(words) == 1:
        return not name.isupper() and _plain(name) in _COMMON_BODIES
    if _BOARD.fullmatch(name):
        return True  # "Board of Directors": every company has one
    return _plain(words[-1]) in _BODY_HEADS and all(
        _is_generic(word) or _plain(word) in _BODY_WORDS for word in words
    )


_NOT_GIVEN = _wordset(
    "new north south east west northern southern eastern western central upper lower "
    "great greater san santa saint st port fort lake mount cape gulf"
)


def could_be_person(folded: str) -> bool:
    """Whether a full name's first word could be a given name: not "New" of "New
    Brunswick" nor "North" of "North Dakota" (a surname alone is never merged into such
    a name)."""
    words = folded.split()
    return (
        bool(words)
        and words[0] not in _NOT_GIVEN
        and words[0] not in rules.gazetteers().common
        # "Kansas City Southern" (a railway), "Orange County Choppers": a place inside
        and not any(word in ("citi", "counti") for word in words[1:])
    )
