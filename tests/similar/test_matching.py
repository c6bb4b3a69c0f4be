"""find_similar on the seeds: rewrites in our own words find their source as "same event"; other events do not."""

from __future__ import annotations

import pytest

from tests.similar.drafts import REWRITES, UNRELATED
from liaocheng_tui.similar.matching import find_similar
from liaocheng_tui.similar.scoring import SAME_EVENT, article_text, field_spans


def _source(aid_tail: str, match) -> bool:
    return match.article.id.endswith("/" + aid_tail)


@pytest.mark.parametrize("source, draft", REWRITES, ids=[r[0] for r in REWRITES])
def test_a_rewrite_finds_its_source_first_as_same_event(seeds_service, source, draft) -> None:
    matches = find_similar(draft, seeds_service, limit=5)
    assert matches, f"{source}: no match"
    top = matches[0]
    assert _source(source, top), f"{source}: top is {top.article.id} {top.article.title} ({top.score})"
    assert top.verdict == SAME_EVENT, f"{source}: verdict {top.verdict} at {top.score}"
    assert all(m.verdict != SAME_EVENT for m in matches[1:]), f"{source}: a second same event"


@pytest.mark.parametrize("draft", UNRELATED, ids=[d[:8] for d in UNRELATED])
def test_an_unrelated_story_gets_no_same_event(seeds_service, draft) -> None:
    matches = find_similar(draft, seeds_service, limit=5)
    assert all(m.verdict != SAME_EVENT for m in matches), \
        f"{draft[:12]}: {[(m.article.title, m.score) for m in matches[:2]]}"


def test_the_evidence_names_what_the_rewrite_kept(seeds_service) -> None:
    source, draft = REWRITES[0]
    top = find_similar(draft, seeds_service, limit=1)[0]
    keys = {kind: {s.key for s in getattr(top.evidence, kind)} for kind in ("numbers", "dates", "places")}
    assert "38155000000元" in keys["numbers"], keys  # written 381亿5500万元 in the draft, 381.55亿元 in the article
    assert "5866000000元" in keys["numbers"], keys
    assert any(k.endswith("3月12日") for k in keys["dates"]), keys  # 三月十二日 in the draft


def test_every_evidence_offset_points_at_what_it_names(seeds_service) -> None:
    for source, draft in REWRITES:
        for match in find_similar(draft, seeds_service, limit=3):
            text = article_text(match.article)
            ev = match.evidence
            for p in ev.passages:
                assert draft[p.draft[0]:p.draft[1]] == text[p.article[0]:p.article[1]] == p.text, (source, p)
            for shared in (*ev.people, *ev.places, *ev.orgs, *ev.dates, *ev.numbers, *ev.words):
                for s, e in shared.draft_spans:
                    assert draft[s:e] == shared.draft_text or shared.kind in ("date", "number"), (source, shared)
                for s, e in shared.article_spans:
                    assert e <= len(text) and s < e, (source, shared)
                    if shared.kind in ("person", "place", "org", "word"):
                        assert text[s:e] == shared.article_text, (source, shared)


def test_field_spans_split_article_offsets_by_field(seeds_service) -> None:
    source, draft = REWRITES[0]
    top = find_similar(draft, seeds_service, limit=1)[0]
    article = top.article
    spans = [p.article for p in top.evidence.passages]
    by_field = field_spans(article, spans)
    body = article.body
    for s, e in by_field.get("body", []):
        assert body[s:e] in article_text(article), source
    assert sum(e - s for s, e in spans) == sum(e - s for f in by_field.values() for s, e in f), by_field


def test_empty_text_has_no_matches(seeds_service) -> None:
    assert find_similar("   \n", seeds_service) == []
