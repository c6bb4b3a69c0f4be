"""Never misses: any 2–8 character string copied from an article's title or body finds that article."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from liaocheng_tui.search.analysis import has_searchable
from liaocheng_tui.search.query import quote_verbatim

_SYNTAX = re.compile(r"[\"()\[\]{}:：\-]|(?:^|\s)(AND|OR|NOT|ANDNOT)(?:\s|$)")


def as_typed(text: str) -> str:
    """The text as a user would search it: raw when it has no query syntax, else as a quoted phrase."""
    return quote_verbatim(text) if _SYNTAX.search(text) else text


def finds(service, article, text) -> bool:
    results = service.search(as_typed(text), limit=None)
    return any(h.article.id == article.id for h in results.hits)


@st.composite
def copied_string(draw, archive):
    articles = [a for a in archive.articles if (a.title or "").strip() or a.body.strip()]
    article = draw(st.sampled_from(articles))
    sources = [t for t in (article.title, article.body) if t and len(t) >= 2]
    text = draw(st.sampled_from(sources))
    size = draw(st.integers(min_value=2, max_value=min(8, len(text))))
    start = draw(st.integers(min_value=0, max_value=len(text) - size))
    return article, text[start : start + size]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_copied_string_finds_its_article_on_the_seeds(seeds_open, data):
    archive, service = seeds_open
    article, text = data.draw(copied_string(archive))
    assume(has_searchable(text))
    assert finds(service, article, text), f"{text!r} did not find {article.heading!r}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_copied_string_finds_its_article_on_built_pages(made, data):
    archive, service = made
    article, text = data.draw(copied_string(archive))
    assume(has_searchable(text))
    assert finds(service, article, text), f"{text!r} did not find {article.heading!r}"


def test_every_title_finds_its_article(seeds_open):
    archive, service = seeds_open
    for article in archive.articles:
        if article.title and has_searchable(article.title):
            assert finds(service, article, article.title), article.title


def test_strings_with_query_syntax_inside(made):
    archive, service = made
    target = next(a for a in archive.articles if a.title == "联合发布新规")
    for text in ["2024-0815", "：ABC", "编号2024-0815。", "研究院参加；编号"]:
        assert finds(service, target, text), text
