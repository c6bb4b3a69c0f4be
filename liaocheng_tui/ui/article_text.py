"""How an article reads on screen: list entries, search hits and the full article pane.

Pure functions from model objects (and highlight spans) to Rich ``Text``,
all built through :func:`safe_text`.  UI-free: Rich only, no Textual.
"""

from __future__ import annotations

from rich.text import Text

from liaocheng_tui.archive.edition import shown as shown_edition
from liaocheng_tui.archive.model import Article, ArticleKind, DateSource
from liaocheng_tui.archive.printable import display_path
from liaocheng_tui.ui.cjk_wrap import CJKText
from liaocheng_tui.ui.safe_text import Span, clean, safe_text, spans_within

INDENT = "\u3000\u3000"  # two full-width spaces: the Chinese paragraph indent
HIT = "bold reverse"
KIND_LABEL = {ArticleKind.PHOTO: "〔图片〕", ArticleKind.LEAD_IN: "〔导读〕"}


INFERRED_ROLE = "*"
INFERRED_ROLE_NOTE = "* printed without a role: the role it is printed with elsewhere in the archive (else 记者)"
INFERRED_DATE_NOTE = "≈ date inferred from the text"


def byline(article: Article) -> str:
    """``记者 甲 乙 · 通讯员 丙*``, or an empty string; ``*`` marks a name printed without a role."""
    def names(people: list[str]) -> str:
        return " ".join(n + (INFERRED_ROLE if n in article.roleless else "") for n in people)

    parts = []
    if article.reporters:
        parts.append("记者 " + names(article.reporters))
    if article.correspondents:
        parts.append("通讯员 " + names(article.correspondents))
    return clean(" · ".join(parts))


def date_label(article: Article) -> str:
    page = article.page
    if page is None or page.issue_date is None:
        return "undated"
    return ("≈" if page.date_source == DateSource.INFERRED else "") + page.issue_date.isoformat()


def edition_label(article: Article) -> str:
    """``A2版`` / ``第3版`` / ``要闻``, or empty when the page's 版 is not known."""
    return clean(shown_edition(article.page.edition)) if article.page is not None else ""


def where_label(article: Article) -> str:
    """``2024-06-21 · 聊城日报 · A2版`` (the 版 left out when unknown)."""
    return " · ".join(x for x in (date_label(article), paper_label(article), edition_label(article)) if x)


def paper_label(article: Article) -> str:
    return clean(article.page.newspaper or "未知报纸") if article.page else "未知报纸"


#: The mark of a bookmarked article, in lists and in the article's header.
BOOKMARK = "★ "


def heading(article: Article, spans: list[Span] = (), *, marked: bool = False) -> Text:
    """The article's label for lists: bookmark mark, kind tag + title (or the start of its text)."""
    out = Text(end="")
    if marked:
        out.append(BOOKMARK, style="bold yellow")
    label = KIND_LABEL.get(article.kind)
    if label:
        out.append(label, style="italic")
    if article.title:
        out.append_text(safe_text(article.title, spans, style="bold", highlight=HIT))
    else:
        out.append_text(safe_text(article.heading, style="bold"))
    return out


def list_entry(article: Article, divider: str = "", *, marked: bool = False) -> CJKText:
    """An entry in the issue's article list: kicker (dim), title, reporters (never wrapped);
    ``divider`` (a 版 label) opens it with a rule line ``── A2版 ──``."""
    lines = []
    if divider:
        lines.append(Text(f"── {divider} ──", style="bold dim", end=""))
    if article.kicker:
        lines.append(safe_text(article.kicker, style="dim"))
    lines.append(heading(article, marked=marked))
    who = byline(article)
    if who:
        lines.append(Text(who, style="dim italic", end=""))
    nowrap = {len(lines) - 1} if who else set()
    if divider:
        nowrap.add(0)
    return CJKText(Text("\n", end="").join(lines), nowrap=nowrap)


SNIPPET_CHARS = 56


#: Subhead decoration that a snippet line does not need (▶“五老”精神◀ reads 五老精神 in a result).
DECORATION = "▶◀►◄"


def undecorated(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """``text`` without subhead decoration, ``spans`` moved to match."""
    if not any(c in text for c in DECORATION):
        return text, list(spans)
    kept = [i for i, c in enumerate(text) if c not in DECORATION]
    new_at = {old: new for new, old in enumerate(kept)}

    def moved(pos: int) -> int:
        while pos < len(text) and pos not in new_at:
            pos += 1
        return new_at.get(pos, len(kept))

    out = [(moved(s), moved(e)) for s, e in spans]
    return "".join(text[i] for i in kept), [(s, e) for s, e in out if e > s]


def trim_snippet(snippet: str, spans: list[Span], limit: int = SNIPPET_CHARS) -> tuple[str, list[Span]]:
    """At most ``limit`` characters of ``snippet`` around its first hit, with ``…`` where cut."""
    snippet = snippet.replace("\n", " ")
    if len(snippet) <= limit:
        return snippet, list(spans)
    first = min((s for s, _ in spans), default=0)
    start = max(0, min(first - limit // 4, len(snippet) - limit))
    end = start + limit
    kept = spans_within(spans, start, end)
    head, tail = ("…" if start else ""), ("…" if end < len(snippet) else "")
    return head + snippet[start:end] + tail, [(s + len(head), e + len(head)) for s, e in kept]


def hit_entry(article: Article, snippet: str, spans: list[Span], title_spans: list[Span] = (),
              asked: str = "", *, marked: bool = False) -> CJKText:
    """A result or dated entry: title; date · paper; every name credited (those in ``asked``, the
    query, first and marked, so a cut line still shows them); a one-line highlighted snippet."""
    snippet, spans = trim_snippet(*undecorated(snippet, spans))
    lines = [heading(article, list(title_spans), marked=marked),
             Text(where_label(article), style="dim", end="")]
    nowrap = {1}
    names = names_line(article, asked)
    if names.plain:
        nowrap.add(len(lines))
        lines.append(names)
    if snippet:
        nowrap.add(len(lines))
        lines.append(safe_text(snippet.replace("\n", " "), spans, style="italic", highlight=HIT))
    return CJKText(Text("\n", end="").join(lines), nowrap=nowrap)


def names_line(article: Article, asked: str = "") -> Text:
    """``记者 甲 乙 · 通讯员 丙``, names found in ``asked`` moved to the front of their role and marked."""
    out = Text(style="dim italic", end="")
    for label, people in (("记者", article.reporters), ("通讯员", article.correspondents)):
        if not people:
            continue
        if out.plain:
            out.append(" · ")
        out.append(label)
        for name in sorted(people, key=lambda n: n not in asked):  # stable: the rest keep their order
            out.append(" ")
            out.append(clean(name + (INFERRED_ROLE if name in article.roleless else "")),
                       style=HIT if asked and name in asked else "")
    return out


def article_body(article: Article, highlights: dict[str, list[Span]] | None = None, *, compact: bool = False,
                 marked: bool = False) -> Text:
    """The whole article for the reading pane, hits highlighted.

    ``compact`` (full-screen reading on a small terminal): the head is title,
    byline and ``paper · date`` only; the file and the notes follow the text.

    ``highlights`` maps ``title``/``subtitle``/``kicker``/``body`` to spans as
    returned by ``SearchService.highlight_spans`` (body offsets index
    ``article.body``: paragraphs joined by newlines).
    """
    hl = highlights or {}
    blocks: list[Text] = []
    if article.kicker:
        blocks.append(safe_text(article.kicker, hl.get("kicker", ()), style="dim", highlight=HIT))
    label = KIND_LABEL.get(article.kind)
    title = Text(end="")
    if label:
        title.append(label, style="italic")
    title.append_text(
        safe_text(article.title or ("" if label else "（无标题）"), hl.get("title", ()), style="bold", highlight=HIT)
    )
    blocks.append(title)
    if article.subtitle:
        blocks.append(safe_text(article.subtitle, hl.get("subtitle", ()), style="italic", highlight=HIT))
    who = byline(article)
    if who:
        line = Text(who, style="bold", end="")
        for name in credited_hits(article, hl):  # 记者:林晨 — the name marked where it is credited
            for start in _occurrences(who, name):
                line.stylize(HIT, start, start + len(name))
        blocks.append(line)
    source = short_source(article.page.source) if article.page else "?"
    when = date_label(article)
    meta = Text(" · ".join(x for x in (paper_label(article), when, edition_label(article)) if x), style="dim", end="")
    if marked:
        meta.append(" · ")
        meta.append(BOOKMARK + "bookmarked", style="bold yellow")
    notes = [Text(display_path(source), style="dim underline", end="")]
    if article.roleless and who:
        notes.append(Text(INFERRED_ROLE_NOTE, style="dim italic", end=""))
    if when.startswith("≈"):
        notes.insert(0, Text(INFERRED_DATE_NOTE, style="dim italic", end=""))
    blocks.append(meta)
    if not compact:
        blocks += notes
        blocks.append(Text("─" * 8, style="dim", end=""))
    head = Text("\n", end="").join(blocks)
    blocks = []
    body_spans = hl.get("body", [])
    offset = 0
    for para in article.paragraphs:
        start, end = offset, offset + len(para.text)
        offset = end + 1  # the "\n" between paragraphs
        spans = spans_within(body_spans, start, end)
        if para.is_subhead:
            # Shown without its ▶…◀ decoration; shift spans by what the strip removed.
            lead = len(para.text) - len(para.text.lstrip("▶◀►◄■□●◆◇ \t"))
            shown = para.display
            spans = spans_within(spans, lead, lead + len(shown))
            line = Text("\n▍" if blocks else "▍", style="bold", end="")
            line.append_text(safe_text(shown, spans, style="bold underline", highlight=HIT))
            blocks.append(line)
        else:
            line = Text(INDENT, end="")
            line.append_text(safe_text(para.text, spans, highlight=HIT))
            blocks.append(line)
    if compact:
        blocks += [Text("─" * 8, style="dim", end=""), *notes]
    return Text("\n", end="").join([head, *blocks])


def credited_hits(article: Article, highlights: dict[str, list[Span]]) -> set[str]:
    """The credited names that a hit in the printed byline or dateline covers."""
    hit_text = set()
    for attr in ("byline", "dateline"):
        text = getattr(article, attr, None) or ""
        hit_text.update(text[s:e] for s, e in highlights.get(attr, ()))
    names = [*article.reporters, *article.correspondents]
    found = {n for n in names if any(n in t or t in n for t in hit_text if len(t) >= 2 or t == n)}
    start = 0
    for name in names:  # the names a field query asked for (spans into the names joined by newlines)
        if any(s < start + len(name) and e > start for s, e in highlights.get("credits", ())):
            found.add(name)
        start += len(name) + 1
    return found


def _occurrences(text: str, needle: str) -> list[int]:
    out, start = [], text.find(needle)
    while needle and start >= 0:
        out.append(start)
        start = text.find(needle, start + len(needle))
    return out


def hit_offsets(text: Text) -> list[int]:
    """Where the marked hits of ``text`` start (offsets into its plain string), in order."""
    return sorted({span.start for span in text.spans if str(span.style) == HIT})


def short_source(source: str) -> str:
    """The page's file as a reader wants it: ``seeds/…`` for the embedded pages, relative
    to the working folder or ``~`` when it lies below them, else the full path."""
    from pathlib import Path

    from liaocheng_tui.seeds import seeds_dir

    path = Path(source)
    if path.parent == seeds_dir():
        return f"seeds/{path.name}"
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(path.relative_to(base))
        except ValueError:
            continue
    return source
