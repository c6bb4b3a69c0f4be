"""The repost pass: a page reposting an article is linked to it; only new pages are judged."""

from __future__ import annotations

from pathlib import Path

from liaocheng_tui.search.service import open_archive, open_search
from liaocheng_tui.similar.reposts import also_reported, duplicates, link_new_articles
from liaocheng_tui.similar.scoring import SAME_EVENT

FIRE_STORY = "003_1d8b0c37187465ce.txt#2"  # 聊城消防救援力量支援涿州


def _links(store) -> set[tuple[str, str, float, str]]:
    return {(a, b, s, v) for v in (SAME_EVENT, "related") for a, b, s in store.link_pairs(v) for _ in [v]}


def _repost_page(folder: Path, service) -> Path:
    """Another paper's page two days later reprinting the fire story, one sentence dropped."""
    article = next(a for a in service.store.articles([str(folder / FIRE_STORY)]).values())
    paragraphs = article.body.split("\n")
    body = "\n".join(["　　" + p for p in paragraphs[:1] + paragraphs[2:]])
    page = folder / "dzrb_2023-08-09_05.txt"
    page.write_text(f"聊城消防驰援河北涿州\n　　本报记者 于涛\n{body}\n", encoding="utf-8")
    return page


def test_a_reposted_article_is_also_reported_and_old_pages_are_not_judged_again(seed_copy, tmp_path) -> None:
    cache = tmp_path / "cache"
    service = open_search([seed_copy], cache_dir=cache)
    first = link_new_articles(service.store)
    assert first == service.article_count, "every article is new at the first pass"
    before = _links(service.store)
    page = _repost_page(seed_copy, service)
    service.close()

    service = open_search([seed_copy], cache_dir=cache)
    added = [a for p in service.store.iter_pages([str(page)]) for a in p.articles]
    judged = link_new_articles(service.store)
    assert judged == len(added), f"the pass judged {judged} articles, the new page has {len(added)}"
    after = _links(service.store)
    assert before <= after, "old links kept as they were"
    assert all(str(page) in a or str(page) in b for a, b, _s, _v in after - before), "new links touch the new page"
    source = str(seed_copy / FIRE_STORY)
    linked = also_reported(service.store, source)
    assert any(row.source == str(page) and row.verdict == SAME_EVENT for row in linked), linked
    assert any(source in group and any(str(page) in aid for aid in group) for group in duplicates(service.store))
    assert link_new_articles(service.store) == 0, "nothing new: nothing judged"
    service.close()


def test_the_shelf_lists_also_reported_after_open_archive_runs_the_pass(seed_copy, tmp_path) -> None:
    cache = tmp_path / "cache"
    service = open_search([seed_copy], cache_dir=cache)
    page = _repost_page(seed_copy, service)
    service.close()
    shelf, service = open_archive([seed_copy], cache_dir=cache, after_index=link_new_articles)
    try:
        rows = shelf.also_reported(str(seed_copy / FIRE_STORY))
        assert [row.source for row in rows if row.verdict == SAME_EVENT] == [str(page)], rows
        assert rows[0].title == "聊城消防驰援河北涿州" and rows[0].issue_date is not None, rows[0]
    finally:
        service.close()


def test_a_changed_page_loses_its_links_and_is_judged_again(seed_copy, tmp_path) -> None:
    cache = tmp_path / "cache"
    service = open_search([seed_copy], cache_dir=cache, after_index=link_new_articles)
    page = _repost_page(seed_copy, service)
    service.close()
    service = open_search([seed_copy], cache_dir=cache, after_index=link_new_articles)
    source = str(seed_copy / FIRE_STORY)
    assert any(r.source == str(page) for r in also_reported(service.store, source))
    service.close()
    page.write_text("聊城举办少儿书法展\n　　本报记者 于涛\n　　8月9日，一场少儿书法作品展在市文化馆开幕，展出作品120幅。\n",
                    encoding="utf-8")
    service = open_search([seed_copy], cache_dir=cache, after_index=link_new_articles)
    assert not any(r.source == str(page) for r in also_reported(service.store, source)), "the old link went"
    service.close()
