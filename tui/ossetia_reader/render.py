"""Articles as Rich ``Text``: shared by ``ossetia-reader show`` and the reading pane.

Text is always built with ``Text(...)``/``append``, never parsed as markup, so
``[bold]`` in an article stays literal. Spans stored as offsets into the body
map onto the rendered text through ``RenderedArticle.position``.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from rich._wrap import divide_line
from rich.style import Style
from rich.text import Text

from ossetia_reader.core.article import Article
from ossetia_reader.core.sanitize import safe_line, safe_text

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
ENTITY_NAMES = {"PER": "person", "LOC": "place", "ORG": "organisation", "MISC": "other"}
# The legend's words: short, so the legend stays on one line in a 50-column pane.
LEGEND_NAMES = {"PER": "person", "LOC": "place", "ORG": "org", "MISC": "other"}


@dataclass(frozen=True)
class ArticleStyles:
    """How each part of an article looks; the reading pane fills this from its CSS."""

    title: Style = Style(bold=True)
    meta: Style = Style(dim=True)
    caption: Style = Style(italic=True, dim=True)
    link: Style = Style(underline=True)
    quote: Style = Style(italic=True, color="green")
    speaker: Style = Style(bold=True, color="green")
    hit: Style = Style(reverse=True, bold=True)
    entity: Mapping[str, Style] = field(
        default_factory=lambda: {
            "PER": Style(bold=True, color="cyan"),
            "LOC": Style(underline=True, color="yellow"),
            "ORG": Style(bold=True, underline=True, color="magenta"),
            "MISC": Style(color="blue"),
        }
    )


def plural(count: int, word: str) -> str:
    """``1 quote``, ``2 quotes``, ``1,200 articles``."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def type_label(type_: str | None, no_color: bool = False) -> Text:
    """The entity type as a label in its colour, with its bold/underline/italic.

    ``no_color`` (the app's NO_COLOR): the marks without the colour. Textual turns the
    colour into a grey of its brightness, and "organisation" came out grey 237 on 235
    in the people table and the entity view: all but invisible.
    """
    if not type_:
        return Text("")
    style = ArticleStyles().entity.get(type_) or Style()
    if no_color:
        style = Style(bold=style.bold, underline=style.underline, italic=style.italic)
    return Text(ENTITY_NAMES.get(type_, type_.lower()), style=style)


@dataclass(frozen=True, slots=True)
class Item:
    """Something in the body a reader can move to: an entity mention or a quote."""

    kind: str  # "entity", "quote" or "link"
    index: int  # into article.entities, article.quotes or article.links
    start: int
    end: int


@dataclass
class RenderedArticle:
    """An article's text plus what is needed to find body offsets in it."""

    text: Text
    body_start: int
    insertions: list[tuple[int, int]]  # (body offset, characters inserted there), ascending

    def position(self, body_offset: int) -> int:
        """Where body offset ``body_offset`` lands in ``text``."""
        shift = 0
        for at, length in self.insertions:
            if at > body_offset:
                break
            shift += length
        return self.body_start + body_offset + shift

    def spans_of(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where body offsets ``start``..``end`` land in ``text``, around inserted text
        (a speaker's name, a turn's paragraph break) made inside that range."""
        cuts = [at for at, _ in self.insertions if start < at < end]
        bounds = [start, *cuts, end]
        return [
            (self.position(a), self.position(b - 1) + 1)
            for a, b in itertools.pairwise(bounds)
            if b > a
        ]

    def body_offset(self, position: int) -> int | None:
        """The body offset shown at text ``position`` (None in the header above the body).

        A position inside inserted text (a speaker's name) counts as the body offset the
        insertion was made at.
        """
        if position < self.body_start:
            return None
        offset = position - self.body_start
        for at, length in self.insertions:
            if offset < at:
                break
            offset = max(at, offset - length)
        return offset


@dataclass(frozen=True, slots=True)
class LinkEntry:
    """A numbered entry of an article's link list: what it says and where it goes."""

    label: str
    url: str

    @property
    def openable(self) -> bool:
        """Only web addresses go to the browser (no ``file:``, ``javascript:`` …)."""
        return self.url.lower().startswith(("http://", "https://"))


def link_entries(article: Article) -> list[LinkEntry]:
    """The article's own address, then every link in its text, relative ones resolved."""
    entries = []
    if article.url:
        entries.append(LinkEntry("This article", safe_line(article.url)))
    for index, link in enumerate(article.links):
        label = safe_line(article.body[link.start : link.end]) or "(no text)"
        entries.append(LinkEntry(label, link_url(article, index)))
    return entries


def link_url(article: Article, index: int) -> str:
    """Where link ``index`` of ``article`` goes, resolved like ``link_entries``."""
    from urllib.parse import urljoin

    target = article.links[index].target
    if article.url and "://" not in target and not target.startswith("mailto:"):
        target = urljoin(article.url, target)
    return safe_line(target)


def article_items(article: Article, *, entities: bool = True, quotes: bool = True) -> list[Item]:
    """Entities, quotes and links in reading order (the Tab order of the reading pane)."""
    items: list[Item] = [Item("link", i, k.start, k.end) for i, k in enumerate(article.links)]
    if entities:
        items += [Item("entity", i, e.start, e.end) for i, e in enumerate(article.entities)]
    if quotes:
        items += [Item("quote", i, q.start, q.end) for i, q in enumerate(article.quotes)]
    return sorted(items, key=lambda item: (item.start, item.end))


def render_article(
    article: Article,
    styles: ArticleStyles | None = None,
    *,
    entities: bool = True,
    quotes: bool = True,
    hits: Sequence[tuple[int, int]] = (),
    reserve_legend: bool = False,
    width: int | None = None,
) -> RenderedArticle:
    """Lay out title, date/source line, caption and body with highlights applied.

    ``reserve_legend`` keeps the legend's line even while it is empty, so the text
    below does not move when enrichment (or ``e``) changes what the legend names.
    ``width`` is the width the text will be wrapped to (the reading pane's). With it,
    each speaker's name goes right-aligned on the blank line after the quote's paragraph
    instead of after its last word: appended there, a name that does not fit the last
    line wraps onto a new one and pushes everything below down a line when enrichment
    lands under the reader's eyes. The article's address is cut to one line (``u`` and
    ``y`` give it whole) rather than folded over three at 80 columns.
    """
    styles = styles or ArticleStyles()
    text = Text()
    text.append(safe_line(article.title) or article.id, styles.title)
    text.append("\n")
    meta = [article.date.strftime("%d %B %Y").lstrip("0") if article.date else "undated"]
    if article.source:
        meta.append(safe_line(article.source))
    if article.author:
        meta.append(safe_line(article.author))
    text.append(" · ".join(meta), styles.meta)
    if article.url:
        text.append("\n")
        url = safe_line(article.url)
        text.append(url if width is None else middle_cut(url, width), styles.meta)
    legend = _legend(article, styles, entities=entities, quotes=quotes, width=width)
    if legend.plain or reserve_legend:
        text.append("\n")
        text.append_text(legend)
    text.append("\n\n")
    if article.caption or article.credit:
        caption = safe_line(article.caption or "")
        text.append("▌ " + caption, styles.caption)
        if article.credit:
            text.append(
                ("  " if caption else "") + "Photo: " + safe_line(article.credit), styles.meta
            )
        text.append("\n\n")

    body = Text(safe_text(article.body))
    size = len(body)
    for link in article.links:
        body.stylize(styles.link, link.start, link.end)
    if entities:
        for entity in article.entities:
            style = styles.entity.get(entity.type)
            if style is not None and 0 <= entity.start < entity.end <= size:
                body.stylize(style, entity.start, entity.end)
    speakers_at: dict[int, list[str]] = {}
    # Transcript labels that open mid-paragraph (the press releases' scraper flattened
    # paragraphs): each turn starts a new paragraph on screen, so an interview reads as one.
    breaks: list[int] = []
    if quotes and article.quotes:
        # Only for quotes: an unenriched first article needs none of it (~2.5 ms to import).
        from ossetia_reader.core.enrich.transcripts import CUE as TRANSCRIPT_CUE
        from ossetia_reader.core.enrich.transcripts import label_start_before

        for quote in article.quotes:
            if not 0 <= quote.start < quote.end <= size or quote.cue != TRANSCRIPT_CUE:
                continue
            # A transcript turn: its label already names the speaker, and a whole
            # interview in the quote style would be hard to read; the label stands out.
            label = label_start_before(body.plain, quote.start)
            if label is not None:
                body.stylize(styles.speaker, label, quote.start)
                if label > 0 and body.plain[label - 1] != "\n":
                    breaks.append(label)
        breaks.sort()
        for quote in article.quotes:
            if not 0 <= quote.start < quote.end <= size or quote.cue == TRANSCRIPT_CUE:
                continue
            body.stylize(styles.quote, quote.start, quote.end)
            if quote.speaker:
                end = _paragraph_end(body.plain, quote.end)
                following = bisect.bisect_left(breaks, quote.end)
                if following < len(breaks) and breaks[following] < end:
                    end = breaks[following]
                    while end > quote.end and body.plain[end - 1] == " ":
                        end -= 1
                names = speakers_at.setdefault(end, [])
                if quote.speaker not in names:
                    names.append(quote.speaker)
    for start, end in hits:
        if 0 <= start < end <= size:
            body.stylize(styles.hit, start, end)

    inserted: dict[int, Text] = {}
    for at, names in speakers_at.items():
        who = ", ".join(safe_line(n) for n in names)
        if width is None:
            inserted[at] = Text(" — " + who, styles.speaker)
        else:
            at, line = _attribution(body.plain, at, "— " + who, width)
            inserted[at] = Text.assemble(line[0], (line[1], styles.speaker))
    for at in breaks:
        inserted.setdefault(at, Text()).append("\n\n")
    body_start = len(text)
    insertions: list[tuple[int, int]] = []
    # One division of the body at every insertion point: a slice per insertion
    # (``body[previous:at]``) divides the whole body each time, and a 176,000-character
    # Kremlin transcript with 229 speaker lines took 5-7 s per Tab on a busy machine.
    points = sorted(inserted)
    pieces = body.divide(points)
    text.append_text(pieces[0])
    for at, piece in zip(points, pieces[1:], strict=True):
        text.append_text(inserted[at])
        insertions.append((at, len(inserted[at])))
        text.append_text(piece)
    if not body.plain.strip():
        # A feed item or a record with a title only: a blank pane read as "still loading".
        text.append(
            "No text came with this article, only its title"
            + ("; o opens its web page." if article.url else "."),
            styles.meta,
        )
    return RenderedArticle(text, body_start, insertions)


# The most of a body the reading pane lays out. Its layout runs on the UI thread, ~1 µs a
# character idle and several times that on a busy machine: a 4.7 MB article froze the app
# for 4-9 s at each open. The longest real article in the shared corpora is a Kremlin news
# conference of 176,670 characters; ``show`` and ``export`` give any article whole.
SHOWN_CHARS = 200_000


def shown_part(article: Article, limit: int | None = None) -> tuple[Article, int]:
    """``article`` cut to about ``limit`` (``SHOWN_CHARS``) characters of body, at a paragraph
    or word end, with only the entities, quotes and links inside; and how many were left out."""
    limit = SHOWN_CHARS if limit is None else limit
    body = article.body
    if len(body) <= limit:
        return article, 0
    end = body.rfind("\n\n", limit // 2, limit)
    if end < 0:
        end = body.rfind(" ", limit // 2, limit)
    if end < 0:
        end = limit
    cut = replace(
        article,
        body=body[:end],
        links=tuple(link for link in article.links if link.end <= end),
        entities=tuple(entity for entity in article.entities if entity.end <= end),
        quotes=tuple(quote for quote in article.quotes if quote.end <= end),
    )
    return cut, len(body) - end


def middle_cut(text: str, width: int) -> str:
    """``text`` in ``width`` cells, cut in the middle with "…" (addresses differ at the end)."""
    if len(text) <= width:
        return text
    if width < 2:
        return text[:width]
    head = (width - 1) // 2
    return text[:head] + "…" + text[len(text) - (width - 1 - head) :]


def _attribution(body: str, at: int, label: str, width: int) -> tuple[int, tuple[str, str]]:
    """Where a speaker line goes for a paragraph ending at ``at``, and its (padding, label).

    Inside the body the paragraph is followed by a blank line ("\\n\\n"): the label goes on
    that line, so the layout keeps its height. At the end of the body or before a transcript
    turn (no blank line there yet) it starts a line of its own.
    """
    width = max(2, width)
    if len(label) > width:
        label = label[: width - 1] + "…"
    padding = " " * (width - len(label))
    if body.startswith("\n\n", at):
        return at + 1, (padding, label)
    return at, ("\n" + padding, label)


def _legend(
    article: Article,
    styles: ArticleStyles,
    *,
    entities: bool,
    quotes: bool,
    width: int | None = None,
) -> Text:
    """One line naming each highlight style the article actually uses.

    Within ``width``: in a pane narrower than the legend (a 40-column terminal) it
    wrapped onto a second line, and the text under it moved down when it appeared;
    the last words give way instead ("— speaker" first).
    """
    shown = {e.type for e in article.entities} if entities else set()
    words = [(LEGEND_NAMES[kind], styles.entity[kind]) for kind in ENTITY_TYPES if kind in shown]
    if quotes and article.quotes:
        words += [("“quote”", styles.quote), ("— speaker", styles.speaker)]
    while width is not None and len(words) > 1 and len(" ".join(w for w, _ in words)) > width:
        words.pop()
    legend = Text()
    for word, style in words:
        legend.append(" " if legend else "")
        legend.append(word, style)
    return legend


def marked_pieces(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Split ``text`` at ``spans`` into ``(piece, is_hit)`` pairs, each piece made safe.

    Sanitising piece by piece keeps the hits where they were even when a control
    character in between turns into a longer stand-in.
    """
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(spans):
        if start < position or end > len(text) or start >= end:
            continue
        pieces.append((_one_line(text[position:start]), False))
        pieces.append((_one_line(text[start:end]), True))
        position = end
    pieces.append((_one_line(text[position:]), False))
    return [(piece, hit) for piece, hit in pieces if piece]


def fit_snippet(
    text: str, spans: Sequence[tuple[int, int]], width: int
) -> tuple[str, list[tuple[int, int]]]:
    """The part of a one-line snippet that fits ``width`` cells, around its first hit.

    Search snippets are longer than a sidebar row; cut at the row's end, the hit
    itself was often what fell off ("…Anatoly Bibilo"). The window puts the first
    hit a third of the way in, moves its edges to word boundaries outside the hit,
    and marks a cut edge with "…". Spans come back moved into the window.
    """
    if width <= 0:
        return "", []
    if len(text) <= width:
        return text, [(s, e) for s, e in spans if 0 <= s < e <= len(text)]
    ordered = sorted((s, e) for s, e in spans if 0 <= s < e <= len(text))
    hit_start, hit_end = ordered[0] if ordered else (0, 0)
    if width < 3:  # no room for ellipses: the hit's first letters
        cut = [(0, min(width, hit_end - hit_start))] if ordered else []
        return text[hit_start : hit_start + width], cut
    start = max(0, min(hit_start - max(0, width - (hit_end - hit_start)) // 3, len(text) - width))
    if 0 < start < hit_start and text[start - 1] != " ":
        # To a word's start: back to the word cut (if the hit still fits), else forward.
        back = text.rfind(" ", 0, start)
        if back != -1 and hit_end - (back + 1) <= width - 2:
            start = back + 1
        else:
            space = text.find(" ", start, hit_start)
            if space != -1:
                start = space + 1
    lead = "…" if start > 0 and text[start - 1 : start] != "…" else ""
    room = width - len(lead)
    end = start + room
    if end < len(text) and hit_end > end - 1 and start < hit_start:
        start = hit_start  # the ellipses took the hit's room: start at the hit itself
        lead = "…" if text[start - 1 : start] != "…" else ""
        room = width - len(lead)
        end = start + room
    if end < len(text):
        end -= 1  # room for the trailing "…"
        space = text.rfind(" ", max(start, hit_end), end + 1)
        if space > start:
            end = space
    window = lead + text[start:end].rstrip() + ("…" if end < len(text) else "")
    shift = len(lead) - start
    moved = [
        (max(s + shift, len(lead)), min(e + shift, len(lead) + end - start))
        for s, e in ordered
        if s < end and e > start
    ]
    return window, [(s, e) for s, e in moved if e > s]


def _one_line(text: str) -> str:
    """Safe, on one line, spaces kept (``safe_line`` would trim them at the edges)."""
    return safe_text(text).replace("\n", " ")


def _paragraph_end(body: str, offset: int) -> int:
    end = body.find("\n\n", offset)
    return len(body) if end < 0 else end


@dataclass
class WrappedText:
    """``Text`` wrapped to a width, remembering where each line starts."""

    lines: list[Text]
    starts: list[int]

    def line_of(self, offset: int) -> int:
        """The index of the line holding text offset ``offset``."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def wrap(text: Text, width: int) -> WrappedText:
    """Wrap at word boundaries (folding words longer than the width)."""
    width = max(1, width)
    lines: list[Text] = []
    starts: list[int] = []
    position = 0
    for line in text.split("\n", allow_blank=True):
        plain = line.plain
        offsets = divide_line(plain, width, fold=True) if len(plain) > width else []
        for piece, start in zip(line.divide(offsets), [0, *offsets], strict=True):
            piece.rstrip()
            lines.append(piece)
            starts.append(position + start)
        position += len(plain) + 1
    return WrappedText(lines, starts)
