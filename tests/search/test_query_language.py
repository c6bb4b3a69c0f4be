"""Each feature of the query language on a hand-built archive with known answers."""

from __future__ import annotations

import pytest


def heads(service, q, limit=50):
    return {h.article.heading for h in service.search(q, limit=limit).hits}


def test_words_are_anded(made):
    _, s = made
    assert heads(s, "技改 高唐县") == {"高唐县技改项目复产", "标题里没有的词"}
    assert heads(s, "技改 光氯化") == {"高唐县技改项目复产"}


def test_or_not_minus_and_grouping(made):
    _, s = made
    assert heads(s, "光氯化 OR 东阿阿胶") == {"高唐县技改项目复产", "无日期稿件"}
    assert heads(s, "技改 NOT 光氯化") == {"标题里没有的词"}
    assert heads(s, "技改 -光氯化") == {"标题里没有的词"}
    assert heads(s, "(光氯化 OR 东阿阿胶) -阿胶") == {"高唐县技改项目复产"}


def test_phrase_is_exact_and_words_are_not(made):
    _, s = made
    # 基层卫生 as one string: only where the four characters stand together
    assert heads(s, "基层卫生") == {"聊城市基层卫生协会成立"}
    assert heads(s, '"基层卫生"') == {"聊城市基层卫生协会成立"}
    # two words: both articles that have both somewhere
    assert heads(s, "基层 卫生") == {"聊城市基层卫生协会成立", "卫生城市复审"}


def test_reporter_and_correspondent_fields_in_both_languages(made):
    _, s = made
    assert heads(s, "记者:林晨") == {"高唐县技改项目复产", "城市因音乐更美好"}
    assert heads(s, "reporter:林晨") == heads(s, "记者:林晨")
    assert heads(s, "记者：林晨") == heads(s, "记者:林晨")  # full-width colon as typed with a Chinese IME
    assert heads(s, "通讯员:俞建华") == {"卫生城市复审"}
    assert heads(s, "correspondent:俞建华") == {"卫生城市复审"}
    assert heads(s, "记者:俞建华") == {"聊城市基层卫生协会成立"}
    assert heads(s, "记者:林") == set()  # names are whole


def test_bare_name_matches_bylines(made):
    _, s = made
    assert heads(s, "俞建华") == {"聊城市基层卫生协会成立", "卫生城市复审"}
    assert heads(s, "白文斌") == {"城市因音乐更美好"}


def test_title_and_paper_fields(made):
    _, s = made
    assert heads(s, "标题:技改") == {"高唐县技改项目复产"}
    assert heads(s, "title:技改") == {"高唐县技改项目复产"}
    assert heads(s, "报纸:大众日报") == {"联合发布新规", "标题里没有的词"}
    assert heads(s, "paper:聊城日报 联合") == {"聯合執法檢查"}


@pytest.mark.parametrize(
    "query,expected",
    [
        ("日期:2024", {"聊城市基层卫生协会成立", "高唐县技改项目复产", "城市因音乐更美好", "聯合執法檢查",
                       "卫生城市复审", "图为工人们正在调试设备。", "联合发布新规", "标题里没有的词"}),
        ("日期:2024-07", {"联合发布新规", "标题里没有的词"}),
        ("date:2024-06-28", {"聯合執法檢查", "卫生城市复审", "图为工人们正在调试设备。"}),
        ("日期:2024-06-21..2024-07-01", {"聯合執法檢查", "卫生城市复审", "图为工人们正在调试设备。"}),
        ("日期:[2024-06-21 to 2024-07-01]", {"聯合執法檢查", "卫生城市复审", "图为工人们正在调试设备。"}),
        ("date:[2024-06-28 TO 2024-07-02] 联合", {"聯合執法檢查", "联合发布新规"}),
        ("日期:2024-07..", {"联合发布新规", "标题里没有的词"}),
        ("日期:..2024-06-20 技改", {"高唐县技改项目复产"}),
    ],
)
def test_dates_and_ranges(made, query, expected):
    _, s = made
    assert heads(s, query) == expected


def test_kind_field(made):
    _, s = made
    assert heads(s, "类型:图片") == {"图为工人们正在调试设备。"}
    assert heads(s, "kind:photo") == {"图为工人们正在调试设备。"}


def test_traditional_query_finds_simplified_and_back(made):
    _, s = made
    assert heads(s, "聯合") == {"聯合執法檢查", "联合发布新规"}
    assert heads(s, "联合") == heads(s, "聯合")
    assert heads(s, "市场监管") == {"聯合執法檢查"}


def test_latin_and_digits_fold_case_and_width(made):
    _, s = made
    assert heads(s, "abc公司") == {"联合发布新规"}
    assert heads(s, "ＸＹＺ") == {"联合发布新规"}
    assert heads(s, "0815") == {"联合发布新规"}
    assert heads(s, "2024-0815") == {"联合发布新规"}


def test_single_character_query(made):
    _, s = made
    assert heads(s, "阿") == {"无日期稿件"}
    assert heads(s, "胶") == {"无日期稿件"}  # the very last character of the text
    assert "聯合執法檢查" in heads(s, "检")


def test_markup_and_escape_codes_are_searched_as_text(made):
    _, s = made
    assert heads(s, "[b]红色[/b]") == {"城市因音乐更美好"}
    hit = s.search("[b]红色[/b]").hits[0]
    assert "[b]红色[/b]" in hit.snippet
    assert heads(s, "\x1b[31m红色") == set()  # "31m红色" is not in any article: searched, not obeyed
    assert heads(s, "\x1b红色") == {"城市因音乐更美好"}


def test_kicker_and_subtitle_are_searched(made):
    _, s = made
    assert heads(s, "律动水城") == {"城市因音乐更美好"}
    assert heads(s, "颁奖典礼") == {"城市因音乐更美好"}


def test_title_hits_rank_above_body_hits(made):
    _, s = made
    order = [h.article.heading for h in s.search("技改").hits]
    assert order[0] == "高唐县技改项目复产"
    order = [h.article.heading for h in s.search("联合").hits]
    assert order[0] in {"聯合執法檢查", "联合发布新规"}


def test_per_month_and_total(made):
    _, s = made
    r = s.search("联合", limit=1)
    assert r.total == 2 and len(r.hits) == 1
    assert r.per_month == {"2024-06": 1, "2024-07": 1}
    r = s.search("东阿阿胶")
    assert r.total == 1 and r.per_month == {}  # undated page: counted, not in a month


def test_months_false_leaves_the_histogram_out_and_nothing_else(made):
    """The CLI's ``search(months=False)``: the same total, hits, scores and order; no per_month."""
    _, s = made
    for q, order in (("联合", "auto"), ("技改", "newest"), ("记者:林晨", "oldest")):
        full, lean = s.search(q, limit=1, order=order), s.search(q, limit=1, order=order, months=False)
        assert lean.per_month == {} and full.per_month, q
        assert (lean.total, lean.order) == (full.total, full.order), q
        assert [(h.article.id, h.score, h.snippet) for h in lean.hits] == [
            (h.article.id, h.score, h.snippet) for h in full.hits], q


def test_more_like_excludes_itself(made):
    archive, s = made
    target = next(a for a in archive.articles if a.title == "聊城市基层卫生协会成立")
    related = s.more_like(target, limit=3)
    assert target not in [h.article for h in related]
    assert related and related[0].article.title == "卫生城市复审"
