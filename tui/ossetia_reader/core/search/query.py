"""The query language, parsed into a small tree. Parsing never fails.

::

    south ossetia          both words (AND is the default)
    peskov OR lavrov       either word
    -referendum  NOT vote  without the word
    "exact phrase"         the words in this order
    osset*                 any word starting with ``osset``
    title:bibilov          the word in a field: title, source, entity,
                           person, place, org, quote (also with "phrase" or (group))
    after:2022-03-01  before:2022-04  date:2022-03
                           on or after the start of / before the start of / within a period
    (a OR b) c             grouping

A malformed query (unbalanced quote or parenthesis, a stray operator, an
unknown field, a bad date) is read the sensible way and the result carries a
notice that says how it was read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ossetia_reader.core.search.tokenize import terms

FIELDS = ("title", "source", "entity", "person", "place", "org", "quote")
_FIELD_ALIASES = {
    "per": "person",
    "people": "person",
    "loc": "place",
    "location": "place",
    "organisation": "org",
    "organization": "org",
    "entities": "entity",
}
DATE_FIELDS = ("after", "before", "date")
MAX_QUERY_LENGTH = 1000
MAX_NESTING = 32
MAX_LEAVES = 64
_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'
_DATE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True)
class Term:
    """One folded term; ``prefix`` matches every indexed word starting with it."""

    word: str
    field: str | None = None
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Folded terms that must appear next to each other, in order."""

    words: tuple[str, ...]
    field: str | None = None


@dataclass(frozen=True, slots=True)
class DateRange:
    """Articles dated in ``[start, end)``; None leaves a side open."""

    start: dt.date | None
    end: dt.date | None
    text: str = ""


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


Node = Term | Phrase | DateRange | And | Or | Not


@dataclass(slots=True)
class Query:
    """A parsed query: the tree (None when nothing searchable was typed) and what was fixed."""

    text: str
    root: Node | None
    problems: list[str] = field(default_factory=list)

    @property
    def notice(self) -> str | None:
        """One line for the status bar when the query had to be read leniently."""
        if not self.problems:
            return None
        reading = describe(self.root) if self.root is not None else "nothing"
        return f"{'; '.join(self.problems)}: searched for {reading}"


def parse(text: str, *, prefix_last: bool = False) -> Query:
    """Parse ``text``; with ``prefix_last`` the last word typed is matched as a prefix."""
    problems: list[str] = []
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        problems.append(f"query cut to {MAX_QUERY_LENGTH} characters")
    lexed = _bound_nesting(_lex(text, problems, prefix_last=prefix_last), problems)
    parser = _Parser(lexed, problems)
    root = parser.parse()
    root = _limit_leaves(root, problems)
    return Query(text, root, problems)


def positive_leaves(node: Node | None) -> Iterator[Term | Phrase]:
    """Terms and phrases a matching article contains (those under NOT are left out)."""
    if node is None or isinstance(node, (Not, DateRange)):
        return
    if isinstance(node, (Term, Phrase)):
        yield node
        return
    for child in node.children:
        yield from positive_leaves(child)


def describe(node: Node | None) -> str:
    """The query as it was understood, in the query language."""
    if node is None:
        return ""
    if isinstance(node, Term):
        word = node.word + ("*" if node.prefix else "")
        return f"{node.field}:{word}" if node.field else word
    if isinstance(node, Phrase):
        quoted = '"' + " ".join(node.words) + '"'
        return f"{node.field}:{quoted}" if node.field else quoted
    if isinstance(node, DateRange):
        return node.text
    if isinstance(node, Not):
        inner = describe(node.child)
        return f"-({inner})" if isinstance(node.child, (And, Or)) else f"-{inner}"
    if isinstance(node, And):
        return " ".join(
            f"({describe(c)})" if isinstance(c, Or) else describe(c) for c in node.children
        )
    return " OR ".join(
        f"({describe(c)})" if isinstance(c, And) else describe(c) for c in node.children
    )


# -- lexing ----------------------------------------------------------------------


@dataclass(slots=True)
class _Token:
    kind: str  # word, phrase, lparen, rparen, or, and, not, minus, field
    text: str = ""
    prefix: bool = False


def _lex(text: str, problems: list[str], *, prefix_last: bool) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char == "(":
            out.append(_Token("lparen"))
            i += 1
        elif char == ")":
            out.append(_Token("rparen"))
            i += 1
        elif char in _QUOTES:
            close = _find_quote(text, i + 1)
            if close < 0:
                out.append(_Token("phrase", text[i + 1 :]))
                problems.append("unbalanced quote")
                i = n
            else:
                out.append(_Token("phrase", text[i + 1 : close]))
                i = close + 1
        elif char in "-!" and i + 1 < n and not text[i + 1].isspace():
            out.append(_Token("minus"))
            i += 1
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in "()" + _QUOTES:
                i += 1
            word = text[start:i]
            name, colon, value = word.partition(":")
            field_name = _FIELD_ALIASES.get(name.lower(), name.lower())
            if colon and (field_name in FIELDS or field_name in DATE_FIELDS):
                out.append(_Token("field", field_name))
                if value:
                    out.append(_Token("word", value, prefix=prefix_last and i == n))
            elif word in ("OR", "|", "||"):
                out.append(_Token("or"))
            elif word in ("AND", "&&"):
                out.append(_Token("and"))
            elif word == "NOT":
                out.append(_Token("not"))
            else:
                if colon and name and value and name.isalpha():
                    problems.append(f"unknown field {name}")
                out.append(_Token("word", word, prefix=prefix_last and i == n))
    return out


def _bound_nesting(tokens: list[_Token], problems: list[str]) -> list[_Token]:
    """Keep the recursive parser shallow whatever was typed.

    Parentheses deeper than ``MAX_NESTING`` are dropped with their partners, and
    negations in a row cancel in pairs (``- - a`` is ``a``), so ``(`` or ``-``
    repeated hundreds of times cannot exhaust the stack.
    """
    out: list[_Token] = []
    depth = dropped = ignored = 0
    for token in tokens:
        if token.kind == "lparen":
            if depth >= MAX_NESTING:
                dropped += 1
                ignored += 1
                continue
            depth += 1
        elif token.kind == "rparen":
            if dropped:
                dropped -= 1
                continue
            depth = max(0, depth - 1)
        elif token.kind in ("minus", "not") and out and out[-1].kind in ("minus", "not"):
            out.pop()
            continue
        out.append(token)
    if ignored:
        problems.append(f"brackets nested deeper than {MAX_NESTING} were ignored")
    return out


def _find_quote(text: str, start: int) -> int:
    for index in range(start, len(text)):
        if text[index] in _QUOTES:
            return index
    return -1


# -- parsing ---------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens: list[_Token], problems: list[str]) -> None:
        self.tokens = tokens
        self.at = 0
        self.problems = problems

    def peek(self) -> str | None:
        return self.tokens[self.at].kind if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)

    def parse(self) -> Node | None:
        parts: list[Node] = []
        while self.peek() is not None:
            node = self.parse_or()
            if node is not None:
                parts.append(node)
            if self.peek() == "rparen":
                self.take()
                self.problem("unbalanced )")
        return _join(And, parts)

    def parse_or(self) -> Node | None:
        options: list[Node] = []
        first = self.parse_and()
        if first is not None:
            options.append(first)
        while self.peek() == "or":
            self.take()
            if not options or self.peek() in (None, "rparen", "or"):
                self.problem("stray OR")
                continue
            node = self.parse_and()
            if node is None:
                self.problem("stray OR")
            else:
                options.append(node)
        return _join(Or, options)

    def parse_and(self) -> Node | None:
        items: list[Node] = []
        while self.peek() not in (None, "or", "rparen"):
            if self.peek() == "and":
                self.take()
                if not items or self.peek() in (None, "or", "rparen", "and"):
                    self.problem("stray AND")
                continue
            node = self.parse_unary()
            if node is not None:
                items.append(node)
        return _join(And, items)

    def parse_unary(self) -> Node | None:
        if self.peek() in ("minus", "not"):
            operator = "-" if self.take().kind == "minus" else "NOT"
            if self.peek() in (None, "or", "rparen", "and"):
                self.problem(f"stray {operator}")
                return None
            child = self.parse_unary()
            if isinstance(child, Not):
                return child.child  # NOT NOT a is a
            return Not(child) if child is not None else None
        return self.parse_primary(None)

    def parse_primary(self, field_name: str | None) -> Node | None:
        token = self.take()
        if token.kind == "lparen":
            node = self.parse_or()
            if self.peek() == "rparen":
                self.take()
            else:
                self.problem("missing )")
            return _with_field(node, field_name) if field_name else node
        if token.kind == "field":
            return self.parse_field(token.text)
        if token.kind == "word":
            return _word(token.text, field_name, token.prefix, self.problem)
        if token.kind == "phrase":
            words = tuple(terms(token.text))
            if not words:
                return None
            if len(words) == 1:
                return Term(words[0], field_name)
            return Phrase(words, field_name)
        # Operators where a word belongs ("NOT OR", "a - -b") are dropped.
        self.problem(f"stray {token.kind.upper()}")
        return None

    def parse_field(self, name: str) -> Node | None:
        if self.peek() not in ("word", "phrase", "lparen"):
            self.problem(f"{name}: without a value")
            return None
        if name in DATE_FIELDS:
            value = self.take()
            if value.kind != "word":
                if value.kind == "lparen":
                    self.at -= 1
                self.problem(f"{name}: needs a date like 2022-03-01")
                return None
            return _date_range(name, value.text.rstrip("*"), self.problem)
        return self.parse_primary(name)


def _join(kind: type[And] | type[Or], items: list[Node]) -> Node | None:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    flat: list[Node] = []
    for item in items:
        flat.extend(item.children if isinstance(item, kind) else (item,))
    return kind(tuple(flat))


def _word(text: str, field_name: str | None, prefix: bool, problem: object) -> Node | None:
    star = text.endswith("*")
    found = terms(text)
    if not found:
        if text in ("*", "-", "!", "+"):
            problem(f"stray {text}")  # type: ignore[operator]
        return None
    if star or prefix:
        leaves: list[Node] = [Term(w, field_name) for w in found[:-1]]
        leaves.append(Term(found[-1], field_name, prefix=True))
        return _join(And, leaves)
    if len(found) == 1:
        return Term(found[0], field_name)
    return Phrase(tuple(found), field_name)


def _with_field(node: Node | None, field_name: str) -> Node | None:
    if node is None:
        return None
    if isinstance(node, (Term, Phrase)):
        return replace(node, field=field_name)
    if isinstance(node, DateRange):
        return node
    if isinstance(node, Not):
        child = _with_field(node.child, field_name)
        return Not(child) if child is not None else None
    children = tuple(c for c in (_with_field(c, field_name) for c in node.children) if c)
    return type(node)(children)


def _date_range(name: str, value: str, problem: object) -> Node | None:
    match = _DATE.match(value)
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        start = dt.date(year, month or 1, day or 1)
        if day is not None:
            end = start + dt.timedelta(days=1)
        elif month is not None:
            end = dt.date(year + (month == 12), month % 12 + 1, 1)
        else:
            end = dt.date(year + 1, 1, 1)
    except (ValueError, OverflowError, AssertionError):
        problem(f"not a date: {name}:{value}")  # type: ignore[operator]
        return None
    text = f"{name}:{value}"
    if name == "after":
        return DateRange(start, None, text)
    if name == "before":
        return DateRange(None, start, text)
    return DateRange(start, end, text)


def _count_leaves(node: Node | None) -> int:
    if node is None:
        return 0
    if isinstance(node, (Term, Phrase, DateRange)):
        return 1
    if isinstance(node, Not):
        return _count_leaves(node.child)
    return sum(_count_leaves(c) for c in node.children)


def _limit_leaves(node: Node | None, problems: list[str]) -> Node | None:
    if _count_leaves(node) <= MAX_LEAVES:
        return node
    problems.append(f"query cut to {MAX_LEAVES} terms")
    budget = [MAX_LEAVES]

    def cut(n: Node) -> Node | None:
        if isinstance(n, (Term, Phrase, DateRange)):
            budget[0] -= 1
            return n if budget[0] >= 0 else None
        if isinstance(n, Not):
            child = cut(n.child)
            return Not(child) if child is not None else None
        kept = [c for c in (cut(c) for c in n.children) if c is not None]
        return _join(type(n), kept)

    assert node is not None
    return cut(node)
