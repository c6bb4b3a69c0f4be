"""The store's role pass and people counts equal the archive's (``assign_roles``, ``people_stats``).

Archives are generated: names credited with a printed role or without one, on
pages of two papers and several dates.  Written to the store without the role
pass, read back they must carry the roles ``assign_roles`` gives the same
archive in memory, the people table must count what ``people_stats`` counts,
and a person's articles (``credited``) must be the ones crediting them.
Removing a page recounts only the names it credited, to the same figures.
"""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.archive.model import Archive, Article, DateSource, Page, Paragraph
from liaocheng_tui.archive.people import assign_roles, people_stats
from liaocheng_tui.search.store import ArticleStore

NAMES = ["林晨", "张凯", "孙亚飞", "高田", "赵琦"]

credit = st.tuples(st.sampled_from(NAMES), st.sampled_from(["reporter", "correspondent", "none"]))
article = st.lists(credit, min_size=1, max_size=3)
page = st.tuples(st.sampled_from(["聊城日报", "大众日报"]), st.integers(1, 28), st.lists(article, min_size=1, max_size=3))


def build(pages: list) -> Archive:
    out = []
    for n, (paper, day, articles) in enumerate(pages):
        p = Page(source=f"/a/{n:03d}.txt", newspaper=paper, issue_date=dt.date(2024, 6, day),
                 date_source=DateSource.FILENAME)
        for i, credits in enumerate(articles):
            a = Article(title=f"标题{n}-{i}", paragraphs=[Paragraph("正文。")], page=p, index=i)
            for name, role in credits:
                names = a.correspondents if role == "correspondent" else a.reporters
                if name not in a.reporters and name not in a.correspondents:
                    names.append(name)
                    if role == "none":
                        a.roleless.append(name)
            p.articles.append(a)
        out.append(p)
    return Archive(roots=["/a"], pages=out)


def stored(tmp_path, archive: Archive) -> ArticleStore:
    store = ArticleStore(tmp_path / "store.sqlite")
    with store.transaction():
        for p in archive.pages:
            store.put_page(p, size=None, mtime_ns=None, sha1=None, digest="")
        store.refresh_people()
    return store


def people_of(archive: Archive) -> set:
    return {(r.name, r.role, r.article_count, r.first, r.last, frozenset(r.newspapers)) for r in people_stats(archive)}


def people_in(store: ArticleStore) -> set:
    return {(r.name, r.role, r.article_count, r.first, r.last, frozenset(r.papers)) for r in store.people()}


def roles(pages) -> list:
    return [(a.id, a.reporters, sorted(a.correspondents)) for p in pages for a in p.articles]


@settings(max_examples=60, deadline=None)
@given(st.lists(page, min_size=1, max_size=6))
def test_store_roles_and_people_match_the_archive_pass(tmp_path_factory, pages):
    tmp_path = tmp_path_factory.mktemp("roles")
    raw = build(pages)
    expected = copy.deepcopy(raw)
    assign_roles(expected)
    store = stored(tmp_path, raw)
    try:
        back = list(store.iter_pages())
        assert roles(sorted(back, key=lambda p: p.source)) == roles(expected.pages)
        assert people_in(store) == people_of(expected)
        for person in store.people():
            want = [a.id for a in expected.articles
                    if person.name in (a.reporters if person.role == "reporter" else a.correspondents)]
            assert sorted(a.id for a in store.credited(person.name, person.role)) == sorted(want), person
        gone = raw.pages[0]
        with store.transaction():
            store.remove([gone.source])
            store.refresh_people()
        rest = copy.deepcopy(Archive(roots=["/a"], pages=raw.pages[1:]))
        assign_roles(rest)
        assert people_in(store) == people_of(rest), "removing a page left stale people rows"
    finally:
        store.close()
