"""Where quotes are: their opening and closing marks, whatever is said in them.

Split out of ``quotes.py`` (which reads who said a quote): straight and curly double
marks, «…» and „…“, single marks (‘…’ and '…', whose closing mark is also the
apostrophe: don't, Britain's, ’90s), a straight mark closed by a curly one on pages that
mix them, quotes left open that run on into the next paragraph, and quote marks written as
HTML entities that lost their "&" (`` quot;`` of the AG News feeds). The searches are
bounded so that hostile text full of stray marks stays linear.
"""

from __future__ import annotations

import re

# Opening mark -> the marks that can close it.
# (A straight mark closed by a curly one: pages that mix them, '"I know …,” Medvedev said'.)
_CLOSERS = {"“": '”"', '"': '"”', "«": "»", "„": "“”", "‘": "’", "'": "'"}
_OPENING_MARK = re.compile("[“\"«„‘']")
# Double marks only: where an apostrophe must not count as a quote mark.
DOUBLE_OPENING_MARK = re.compile('[“"«„]')
# British single marks (‘We will not back down,’ the minister said; also in straight ' marks):
# the closing mark is also the apostrophe (don’t, Britain’s, ’90s), so it closes only where no
# letter follows, and a plural possessive (ministers’ decision) closes only when no later mark
# in the paragraph can.
SINGLES = "‘'"
_POSSESSIVE_CLOSE = re.compile(r"s[’'][ \t]+[a-z]")
# What a search for the close of each opening mark has to stop at.
_MARKS = {
    opener: re.compile(f"[{re.escape(opener + closers)}\n]") for opener, closers in _CLOSERS.items()
}
# A single mark left open (an apostrophe: "how ‘bout") must not swallow a double-mark quote:
# its search gives up at a double mark.
_MARKS.update(
    {
        opener: re.compile(f'[{re.escape(opener + closers)}“"\n]')
        for opener, closers in (("‘", "’"), ("'", "'"))
    }
)
_LONGEST_PARAGRAPH_SEARCH = 20_000
_PARAGRAPH_LOOKBACK = 2_000
# Quote marks and apostrophes written as HTML entities, often with the "&" lost in scraping
# (AG News: `` quot;helping themselves, quot;``, ``NASA #39;s``, ``"Shrek #39; #39;``).
_ENTITY_QUOTE = re.compile(
    r"&quot;|&#0*34;|&#x22;|(?<![\w&#])quot;|(?:&|(?<![\w&]))#39;[ \t]?(?:&)?#39;", re.IGNORECASE
)
_ENTITY_APOSTROPHE = re.compile(r"[ \t]?(?:&|(?<![\w&]))#39;(s|t|d|m|ll|re|ve)?(?![a-z])")


def mend_entities(text: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """``text`` of the same length with each quote-mark entity written as one mark, and
    ``{mark offset: entity span}`` for the marks so made.

    An entity that opens a quote (a word follows) becomes spaces then ``"`` next to the
    word; one that closes it becomes ``"`` right after the quoted words (over the space
    the feed left before it), then spaces. ``#39;s`` becomes ``'s`` the same way, so
    "Microsoft #39;s chief" reads as a possessive. Offsets never move: the quotes found
    are quotes of the original text.
    """
    if "quot;" not in text and "#39;" not in text and "&#" not in text:
        return text, {}
    chars = list(text)
    marks: dict[int, tuple[int, int]] = {}
    for match in _ENTITY_QUOTE.finditer(text):
        start, end = match.span()
        following = text[end : end + 1]
        if following and not following.isspace() and following not in ".,;:!?)]":
            chars[start:end] = " " * (end - start - 1) + '"'
            marks[end - 1] = (start, end)
        else:
            lower = start
            while lower > 0 and text[lower - 1] in " \t" and chars[lower - 1] == text[lower - 1]:
                lower -= 1
            if lower > 0 and text[lower - 1] == "\n":
                lower = start
            # "…, quot; said": the comma goes with the mark, as in "…," said.
            tail = following if following and following in ".,;:!?" else ""
            upper = end + len(tail)
            chars[lower:upper] = '"' + tail + " " * (upper - lower - 1 - len(tail))
            marks[lower] = (start, end)
    for match in _ENTITY_APOSTROPHE.finditer(text):
        start, end = match.span()
        if any(c != o for c, o in zip(chars[start:end], text[start:end], strict=True)):
            continue  # part of a quote mark already
        written = "'" + (match.group(1) or "")
        chars[start:end] = written + " " * (end - start - len(written))
    return "".join(chars), marks


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every quote, marks included, in order and non-overlapping.

    Searches that fail (an opening mark never closed) may cost at most a few
    times the text's length in all, so hostile text full of stray marks stays
    linear: past that budget, stray marks are skipped without a search.
    """
    spans: list[tuple[int, int]] = []
    budget = [2 * len(text) + 100_000]
    index = 0
    while True:
        match = _OPENING_MARK.search(text, index)
        if match is None:
            return spans
        index = match.start()
        if _can_open(text, index) and budget[0] > 0:
            end = _find_close(text, index, budget)
            if end is not None:
                spans.append((index, end))
                index = end
                continue
        index += 1


def _can_open(text: str, index: int) -> bool:
    if index + 1 >= len(text) or text[index + 1].isspace() or text[index + 1] == ">":
        return False  # ('tweet-date="…">': markup, not a quote)
    if text[index] in SINGLES:
        # Not inside a word, and not an apostrophe written the wrong way round (‘90s, ‘em).
        before = text[index - 1] if index else " "
        if text[index] == "'" and not text[index + 1].isalpha():
            return False  # ('5' or '...': a foot mark, code; straight marks open only words)
        return (before.isspace() or before in '([{—–-/:;,“"') and _ELIDED.match(
            text, index + 1
        ) is None
    if text[index] != '"':
        return True
    before = text[index - 1] if index else " "
    return before.isspace() or before in "([{—–-/:;,"


def _find_close(text: str, start: int, budget: list[int]) -> int | None:
    """The end (exclusive) of the quote opened at ``start``, across paragraphs if it runs on."""
    opener = text[start]
    closers = _CLOSERS[opener]
    marks = _MARKS[opener]
    depth = 0
    index = start + 1
    opening_paragraph = paragraph_start(text, start)
    limit = min(len(text), start + _LONGEST_PARAGRAPH_SEARCH)
    found: int | None = None
    possessive: int | None = None
    while True:
        match = marks.search(text, index, limit)
        if match is None:
            break
        index = match.start()
        char = text[index]
        if char == "\n":
            if not text.startswith("\n\n", index):
                following = skip_space(text, index)
                if (
                    opener not in SINGLES
                    and following < len(text)
                    and text[following] == opener
                    and opener not in closers
                ):
                    # One line to a paragraph: the quote reopened on the next line runs on
                    # ("“It is unfortunate …¶“I tried. …¶“I could play …”"), no nesting.
                    index = following + 1
                    continue
                index += 1
                continue
            following = skip_space(text, index)
            if following < len(text) and text[following] in (opener, "“", "«", '"', "„"):
                # The quote runs on into the next paragraph, which reopens it.
                index = following + 1
                continue
            if opener not in SINGLES and (start == opening_paragraph or _opens_run_on(text, start)):
                found = trim_end(text, index)
            break
        if opener in SINGLES:
            if char in '“"':
                break  # (see _MARKS)
            if char not in closers or not _single_can_close(text, index):
                index += 1  # (an apostrophe, or a stray ‘: no nesting of single marks)
                continue
            if _POSSESSIVE_CLOSE.match(text, index - 1) and possessive is None:
                possessive = index + 1  # "the ministers’ decision": closes only if nothing later
                index += 1
                continue
            found = index + 1
            break
        if char == opener and opener not in closers and opener != '"':
            depth += 1  # «… «…» …»
        elif char in closers and (opener != '"' or _can_close(text, index)):
            if depth == 0:
                found = index + 1
                break
            depth -= 1
        index += 1
    if found is None and possessive is not None:
        budget[0] -= index - start  # (the search past it is paid for, as a failed one is)
        found = possessive
    if (
        found is None
        and opener not in SINGLES
        and match is None
        and (
            start == opening_paragraph
            or _opens_run_on(text, start)
            or (
                _CUT_QUOTE_OPENING.search(text, max(0, start - 12), start) is not None
                and text.find("\n", start, trim_end(text, len(text))) < 0
            )
        )
        and limit >= len(text)
    ):
        # 'He said: "…' or 'issued a statement, "…' to the text's end, never closed; also
        # '… said Woolard. "In pursuit of …' on the text's last line: an excerpt or a feed's
        # summary cut inside the quote.
        found = trim_end(text, len(text))
    if found is None:
        budget[0] -= index - start
    return found


# Before a quote opening a sentence or following its verb: "… Board. "Under …", 'said "'.
_CUT_QUOTE_OPENING = re.compile(r"(?:[.!?][\"”’]?|\b(?:said|says|added|told \w+))[ \t]+\Z")


def _opens_run_on(text: str, start: int) -> bool:
    """Whether a quote left open may run to its paragraph's end: it opens a line (pages
    whose paragraphs are single lines), or follows "said: " or "a statement, "."""
    return text[start - 1 : start] == "\n" or text[start - 2 : start] in (": ", ", ")


_ELIDED = re.compile(r"(?:\d\ds|em|til|cause|bout|n|tis|twas)\b", re.IGNORECASE)


def _single_can_close(text: str, index: int) -> bool:
    """A ’ that can close a single-mark quote: after a word or punctuation, and not followed
    by a letter or digit (the apostrophe of don’t, Britain’s, rock ’n’ roll)."""
    before = text[index - 1]
    following = text[index + 1] if index + 1 < len(text) else " "
    return not before.isspace() and not following.isalnum()


def _can_close(text: str, index: int) -> bool:
    before = text[index - 1]
    return not before.isspace()


def paragraph_start(text: str, index: int) -> int:
    """Where the paragraph around ``index`` starts (looked for within a bounded distance:
    only "is this the paragraph's start" matters, and that is decided nearby)."""
    lower = max(0, index - _PARAGRAPH_LOOKBACK)
    found = text.rfind("\n\n", lower, index)
    return skip_space(text, found) if found >= 0 else skip_space(text, lower)


def opens_line(text: str, index: int) -> bool:
    """Whether only spaces or tabs stand between a line break and ``index`` (read back
    from ``index``: slicing the text before it cost a copy of the article per quote)."""
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    return index > 0 and text[index - 1] == "\n"


def skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
