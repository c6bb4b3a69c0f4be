"""Other exports of the same page, made by the tests themselves.

Each seed page is parsed once; ``render`` then prints its articles again the
way another PDF or web export might: another column width, no wrapping at
all, paragraphs marked by indents instead of blank lines, column-break blank
lines in mid-sentence, and bylines in the other styles readers meet.  Parsing
any of these must give the annotated articles again.
"""

from __future__ import annotations

from dataclasses import dataclass

from liaocheng_tui.archive.model import Article, ArticleKind, Page


@dataclass(frozen=True)
class Style:
    name: str
    width: int | None = 18  # characters per line; None: one line per paragraph
    indent: bool = False  # paragraphs start with two U+3000
    blank_between: bool = True  # blank line between paragraphs
    column_breaks: bool = False  # blank line inside long paragraphs, mid-sentence
    byline: str = "original"  # see BYLINES
    flip: bool = False  # print headlines on the other side of their article
    double_spaced: bool = False  # a blank line after every line (blocks: three)


def _wrap(text: str, width: int | None) -> list[str]:
    if width is None or len(text) <= width:
        return [text]
    return [text[i : i + width] for i in range(0, len(text), width)]


def _names(names: list[str], sep: str = " ") -> str:
    return sep.join(names)


BELOW = "\x00below:"  # marks a byline printed as a line of its own under the body


def _byline_forms(article: Article, style: str) -> tuple[list[str], str, str]:
    """(lines above the body, text glued before the first paragraph, text glued after the last)."""
    rep, cor = article.reporters, article.correspondents
    if style == "original":
        lines = article.byline.split("\n") if article.byline else []
        if article.dateline and article.byline and article.byline.startswith(("（", "(")):
            return [], f"{article.dateline}{article.byline}", ""
        if article.dateline:
            return lines, f"{article.dateline} ", ""
        if article.byline and article.byline.startswith(("（", "(")):
            return [], article.byline, ""
        return lines, "", ""
    people = f"记者 {_names(rep)}" + (f" 通讯员 {_names(cor)}" if cor else "")
    if style == "bracket-halfwidth":
        return [], f"本报讯 (记者 {_names(rep)}{' 通讯员 ' + _names(cor) if cor else ''}) ", ""
    if style == "marker-lines":
        lines = [f"■ 本报记者 {_names(rep)}"] if rep else []
        lines += [f"本报通讯员 {_names(cor)}"] if cor else []
        return lines, "", ""
    if style == "letter-spaced":
        lines = [f"■ 本 报 记 者 {_names(rep)}"] if rep else []
        lines += [f"本 报 通 讯 员 {_names(cor)}"] if cor else []
        return lines, "", ""
    if style == "dazhong":
        return [f"□{people} 报道"], "本报临清讯 ", ""
    if style == "dated-dateline":
        roles = f"全媒体记者 {_names(rep)}" + (f" 通讯员 {_names(cor)}" if cor else "")
        return [], f"大众网聊城5月2日讯 （{roles}） ", ""
    if style == "run-together":
        roles = "记者" + "、".join(rep) + ("通讯员" + "、".join(cor) if cor else "")
        return [], f"本报聊城12月27日讯（{roles}）", ""
    if style == "trailing":
        return [], "", f"（{people}）"
    if style == "traditional":
        roles = f"記者 {_names(rep)}" + (f" 通訊員 {_names(cor)}" if cor else "")
        return [], f"本報訊（{roles}）", ""
    if style == "bracketed-line":
        return [], "", BELOW + f"（本报记者 {_names(rep)}{' 通讯员 ' + _names(cor) if cor else ''}）"
    if style == "marker-slash-role":  # ■ 文/图 本报记者 X (a feature's credit line)
        lines = [f"■ 文/图 本报记者 {_names(rep)}"] if rep else []
        lines += [f"本报通讯员 {_names(cor)}"] if cor else []
        return lines, "", ""
    if style == "place-dated-dateline":  # 本报聊城6月19日讯（记者 X）
        return [], f"本报聊城6月19日讯（{people}）", ""
    if style == "outlet-dot-role-top":  # 大众网·海报新闻记者 X 通讯员 Y 聊城报道
        roles = f"大众网·海报新闻记者 {_names(rep)}" + (f" 通讯员 {_names(cor)}" if cor else "")
        return [f"{roles} 聊城报道"], "", ""
    if style == "credit-line-below":  # a line of its own between the body and the headline
        return [], "", BELOW + people
    raise ValueError(style)


def _photo_credit(article: Article, style: str) -> str:
    names = _names(article.reporters)
    if style in ("original", "marker-lines", "letter-spaced"):
        return article.byline or ""
    if style in ("dazhong", "run-together", "marker-slash-role"):
        return f"■ {names}"
    if style == "place-dated-dateline":
        return f"本报记者 {names} 摄"
    if style == "outlet-dot-role-top":
        return f"图/{names}"
    if style == "credit-line-below":
        return f"{names} 摄"
    return f"■ 本报记者 {names}"


def _paragraph_lines(text: str, style: Style) -> list[str]:
    lines = _wrap(("\u3000\u3000" if style.indent else "") + text, style.width)
    if style.column_breaks and len(lines) >= 3 and lines[1][-1] not in "。！？；”":
        lines.insert(2, "")
    return lines


def _render_article(article: Article, style: Style, headline_first: bool) -> list[list[str]]:
    """The article as blocks of lines (blocks are separated by blank lines)."""
    heading: list[list[str]] = []
    if article.kicker:
        heading.append([article.kicker])
    if article.title:
        heading.append(_wrap(article.title, 24 if len(article.title) > 30 else None))
    if article.subtitle:
        heading.append([article.subtitle])
    paragraphs = [p.text for p in article.paragraphs]
    above: list[str] = []
    before = after = ""
    if article.kind is ArticleKind.ARTICLE and (article.reporters or article.byline or article.dateline):
        above, before, after = _byline_forms(article, style.byline)
    below: list[str] = []
    if after.startswith(BELOW):
        below, after = [after[len(BELOW) :]], ""
    if paragraphs:
        paragraphs[0] = before + paragraphs[0]
        paragraphs[-1] = paragraphs[-1] + after
    if article.kind is ArticleKind.PHOTO:
        paragraphs[-1] = paragraphs[-1] + " " + _photo_credit(article, style.byline)
    body: list[list[str]] = [above] if above else []
    if style.blank_between:
        body += [_paragraph_lines(p, style) for p in paragraphs]
    else:
        body.append([line for p in paragraphs for line in _paragraph_lines(p, style)])
    if below:
        body.append(below)
    return heading + body if headline_first else body + heading


def render(page: Page, style: Style, headline_first: bool) -> str:
    """Print ``page`` again in ``style``; ``headline_first`` is the original page's orientation."""
    blocks: list[list[str]] = []
    first = headline_first != style.flip
    for article in page.articles:
        blocks += _render_article(article, style, first)
    text = "\n\n".join("\n".join(b) for b in blocks if b) + "\n"
    return text.replace("\n", "\n\n") if style.double_spaced else text


STYLES = [
    Style("wrap-14", width=14),
    Style("wrap-26", width=26),
    Style("unwrapped", width=None),
    Style("indent-no-blank", width=20, indent=True, blank_between=False),
    Style("column-breaks", width=16, column_breaks=True),
    Style("bracket-halfwidth", byline="bracket-halfwidth"),
    Style("marker-lines", byline="marker-lines"),
    Style("letter-spaced", byline="letter-spaced"),
    Style("dazhong", byline="dazhong", indent=True, blank_between=False),
    Style("dated-dateline", byline="dated-dateline"),
    Style("run-together", byline="run-together"),
    Style("trailing-byline", byline="trailing"),
    Style("double-spaced", width=18, double_spaced=True),
    Style("double-spaced-indented", width=22, double_spaced=True, indent=True, blank_between=False),
    Style("traditional-bylines", byline="traditional"),
    Style("bracketed-byline-line", byline="bracketed-line"),
    Style("flipped", width=None, flip=True),
    Style("flipped-wrapped", width=20, flip=True, byline="bracket-halfwidth"),
    # credit styles met on real pages (tests/archive/credit_survey.csv)
    Style("marker-slash-role", byline="marker-slash-role"),
    Style("place-dated-dateline", byline="place-dated-dateline"),
    Style("outlet-dot-role-top", width=22, byline="outlet-dot-role-top"),
    Style("credit-line-below", byline="credit-line-below"),
]
