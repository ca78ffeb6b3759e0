"""The query language: what each form means, and how malformed queries are read."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ossetia_reader.core.search.query import (
    And,
    DateRange,
    Not,
    Or,
    Phrase,
    Term,
    describe,
    parse,
    positive_leaves,
)


def test_terms_and_by_default() -> None:
    assert parse("South Ossetia").root == And((Term("south"), Term("ossetia")))


def test_or_binds_looser_than_and() -> None:
    root = parse("peskov lavrov OR zakharova").root
    assert root == Or((And((Term("peskov"), Term("lavrov"))), Term("zakharova")))


def test_negation_forms() -> None:
    assert parse("vote -referendum").root == And((Term("vote"), Not(Term("referendum"))))
    assert parse("vote NOT referendum").root == And((Term("vote"), Not(Term("referendum"))))


def test_phrase_prefix_fields_and_groups() -> None:
    assert parse('"South Ossetia"').root == Phrase(("south", "ossetia"))
    assert parse("osset*").root == Term("osset", prefix=True)
    assert parse("title:Bibilov").root == Term("bibilov", "title")
    assert parse('entity:"Dmitry Peskov"').root == Phrase(("dmitry", "peskov"), "entity")
    assert parse("person:peskov place:tskhinvali org:kremlin").root == And(
        (Term("peskov", "person"), Term("tskhinvali", "place"), Term("kremlin", "org"))
    )
    assert parse("title:(oil OR gas)").root == Or((Term("oil", "title"), Term("gas", "title")))
    assert parse("(a OR b) c").root == And((Or((Term("a"), Term("b"))), Term("c")))


def test_dates() -> None:
    root = parse("after:2022-03-01 before:2022-04 date:2022").root
    assert isinstance(root, And)
    after, before, year = root.children
    assert after == DateRange(dt.date(2022, 3, 1), None, "after:2022-03-01")
    assert before == DateRange(None, dt.date(2022, 4, 1), "before:2022-04")
    assert year == DateRange(dt.date(2022, 1, 1), dt.date(2023, 1, 1), "date:2022")
    month = parse("date:2022-12").root
    assert month == DateRange(dt.date(2022, 12, 1), dt.date(2023, 1, 1), "date:2022-12")


def test_words_that_split_become_phrases() -> None:
    assert parse("post-Soviet").root == Phrase(("post", "soviet"))
    assert parse("Leader's").root == Term("leader")


def test_prefix_last_marks_only_the_word_being_typed() -> None:
    assert parse("south oss", prefix_last=True).root == And(
        (Term("south"), Term("oss", prefix=True))
    )
    assert parse("south oss ", prefix_last=True).root == And((Term("south"), Term("oss")))
    assert parse('"south oss"', prefix_last=True).root == Phrase(("south", "oss"))


@pytest.mark.parametrize(
    ("text", "reading", "problem"),
    [
        ('"exact phrase', '"exact phrase"', "unbalanced quote"),
        ("((a b", "a b", "missing )"),
        ("a) b", "a b", "unbalanced )"),
        ("OR a", "a", "stray OR"),
        ("a OR", "a", "stray OR"),
        ("a AND", "a", "stray AND"),
        ("a NOT", "a", "stray NOT"),
        ("a - b", "a b", "stray -"),
        ("foo:bar", '"foo bar"', "unknown field foo"),
        ("after:2022-13 oil", "oil", "not a date: after:2022-13"),
        ("oil title:", "oil", "title: without a value"),
    ],
)
def test_malformed_queries_degrade_with_a_notice(text: str, reading: str, problem: str) -> None:
    parsed = parse(text)
    assert describe(parsed.root) == reading
    assert parsed.notice is not None
    assert problem in parsed.notice
    assert parsed.notice.endswith(f"searched for {reading}")


def test_clean_queries_have_no_notice() -> None:
    for text in ("a b", "a OR b", '"a b" -c', "title:a after:2020", "x*", ""):
        assert parse(text).notice is None


def test_huge_queries_are_cut() -> None:
    parsed = parse(" ".join(f"w{i}" for i in range(200)))
    assert sum(1 for _ in positive_leaves(parsed.root)) == 64
    assert parsed.notice is not None


def test_positive_leaves_skip_negations() -> None:
    leaves = list(positive_leaves(parse('a -b "c d" NOT (e OR f) after:2020').root))
    assert leaves == [Term("a"), Phrase(("c", "d"))]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([*'ab Бб()"-*:', " OR ", " NOT ", "title:", "after:", "2022-03"]),
        max_size=20,
    ).map("".join)
)
def test_parse_never_raises_and_its_reading_means_the_same(text: str) -> None:
    parsed = parse(text)
    reread = parse(describe(parsed.root))
    assert reread.root == parsed.root
    assert reread.notice is None


def test_deep_nesting_is_bounded_and_said() -> None:
    from ossetia_reader.core.search.query import MAX_NESTING, parse

    query = parse("(" * 300 + "peskov")
    assert query.notice is not None and f"deeper than {MAX_NESTING}" in query.notice
    assert query.root is not None
    assert parse("- - peskov").root == parse("peskov").root, "double negation cancels"
    assert parse("-" * 993 + "peskov").root == parse("-peskov").root
