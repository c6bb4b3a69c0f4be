"""Test pages composed from the credit survey (tests/archive/credit_survey.csv).

Each survey row is a credit format met on real Liaocheng pages (and on other
Shandong papers' pages that print credits the same way), with names as
placeholders.  This module fills the placeholders with invented names, sets
the credit where the row says it sits (the lead of the first paragraph, a line
above the body, the end of the last paragraph, a line between body and
headline, after a photo caption) and prints whole pages in the export styles
the seeds show: body then headline (PDF), headline first (web), a feature with
its credit line first, and 大众日报's narrow indented columns.  Every page comes
with the articles an editor expects, so the tests check the class (every row,
every style), not one example.

The article text is our own: short invented news items, not copied from the
pages surveyed.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from liaocheng_tui.archive.cjk import squeeze
from liaocheng_tui.archive.loader import parse_page

SURVEY = Path(__file__).resolve().parent.parent / "archive" / "credit_survey.csv"
HELD_OUT_EVERY = 5  # every fifth survey row is held out: no rule is written against it
# Each survey round holds out every fifth of the rows it added, in a folder of its own that is
# generated and scored before any rule is touched: the rows of the first rounds (s01–s76) in
# heldout/ (since read), the next rounds (s77–s92, s93–s99, s100–s133) in heldout2/, heldout3/ and
# heldout4/, s134–s151 in heldout5/, the last (s152–) in heldout6/.
ROUND_ROWS = (76, 16, 7, 34, 18)  # rows added by each closed round; the rest belong to the last one
FIRST_ROUNDS_ROWS = ROUND_ROWS[0]


@dataclass(frozen=True)
class SurveyRow:
    id: str
    klass: str
    pattern: str
    where: str
    source: str
    region: str
    articles: int
    example: str


def load_rows() -> list[SurveyRow]:
    with SURVEY.open(encoding="utf-8") as handle:
        return [
            SurveyRow(r["id"], r["class"], r["pattern"], r["where"], r["source"], r["region"], int(r["articles"]), r["example"])
            for r in csv.DictReader(handle)
        ]


def _every_fifth(rows: list[SurveyRow]) -> tuple[list[SurveyRow], list[SurveyRow]]:
    kept = [r for i, r in enumerate(rows) if i % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
    held = [r for i, r in enumerate(rows) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1]
    return kept, held


def round_splits() -> tuple[list[SurveyRow], list[list[SurveyRow]]]:
    """(rows the rules may be written against, the rows each round held out)."""
    rows = load_rows()
    tuned: list[SurveyRow] = []
    held: list[list[SurveyRow]] = []
    start = 0
    for count in (*ROUND_ROWS, len(rows)):
        kept, out = _every_fifth(rows[start : start + count])
        tuned += kept
        held.append(out)
        start += count
    return tuned, held


def split_rows() -> tuple[list[SurveyRow], list[SurveyRow]]:
    """(rows the rules may be written against, rows held out in any round's folder)."""
    tuned, held = round_splits()
    return tuned, [r for rows in held for r in rows]


# --- invented text ------------------------------------------------------------------

# Names: two and three characters, some with characters that are also one-character
# roles (文, 图, 摄) or closing words, so the grammar must not cut them.
NAMES = [
    "宋明远", "韩雪", "郝立军", "邵可", "崔文博", "穆青禾", "钟晓", "尹志鹏", "牛文杰", "庞悦",
    "祁海川", "葛宁", "麻春生", "冀图南", "覃思远", "芦苇", "甘露", "骆志强", "谭晓光", "柏青",
    "邢雨桐", "潘建业", "温可欣", "卜世杰", "练红", "焦书林", "霍然", "简宁宁", "戚少华", "滕飞",
]
# Names printed run together with their role (记者{N}{N}…) are the pool's two-character
# ones: the text alone cannot tell 于涛黄华 from 于涛黄 华.

# (title, paragraphs); "{date}" is replaced by the event date (M月D日).
STORIES = [
    ("城区新增十处口袋公园", ["{date}，城区又有十处口袋公园建成开放，附近居民出门几分钟就能走进绿地。",
                              "这些公园利用边角空地改造而成，设置了健身步道、休闲座椅和儿童游乐设施。"]),
    ("乡村夜校开课受欢迎", ["{date}晚，一所乡村夜校在村文化广场开课，六十多名村民参加了第一课。",
                            "夜校课程包括果树修剪、网络销售和家庭理财，授课老师来自农技部门和职业院校。",
                            "一位参加学习的村民说，白天忙农活，晚上来学本事，两不耽误。"]),
    ("老旧小区加装电梯提速", ["{date}，一处老旧小区的第三部加装电梯通过验收，投入使用。",
                              "今年以来，城区已有四十余个单元完成电梯加装，惠及住户五百余户。"]),
    ("冬小麦田管正当时", ["{date}，在一处高标准农田示范区，农技人员正在指导种植户浇灌返青水。",
                          "示范区推广水肥一体化技术，每亩可节水三成以上，小麦长势良好。"]),
    ("社区食堂开进家门口", ["{date}，一家社区食堂正式营业，周边老人用餐可享受优惠。",
                            "食堂每天提供三十多种菜品，还为行动不便的老人送餐上门。",
                            "社区负责人介绍，食堂由街道、社区和爱心企业共同运营。"]),
    ("非遗手艺进校园", ["{date}，剪纸、木版年画等非遗项目的传承人走进一所小学，为学生们上了一堂手工课。",
                        "同学们在传承人的指导下动手体验，感受传统技艺的魅力。"]),
    ("运河岸线整治完工", ["{date}，一段运河岸线综合整治工程完工，沿岸新建步道三公里。",
                          "工程清理了河道淤积，补植了乔木和水生植物，河岸景观焕然一新。"]),
    ("企业技改项目投产", ["{date}，一家机械企业的技术改造项目正式投产，生产线自动化水平大幅提升。",
                          "项目投产后，企业年产能可提高四成，产品不良率下降一半。",
                          "企业负责人表示，下一步将加大研发投入，开发更多高端产品。"]),
    ("全民健身赛事开赛", ["{date}，一项全民健身徒步大会在湖畔开赛，两千余名市民参加。",
                          "赛道沿湖环绕，途经多处历史文化景点，参赛者边走边赏美景。"]),
    ("秋粮收获过半", ["{date}，记者在一处农场看到，几台收割机正在田间作业，玉米收获进度过半。",
                      "农场负责人说，今年玉米长势好，预计每亩产量比往年有所增加。"]),
    ("便民服务大厅上新", ["{date}，一处便民服务大厅推出二十项“一次办好”事项，群众办事更加方便。",
                          "大厅设置了综合窗口和自助服务区，工作人员全程帮办代办。"]),
    ("文化惠民演出走进乡村", ["{date}，一场文化惠民演出在村头舞台上演，吕剧、快板等节目赢得阵阵掌声。",
                              "今年以来，演出队已走进八十多个村庄，送去演出一百余场。"]),
]
CAPTIONS = [
    "{date}，游客在湖边步道上欣赏盛开的荷花。",
    "{date}，志愿者在社区为老人测量血压。",
    "{date}，工人在新建厂房内调试生产设备。",
    "{date}，孩子们在图书馆里阅读绘本。",
    "{date}，农民在大棚里采摘新鲜蔬菜。",
    "{date}，市民在广场上观看民俗表演。",
]
EXTRA_CAPTION = "活动吸引了众多市民驻足观看，现场气氛热烈。"
EXTRA_CAPTIONS = ["据了解，此类活动今年已举办多场，参与人数逐年增加。"]
# The lead-in of a page of photo items: a paragraph with no headline and no credit of its own.
PHOTO_LEAD_INS = [
    "连日来，我市各地群众以多种方式迎接节日，处处洋溢着喜庆祥和的气氛。",
    "近段时间，城乡各处呈现出一派忙碌景象，记者走进一线，记录下这些瞬间。",
]

# A paragraph that ends a page with a clue to its year, and one that gives none.
YEAR_CLUE = "今年（{year}年）以来，类似项目已陆续落地。"


# --- credits ---------------------------------------------------------------------------

CORRESPONDENT_WORD = re.compile(r"通\s*[讯訊]\s*[员員]")
ROLE_WORD = re.compile(
    r"通\s*[讯訊]\s*[员員]|[记記]\s*者|摄影|实习生|评论员|供稿|策划|编辑|制片人|统筹|编导|报道员"
    r"|[文图圖视频]+\s*/|[文图]\s*/\s*[图圖]"
)
# {N} a name; {S} a two-character name printed with a space inside (大众日报 pads 胡 磊 to the
# width of three-character names): the name is 胡磊; {E} the name of an editor or checker in
# the page's furniture (初审编辑, 责任编辑, 审核, a web meta line's 作者): printed, credited to no one.
PLACEHOLDER = re.compile(r"\{[NSE]\}")


@dataclass
class Credit:
    """One survey row realised with names: where each piece of text goes, and who it credits."""

    row: SurveyRow
    lead: str = ""  # glued before the first paragraph
    tail: str = ""  # glued after the last paragraph
    above: list[str] = field(default_factory=list)  # lines of their own above the body
    below: list[str] = field(default_factory=list)  # lines of their own under the body
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    printed: dict[str, bool] = field(default_factory=dict)  # name → was a role printed with it

    @property
    def is_photo(self) -> bool:
        return self.row.where.startswith("photo")


def _fill(text: str, names: list[str], credit: Credit, date: dt.date) -> str:
    """Replace each {N} with the next name, noting its role from the role word before it."""
    out = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        before = text[pos : m.start()]
        out.append(before)
        name = names.pop(0)
        out.append(f"{name[0]} {name[1:]}" if m.group(0) == "{S}" else name)
        pos = m.end()
        if m.group(0) == "{E}":
            continue
        roles = list(ROLE_WORD.finditer(text[: m.start()]))
        after = text[m.end() :]
        # 摄 after the name, or after the names printed with it (X Y摄影报道 credits both)
        role_after = bool(re.match(r"(?:\s*\{[NS]\})*\s*/?\s*(?:[摄攝]|文/摄|文/图)", after))
        if roles and CORRESPONDENT_WORD.fullmatch(roles[-1].group(0)):
            credit.correspondents.append(name)
        else:
            credit.reporters.append(name)
        credit.printed[name] = bool(roles) or role_after
    out.append(text[pos:])
    filled = "".join(out)
    return filled.replace("{M}", str(date.month)).replace("{D}", str(date.day))


def realise(row: SurveyRow, names: list[str], date: dt.date) -> Credit:
    """The row's pattern with names filled in, split into the pieces a page prints."""
    credit = Credit(row)
    pattern = row.pattern
    where = row.where
    for i, m in enumerate(PLACEHOLDER.finditer(pattern)):  # a spaced name is a two-character one
        if m.group(0) == "{S}" and len(names[i]) != 2:
            j = next((j for j in range(i + 1, len(names)) if len(names[j]) == 2), None)
            if j is None:
                names[i] = names[i][:2]
            else:
                names[i], names[j] = names[j], names[i]
    if "run-together" in row.klass:  # run-together names: two-character ones, taken from the pool
        short = [n for n in names if len(n) == 2][: pattern.count("{N}")]
        for n in short:
            names.remove(n)
        names[:0] = short
    if where.startswith("photo"):
        rest = pattern.replace("{caption}", "", 1)
        if rest.startswith(" / "):
            credit.below = [_fill(p, names, credit, date) for p in rest[3:].split(" / ")]
        else:  # a credit closing the caption, and lines of its own under it (…摄 / 详见C02版)
            tail, *below = rest.split(" / ")
            credit.tail = _fill(tail, names, credit, date)
            credit.below = [_fill(p, names, credit, date) for p in below]
        return credit
    if where.startswith("lead"):
        head, _, tail = pattern.partition("{body}")
        tail = tail.split("…", 1)[1] if "…" in tail else ""
        credit.lead = _fill(head, names, credit, date)
        if where.endswith("trailing-line"):  # credit lines of their own under the body
            credit.below = [_fill(p, names, credit, date) for p in tail.strip().split(" / ")]
            return credit
        credit.tail = _fill(tail, names, credit, date)
        if credit.tail.startswith("。"):  # …。□记者 X: run on after the last full stop
            credit.tail = credit.tail[1:]
        return credit
    if where.startswith("top"):
        # what follows … is printed under the body: lines of their own, or the end of its text
        pattern, _, after = pattern.partition(" … ")
        pieces = pattern.split(" / ")
        for piece in pieces:
            if "{body}" in piece:
                credit.lead = _fill(piece.replace("{body}", ""), names, credit, date)
            else:
                credit.above.append(_fill(piece, names, credit, date))
        if after and where.endswith("trailing-line"):
            credit.below = [_fill(p, names, credit, date) for p in after.split(" / ")]
        elif after:
            credit.tail = _fill(after, names, credit, date).removeprefix("。")
        return credit
    if where in ("trailing-bracket", "trailing-inline"):
        credit.tail = _fill(pattern.split("…", 1)[1] if "…" in pattern else pattern, names, credit, date)
        if credit.tail.startswith("。"):
            credit.tail = credit.tail[1:]
        return credit
    if where == "trailing-line":
        credit.below = [_fill(p, names, credit, date) for p in pattern.split(" / ")]
        return credit
    raise ValueError(f"{row.id}: unknown placement {where!r}")


# --- export styles ---------------------------------------------------------------------


@dataclass(frozen=True)
class PageStyle:
    name: str
    headline_first: bool
    width: int | None  # characters per printed line; None: one line per paragraph
    indent: str = ""
    blank_between: bool = True  # a blank line between paragraphs
    credit_first: bool = False  # a feature: its top credit is printed before everything


STYLES = (
    PageStyle("pdf-body-then-headline", headline_first=False, width=22),
    PageStyle("web-headline-first", headline_first=True, width=None, indent="\u3000\u3000"),
    PageStyle("feature-credit-first", headline_first=False, width=20, indent="\u3000\u3000", credit_first=True),
    PageStyle("dazhong-columns", headline_first=False, width=17, indent="  ", blank_between=False),
)


def _wrap(text: str, width: int | None) -> list[str]:
    """Lines of ``width`` characters; a space a line would start with stays at the end of
    the line before (a PDF never starts a wrapped line with spaces)."""
    if width is None or len(text) <= width:
        return [text]
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    for i in range(1, len(lines)):
        stripped = lines[i].lstrip(" ")
        lines[i - 1] += lines[i][: len(lines[i]) - len(stripped)]
        lines[i] = stripped
    return [line for line in lines if line]


@dataclass
class Item:
    """One expected item on a generated page."""

    kind: str
    title: str | None
    reporters: list[str]
    correspondents: list[str]
    printed: dict[str, bool]
    body: str  # squeezed-comparable body text (paragraphs joined)


@dataclass
class GeneratedPage:
    name: str
    text: str
    items: list[Item]
    issue_date: dt.date | None  # the page's real date, when its text can tell the year
    rows: list[str]


def _paragraph_block(paragraphs: list[str], style: PageStyle) -> list[list[str]]:
    lines = [_wrap(style.indent + p, style.width) for p in paragraphs]
    if style.blank_between:
        return lines
    return [[line for block in lines for line in block]]


def _credit_lines(lines: list[str], style: PageStyle) -> list[list[str]]:
    """Credit lines of their own: wrapped like the page, so a long one breaks mid-name."""
    return [[piece for line in lines for piece in _wrap(line, style.width)]] if lines else []


def compose(
    name: str,
    rows: list[SurveyRow],
    style: PageStyle,
    seed: int,
    year_clue: bool,
    *,
    lead_in: str | None = None,
    caption_paragraphs: int | tuple[int, ...] | None = None,
) -> GeneratedPage:
    """A page printing one item per row (articles, and photo items for photo rows); a
    ``lead_in`` paragraph with no headline and no credit opens the page, and
    ``caption_paragraphs`` fixes how many paragraphs each caption prints (one count for
    all, or one for each photo item)."""
    names = NAMES[seed % len(NAMES) :] + NAMES[: seed % len(NAMES)]
    base = dt.date(2019 + seed % 6, 1 + seed % 11, 3)
    blocks: list[list[str]] = []
    items: list[Item] = []
    latest = base
    if lead_in is not None:
        blocks += _paragraph_block([lead_in], style)
        items.append(Item("lead-in", None, [], [], {}, lead_in))
    photo_count = 0
    for k, row in enumerate(rows):
        date = base + dt.timedelta(days=k)
        latest = max(latest, date)
        stamp = f"{date.month}月{date.day}日"
        credit = realise(row, names, date)
        if credit.is_photo:
            caption = [CAPTIONS[(seed + k) % len(CAPTIONS)].replace("{date}", stamp)]
            if caption_paragraphs is not None:
                wanted = caption_paragraphs if isinstance(caption_paragraphs, int) else caption_paragraphs[photo_count]
                caption += [EXTRA_CAPTION, *EXTRA_CAPTIONS][: wanted - 1]
                photo_count += 1
            elif "lines" in row.klass and not style.headline_first:
                caption.append(EXTRA_CAPTION)  # a caption of two paragraphs above its credit lines
            shown = list(caption)
            if credit.tail.startswith("。"):  # …观看。□记者 X: the credit runs on after the full stop
                shown[-1] = shown[-1][:-1] + credit.tail
            else:
                shown[-1] = shown[-1] + credit.tail
            item_blocks = _paragraph_block(shown, style) + _credit_lines(credit.below, style)
            blocks += item_blocks
            items.append(Item("photo", None, credit.reporters, credit.correspondents, credit.printed, "".join(caption)))
            continue
        title, paragraphs = STORIES[(seed + k) % len(STORIES)]
        paragraphs = [p.replace("{date}", stamp) for p in paragraphs]
        if year_clue and k == len(rows) - 1:
            paragraphs = [*paragraphs, YEAR_CLUE.format(year=base.year)]
        shown = list(paragraphs)
        shown[0] = credit.lead + shown[0]
        if credit.tail:
            shown[-1] = shown[-1] + credit.tail
        article: list[list[str]] = _credit_lines(credit.above, style)
        article += _paragraph_block(shown, style)
        article += _credit_lines(credit.below, style)
        heading = [[title]]
        blocks += heading + article if style.headline_first else article + heading
        items.append(Item("article", title, credit.reporters, credit.correspondents, credit.printed, "".join(paragraphs)))
    text = "\n\n".join("\n".join(b) for b in blocks) + "\n"
    issue = latest + dt.timedelta(days=1) if year_clue else None
    return GeneratedPage(name, text, items, issue, [r.id for r in rows])


def pages_for(rows: list[SurveyRow], prefix: str) -> list[GeneratedPage]:
    """Every row in every style: each page mixes three rows (an article row first, so no
    page opens with a photo), the rows rotating so each row meets different neighbours."""
    articles = [r for r in rows if not r.where.startswith("photo")]
    photos = [r for r in rows if r.where.startswith("photo")]
    pages: list[GeneratedPage] = []
    for s, style in enumerate(STYLES):
        for i, row in enumerate(rows):
            lead = articles[(i + s) % len(articles)] if row.where.startswith("photo") else row
            others = [r for r in (articles[(i + s + 1) % len(articles)], articles[(i + s + 2) % len(articles)]) if r is not lead]
            if row is lead:
                group = [row, *others]
            elif style.headline_first:  # a headline-first page prints its photos above the first headline
                group = [row, lead, *others[:1]]
            else:
                group = [lead, row, *others[:1]]
            seed = 7 * i + s
            pages.append(compose(f"{prefix}{row.id}_{style.name}", group, style, seed, year_clue=(i + s) % 2 == 0))
    if photos:
        for s, style in enumerate(STYLES):
            group = [photos[(s + j) % len(photos)] for j in range(3)]
            pages.append(compose(f"{prefix}photo_page_{style.name}", group, style, 100 + s, year_clue=False))
    return pages


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expectation(page: GeneratedPage) -> dict:
    """The page's expected articles in the format of tests/archive/layouts/*.json."""
    return {
        "notes": [f"composed from survey rows {', '.join(page.rows)}"],
        "issue_date": page.issue_date.isoformat() if page.issue_date else None,
        "articles": [
            {
                "kind": item.kind,
                "title": item.title,
                "kicker": None,
                "subtitle": None,
                "reporters": item.reporters,
                "correspondents": item.correspondents,
                "credits": [
                    {"name": n, "role": role, "printed": item.printed[n]}
                    for role, names in (("reporter", item.reporters), ("correspondent", item.correspondents))
                    for n in names
                ],
                "subheads": [],
                "body_start": _squeezed(item.body)[:12],
                "body_end": _squeezed(item.body)[-12:],
            }
            for item in page.items
        ],
    }


# --- checking a page field by field ---------------------------------------------------

FIELDS = ("kind", "title", "reporters", "correspondents", "credits", "body_start", "body_end")


def observed(article) -> dict:
    body = squeeze(article.body)
    return {
        "kind": article.kind.value,
        "title": article.title,
        "reporters": article.reporters,
        "correspondents": article.correspondents,
        "credits": article.credits,
        "body_start": body[:12],
        "body_end": body[-12:],
    }


def problems_of(name: str, text: str, want: dict) -> list[str]:
    page = parse_page(text, f"{name}.txt")
    got = [observed(a) for a in page.articles]
    items = want["articles"]
    problems = []
    if len(got) != len(items):
        problems.append(f"{len(got)} items, expected {len(items)}: {[g['title'] or g['body_start'] for g in got]}")
    for i, (g, w) in enumerate(zip(got, items)):
        for key in FIELDS:
            if g[key] != w[key]:
                problems.append(f"item {i} ({w['title'] or w['body_start']}) {key}: got {g[key]!r}, want {w[key]!r}")
    if page.issue_date is not None and page.issue_date.isoformat() != want["issue_date"]:
        problems.append(f"dated {page.issue_date}, want {want['issue_date']}")
    return problems


HELD_OUT_FOLDER = SURVEY.parent / "heldout"
HELD_OUT_FOLDER_2 = SURVEY.parent / "heldout2"
HELD_OUT_FOLDERS = (
    HELD_OUT_FOLDER,
    HELD_OUT_FOLDER_2,
    SURVEY.parent / "heldout3",
    SURVEY.parent / "heldout4",
    SURVEY.parent / "heldout5",
    SURVEY.parent / "heldout6",
)


def write_folder(pages: list[GeneratedPage], folder: Path) -> None:
    """Materialise pages as ``<name>.txt`` + ``<name>.json`` (the held-out folder)."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (folder / f"{page.name}.txt").write_text(page.text, encoding="utf-8")
        data = json.dumps(expectation(page), ensure_ascii=False, indent=2) + "\n"
        (folder / f"{page.name}.json").write_text(data, encoding="utf-8")


def round_held_out_pages(n: int) -> list[GeneratedPage]:
    """The pages of round ``n``'s held-out rows (0: heldout/, 1: heldout2/, … 4: heldout5/)."""
    prefix = HELD_OUT_FOLDERS[n].name + "_"
    return pages_for(round_splits()[1][n], prefix)


def held_out_pages() -> list[GeneratedPage]:
    return round_held_out_pages(0)


# --- pages of photo items --------------------------------------------------------------

# Credit lines printed under a caption, in the forms real photo pages use (the survey's
# photo rows s10 s30–s37 s58 s69 s82 s91 s96 and the photo columns of tests/archive/layouts):
# a line of its own, or a bracket closing the caption.
PHOTO_CREDIT_FORMS = (
    ("role", "{caption} / 本报记者 {N}"),
    ("short-role", "{caption} / 记者 {N}"),
    ("correspondent", "{caption} / 本报通讯员 {N}"),
    ("she", "{caption} / {N} 摄"),
    ("marker", "{caption} / ■ {N}"),
    ("tu-slash", "{caption} / 图/{N}"),
    ("slash-she", "{caption} / {N}/摄"),
    ("role-and-correspondent", "{caption} / 本报记者 {N} 通讯员 {N}"),
    ("bracket-she", "{caption}（记者 {N} 摄）"),
)
# The article a mixed page prints above its photo items: signed in its lead.
PHOTO_PAGE_ARTICLE = SurveyRow("p-article", "lead-bracket-role", "本报讯（记者 {N}）{body}", "lead", "generated", "liaocheng", 0, "")


def photo_row(form: str, pattern: str) -> SurveyRow:
    where = "photo-line" if " / " in pattern else "photo-inline"
    return SurveyRow(f"p-{form}", f"photo-{form}", pattern, where, "generated", "liaocheng", 0, "")


def photo_item_pages() -> list[GeneratedPage]:
    """Pages made of several photo items, every credit form in every export style: three
    items credited alike, three items credited in three forms, with a headline-less
    lead-in above them, and after a normal article (a mixed page).  Captions print one
    or two paragraphs (one after a headline-first article: there a caption cannot be told
    from the article's last paragraphs)."""
    rows = [photo_row(form, pattern) for form, pattern in PHOTO_CREDIT_FORMS]
    pages: list[GeneratedPage] = []
    for s, style in enumerate(STYLES):
        for i, row in enumerate(rows):
            mixed = [row, rows[(i + 3) % len(rows)], rows[(i + 5) % len(rows)]]
            lines = 1 + (i + s) % 2
            seed = 11 * i + s
            base = f"photo_{row.id[2:]}_{style.name}"
            pages.append(compose(f"{base}_alike", [row] * 3, style, seed, False, caption_paragraphs=lines))
            pages.append(compose(f"{base}_mixed", mixed, style, seed + 1, False, caption_paragraphs=3 - lines))
            lead_in = PHOTO_LEAD_INS[(i + s) % len(PHOTO_LEAD_INS)]
            pages.append(compose(f"{base}_lead-in", mixed, style, seed + 2, False, lead_in=lead_in, caption_paragraphs=lines))
            after = 1 if style.headline_first else lines
            pages.append(compose(f"{base}_after-article", [PHOTO_PAGE_ARTICLE, *mixed], style, seed + 3, False, caption_paragraphs=after))
    return pages


def held_out_pages_2() -> list[GeneratedPage]:
    return round_held_out_pages(1)


if __name__ == "__main__":  # python tests/support/credit_pages.py: rewrite the held-out folders
    for n, folder in enumerate(HELD_OUT_FOLDERS):
        write_folder(round_held_out_pages(n), folder)
