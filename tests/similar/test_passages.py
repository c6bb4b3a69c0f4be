"""Shared passages: the text at a passage's offsets is the same in both texts, and a shared run is found whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from liaocheng_tui.similar.passages import PASSAGE_MIN_CHARS, SeedIndex

LETTERS = st.text(alphabet="聊城市东昌府区临清阳谷莘县冠高唐茌平记者发展项目企业，。、", min_size=0, max_size=120)


@given(LETTERS, LETTERS, LETTERS, LETTERS, st.text(alphabet="水城运河光岳楼古楼街道一二三四", min_size=PASSAGE_MIN_CHARS,
                                                   max_size=60))
def test_a_passage_is_identical_at_its_offsets_in_both_texts(a1, a2, b1, b2, shared) -> None:
    draft, article = a1 + shared + a2, b1 + shared + b2
    passages = SeedIndex(draft).shared(article)
    for p in passages:
        assert draft[p.draft[0]:p.draft[1]] == article[p.article[0]:p.article[1]] == p.text, p
        assert len(p.text) >= PASSAGE_MIN_CHARS, p
    start = len(a1)
    assert any(p.draft[0] <= start and p.draft[1] >= start + len(shared) for p in passages), (shared, passages)


def test_no_passage_between_texts_sharing_only_short_phrases() -> None:
    assert SeedIndex("聊城市高质量发展取得新成效，全市上下").shared("全市上下推动高质量发展再上台阶") == []
