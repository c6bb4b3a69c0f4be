"""Highlight spans land exactly on the matched characters (the whoosh #532 trap), snippets too."""

from __future__ import annotations

import pytest

from liaocheng_tui.search.analysis import fold


def covered(text, spans):
    return [text[s:e] for s, e in spans]


def find(archive, title):
    return next(a for a in archive.articles if a.heading == title)


def test_body_spans_cover_exactly_the_word(made):
    archive, s = made
    a = find(archive, "聊城市基层卫生协会成立")
    spans = s.highlight_spans(a, "基层卫生")
    assert covered(a.body, spans["body"]) == ["基层卫生", "基层卫生"]
    assert covered(a.title, spans["title"]) == ["基层卫生"]


def test_traditional_query_marks_simplified_text(made):
    archive, s = made
    a = find(archive, "联合发布新规")
    spans = s.highlight_spans(a, "聯合")
    assert covered(a.title, spans["title"]) == ["联合"]
    assert covered(a.body, spans["body"]) == ["联合"]


def test_simplified_query_marks_traditional_text_as_printed(made):
    archive, s = made
    a = find(archive, "聯合執法檢查")
    spans = s.highlight_spans(a, "联合执法")
    assert covered(a.title, spans["title"]) == ["聯合執法"]


def test_phrase_not_stray_halves(made):
    archive, s = made
    a = find(archive, "卫生城市复审")  # has 卫生 and 城市 but not 卫生城 in the body
    spans = s.highlight_spans(a, "卫生城市")
    assert covered(a.title, spans["title"]) == ["卫生城市"]
    assert spans["body"] == []


def test_two_words_and_single_character(made):
    archive, s = made
    a = find(archive, "高唐县技改项目复产")
    spans = s.highlight_spans(a, "技改 光氯化")
    assert covered(a.body, spans["body"]) == ["技改", "光氯化"]
    spans = s.highlight_spans(a, "产")
    assert covered(a.body, spans["body"]) == ["产", "产"]
    assert covered(a.title, spans["title"]) == ["产"]


def test_not_terms_are_not_marked(made):
    archive, s = made
    a = find(archive, "高唐县技改项目复产")
    spans = s.highlight_spans(a, "技改 -东阿")
    assert covered(a.body, spans["body"]) == ["技改"]
    spans = s.highlight_spans(a, "光氯化 NOT 技改")
    assert covered(a.body, spans["body"]) == ["光氯化"]


def test_string_across_punctuation(made):
    archive, s = made
    a = find(archive, "高唐县技改项目复产")
    spans = s.highlight_spans(a, "技改，成功")
    assert covered(a.body, spans["body"]) == ["技改，成功"]


@pytest.mark.parametrize("query,word", [("技改", "技改"), ("聯合", "联合"), ("abc公司", "ABC公司"), ("光氯化", "光氯化")])
def test_snippet_spans_cover_the_word(made, query, word):
    _, s = made
    r = s.search(query)
    assert r.hits
    for hit in r.hits:
        if hit.snippet_spans:
            assert [fold(hit.snippet[a:b]) for a, b in hit.snippet_spans][0] == fold(word)
            break
    else:
        pytest.fail("no snippet marked the word")


def test_snippets_on_the_seeds(seeds_open):
    archive, s = seeds_open
    r = s.search("新动能", limit=10)
    assert r.hits
    for hit in r.hits:
        if hit.snippet_spans:
            assert all(hit.snippet[a:b] == "新动能" for a, b in hit.snippet_spans)
    body_hits = [h for h in r.hits if "新动能" in h.article.body]
    assert body_hits and all(h.snippet_spans for h in body_hits)
