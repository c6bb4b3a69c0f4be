"""Citations, checked exactly: the plain newsroom form and GB/T 7714's newspaper entry."""

from __future__ import annotations

import datetime as dt

import pytest

from liaocheng_tui.archive.model import Article, DateSource, Page, Paragraph
from liaocheng_tui.cite import citation, plain_text


def _article(title="激发原创力量 唱响“两河明珠”", *, reporters=("林晨",), correspondents=(), roleless=(),
             paper="聊城日报", date=dt.date(2024, 6, 21), source=DateSource.FILENAME, edition="A2") -> Article:
    page = Page(source="/p/lc.txt", newspaper=paper, issue_date=date, date_source=source, edition=edition)
    article = Article(title=title, reporters=list(reporters), correspondents=list(correspondents),
                      paragraphs=[Paragraph("城市因音乐更美好。"), Paragraph("第二段。")], page=page,
                      roleless=list(roleless))
    page.articles = [article]
    return article


CASES = [
    # (what, article, plain, gbt7714)
    ("the issue's example", _article(),
     "记者 林晨：《激发原创力量 唱响“两河明珠”》，《聊城日报》2024年6月21日第A2版。",
     "林晨. 激发原创力量 唱响“两河明珠”[N]. 聊城日报, 2024-06-21(A2)."),
    ("an inferred date", _article(source=DateSource.INFERRED),
     "记者 林晨：《激发原创力量 唱响“两河明珠”》，《聊城日报》2024年6月21日（日期据正文推定）第A2版。",
     "林晨. 激发原创力量 唱响“两河明珠”[N]. 聊城日报, [2024-06-21](A2)."),
    ("an undated page with no 版", _article(date=None, source=DateSource.UNKNOWN, edition=None),
     "记者 林晨：《激发原创力量 唱响“两河明珠”》，《聊城日报》（日期不详）。",
     "林晨. 激发原创力量 唱响“两河明珠”[N]. 聊城日报, [出版日期不详]."),
    ("a numbered 版", _article(edition="3"),
     "记者 林晨：《激发原创力量 唱响“两河明珠”》，《聊城日报》2024年6月21日第3版。",
     "林晨. 激发原创力量 唱响“两河明珠”[N]. 聊城日报, 2024-06-21(3)."),
    ("a named 版", _article(edition="要闻"),
     "记者 林晨：《激发原创力量 唱响“两河明珠”》，《聊城日报》2024年6月21日要闻版。",
     "林晨. 激发原创力量 唱响“两河明珠”[N]. 聊城日报, 2024-06-21(要闻)."),
    ("reporters and correspondents", _article(reporters=("李政哲",), correspondents=("张凯",)),
     "记者 李政哲 通讯员 张凯：《激发原创力量 唱响“两河明珠”》，《聊城日报》2024年6月21日第A2版。",
     "李政哲, 张凯. 激发原创力量 唱响“两河明珠”[N]. 聊城日报, 2024-06-21(A2)."),
    ("more than three names", _article(reporters=("甲一", "乙二", "丙三"), correspondents=("丁四",)),
     "记者 甲一 乙二 丙三 通讯员 丁四：《激发原创力量 唱响“两河明珠”》，《聊城日报》2024年6月21日第A2版。",
     "甲一, 乙二, 丙三, 等. 激发原创力量 唱响“两河明珠”[N]. 聊城日报, 2024-06-21(A2)."),
    ("a name printed without a role", _article(reporters=("林晨", "王伟"), roleless=("王伟",)),
     "记者 林晨 王伟：《激发原创力量 唱响“两河明珠”》，《聊城日报》2024年6月21日第A2版。",
     "林晨, 王伟. 激发原创力量 唱响“两河明珠”[N]. 聊城日报, 2024-06-21(A2)."),
    ("no names", _article(reporters=()),
     "《激发原创力量 唱响“两河明珠”》，《聊城日报》2024年6月21日第A2版。",
     "激发原创力量 唱响“两河明珠”[N]. 聊城日报, 2024-06-21(A2)."),
    ("a title quoting a work", _article(title="微电影《为了下一代》开机"),
     "记者 林晨：《微电影〈为了下一代〉开机》，《聊城日报》2024年6月21日第A2版。",
     "林晨. 微电影《为了下一代》开机[N]. 聊城日报, 2024-06-21(A2)."),
    ("an unknown paper", _article(paper=None),
     "记者 林晨：《激发原创力量 唱响“两河明珠”》，（报名不详）2024年6月21日第A2版。",
     "林晨. 激发原创力量 唱响“两河明珠”[N]. [报名不详], 2024-06-21(A2)."),
    ("control characters in the title", _article(title="标题\x1b[31m红\x07"),
     "记者 林晨：《标题␛[31m红␇》，《聊城日报》2024年6月21日第A2版。",
     "林晨. 标题␛[31m红␇[N]. 聊城日报, 2024-06-21(A2)."),
]


@pytest.mark.parametrize("what,article,plain,gbt", CASES, ids=[c[0] for c in CASES])
def test_citation_styles(what, article, plain, gbt):
    assert citation(article) == plain, what
    assert citation(article, "gbt7714") == gbt, what


def test_the_whole_article_as_plain_text_ends_with_its_citation():
    article = _article()
    text = plain_text(article)
    assert text == ("激发原创力量 唱响“两河明珠”\n记者 林晨\n\n城市因音乐更美好。\n第二段。\n\n"
                    "记者 林晨：《激发原创力量 唱响“两河明珠”》，《聊城日报》2024年6月21日第A2版。")


def test_an_unknown_style_is_refused():
    with pytest.raises(ValueError, match="gbt7714"):
        citation(_article(), "apa")
