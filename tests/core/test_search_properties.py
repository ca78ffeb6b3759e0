"""Property: the index finds exactly what a brute-force scan of the same articles finds."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ossetia_reader.core.article import Article
from ossetia_reader.core.search import SearchIndex
from ossetia_reader.core.search import query as q
from ossetia_reader.core.search.stem import is_variant, stem
from ossetia_reader.core.search.tokenize import script, terms
from ossetia_reader.core.search.translit import translit_key

WORDS = [
    "oil", "oils", "gas", "crude", "leader", "leaders", "Leader's", "Бибилов", "Bibilov",
    "Бибилова", "Ossetia", "Осетия", "Осетии", "post-Soviet", "Tskhinvali", "Цхинвали", "Kokoïty",
    "talks", "talking", "2022",
]  # fmt: skip
DATES = [None, dt.date(2022, 3, 1), dt.date(2022, 3, 31), dt.date(2022, 4, 15)]


def brute_term(leaf: q.Term, term: str) -> bool:
    word = leaf.word
    key = translit_key(word)
    other_script = script(term) != script(word)
    if leaf.prefix:
        if term.startswith(word):
            return True
        term_key = translit_key(term)
        return bool(other_script and key and term_key and term_key.startswith(key))
    if term == word or is_variant(word, term):
        return True
    if not (other_script and key):
        return False
    if translit_key(term) == key:
        return True
    root = stem(term)
    return root is not None and translit_key(root) == key and is_variant(root, term)


def brute(node: q.Node, doc: Article) -> bool:
    fields = {"title": terms(doc.title), "body": terms(doc.body), "source": terms(doc.source)}
    if isinstance(node, q.Term):
        chosen = [fields[node.field]] if node.field else list(fields.values())
        return any(brute_term(node, t) for seq in chosen for t in seq)
    if isinstance(node, q.Phrase):
        chosen = [fields[node.field]] if node.field else list(fields.values())
        n = len(node.words)
        return any(tuple(seq[i : i + n]) == node.words for seq in chosen for i in range(len(seq)))
    if isinstance(node, q.DateRange):
        if doc.date is None:
            return False
        return (node.start is None or doc.date >= node.start) and (
            node.end is None or doc.date < node.end
        )
    if isinstance(node, q.Not):
        return not brute(node.child, doc)
    if isinstance(node, q.And):
        return all(brute(c, doc) for c in node.children)
    return any(brute(c, doc) for c in node.children)


words = st.sampled_from(WORDS)
texts = st.lists(words, max_size=6).map(" ".join)
articles = st.lists(st.tuples(texts, texts, st.sampled_from(DATES)), min_size=1, max_size=8)
leaf = st.one_of(
    words,
    words.map(lambda w: w[:3] + "*"),
    st.tuples(words, words).map(lambda p: f'"{p[0]} {p[1]}"'),
    words.map(lambda w: f"title:{w}"),
    st.tuples(words, words).map(lambda p: f'title:"{p[0]} {p[1]}"'),
    st.sampled_from(["after:2022-03-15", "before:2022-04", "date:2022-03-31"]),
)
queries = st.recursive(
    leaf,
    lambda inner: st.one_of(
        st.tuples(inner, inner).map(" ".join),
        st.tuples(inner, inner).map(lambda p: f"({p[0]} OR {p[1]})"),
        inner.map(lambda x: f"-({x})"),
    ),
    max_leaves=5,
)


@settings(max_examples=120, deadline=None)
@given(articles, queries)
def test_boolean_results_equal_a_brute_force_scan(
    rows: list[tuple[str, str, dt.date | None]], text: str
) -> None:
    docs = [
        Article(id=str(k), key=k, title=title, body=body, date=date, source="Wire")
        for k, (title, body, date) in enumerate(rows, 1)
    ]
    index = SearchIndex.build(docs)
    parsed = q.parse(text)
    expected = {d.key for d in docs if parsed.root is not None and brute(parsed.root, d)}
    found = {hit.key for hit in index.search(text, limit=100).hits}
    assert found == expected, q.describe(parsed.root)
