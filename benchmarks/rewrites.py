"""Drafts made from an article the way a reporter rewrites one (for ``bench_similar.py``).

``rewrite(text, rng, style)`` drops and reorders sentences, rephrases clauses
(phrase swaps from a small table, clauses of a sentence swapped), writes numbers and
dates another way (3月12日 → 三月十二日 or 12日, 381.55亿元 → 381亿5500万元,
1400名 → 1,400余名, 62.5% → 百分之六十二点五) and adds a paragraph of other text.
A :class:`Style` holds the rates; the benchmark tunes on some styles and seeds and
reports on others it never tuned on.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

#: phrase → what a rewrite may say instead (both ways round are used)
PHRASES = (
    ("近日", "日前"), ("获悉", "了解到"), ("开展", "组织"), ("推进", "推动"), ("实施", "落实"),
    ("今年以来", "年初以来"), ("进一步", "更加"), ("积极", "主动"), ("目前", "眼下"), ("全市", "全市范围内"),
    ("不断", "持续"), ("提升", "提高"), ("加快", "加速"), ("重点", "关键"), ("有效", "切实"),
    ("群众", "老百姓"), ("企业", "企业主体"), ("工作人员", "工作者"), ("记者", "笔者"), ("据介绍", "据了解"),
    ("表示", "说"), ("打造", "建设"), ("助力", "帮助"), ("全力", "尽全力"), ("发展", "发展壮大"),
    ("建设", "建成"), ("项目", "工程"), ("活动", "行动"), ("服务", "服务工作"), ("确保", "保证"),
)
CN_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class Style:
    """How hard a rewrite works the text."""

    drop: float = 0.3  # share of sentences dropped
    swap: float = 0.3  # chance a sentence trades places with its neighbour
    rephrase: float = 0.5  # chance each known phrase is swapped
    clause_swap: float = 0.2  # chance a sentence's two clauses trade places
    figures: float = 0.7  # chance each number or date is written another way
    added_paragraph: bool = True


TUNING_STYLES = (Style(), Style(drop=0.4, swap=0.2, rephrase=0.6, clause_swap=0.3))
HELD_OUT_STYLES = (Style(drop=0.5, swap=0.5, rephrase=0.8, clause_swap=0.4, figures=0.9),
                   Style(drop=0.2, swap=0.1, rephrase=0.3, clause_swap=0.1, figures=0.5))


def cn_integer(n: int) -> str:
    """1400 → 一千四百, 12 → 十二 (for n < 10000)."""
    if n == 0:
        return "零"
    if n >= 10000:
        return str(n)
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero:
                out += "零"
            out += ("" if (unit == "十" and digit == 1 and not out) else CN_DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


def _date(m: re.Match, rng: random.Random) -> str:
    month, day = int(m.group(1)), int(m.group(2))
    return rng.choice([f"{cn_integer(month)}月{cn_integer(day)}日", f"{day}日", f"{month}月{day}日"])


def _amount(m: re.Match, rng: random.Random) -> str:
    whole, frac, unit = m.group(1), m.group(2), m.group(3)
    if unit == "亿" and frac and len(frac) <= 4:
        rest = int(frac.ljust(4, "0"))
        return f"{whole}亿{rest}万" if rest else f"{whole}亿"
    return m.group(0)


def _count(m: re.Match, rng: random.Random) -> str:
    n, unit = int(m.group(1)), m.group(2)
    choice = rng.random()
    if n >= 1000 and choice < 0.5:
        return f"{n:,}{rng.choice(['余', '多', ''])}{unit}"
    if n < 10000 and choice < 0.8:
        return f"{cn_integer(n)}{unit}"
    return f"{n}余{unit}"


def _percent(m: re.Match, rng: random.Random) -> str:
    whole, frac = m.group(1), m.group(2)
    text = "百分之" + cn_integer(int(whole))
    if frac:
        text += "点" + "".join(CN_DIGITS[int(d)] for d in frac)
    return text


FIGURES = (
    (re.compile(r"(?<![0-9])(1[0-2]|[1-9])月([12][0-9]|3[01]|[1-9])日"), _date),
    (re.compile(r"([0-9]+)\.([0-9]+)(亿)"), _amount),
    (re.compile(r"(?<![0-9.])([0-9]{2,5})(名|人|家|个|项|户|亩|吨)"), _count),
    (re.compile(r"(?<![0-9.])([0-9]{1,2})(?:\.([0-9]))?%"), _percent),
)


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？；]+[。！？；”]*", paragraph) if s.strip()]


def rewrite(text: str, rng: random.Random, style: Style = Style(), other: str = "") -> str:
    """A draft of ``text`` rewritten in ``style``; ``other``: the paragraph of other text to add."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    out: list[str] = []
    for paragraph in paragraphs:
        kept = [s for s in sentences(paragraph) if rng.random() >= style.drop]
        for i in range(len(kept) - 1):
            if rng.random() < style.swap:
                kept[i], kept[i + 1] = kept[i + 1], kept[i]
        kept = [_rephrase(s, rng, style) for s in kept]
        if kept:
            out.append("".join(kept))
    if not out:
        out = [_rephrase(paragraphs[0], rng, style)] if paragraphs else []
    if style.added_paragraph and other:
        out.insert(rng.randrange(len(out) + 1), other)
    return "\n".join(out)


def _rephrase(sentence: str, rng: random.Random, style: Style) -> str:
    for a, b in PHRASES:
        if a in sentence and rng.random() < style.rephrase:
            sentence = sentence.replace(a, b, 1)
        elif b in sentence and rng.random() < style.rephrase / 2:
            sentence = sentence.replace(b, a, 1)
    if rng.random() < style.clause_swap:
        body, end = re.match(r"(.*?)([。！？；”]*)$", sentence, re.S).groups()
        clauses = body.split("，")
        if len(clauses) >= 3:
            i = rng.randrange(1, len(clauses) - 1)
            clauses[i], clauses[i + 1] = clauses[i + 1], clauses[i]
            sentence = "，".join(clauses) + end
    for pattern, change in FIGURES:
        sentence = pattern.sub(lambda m: change(m, rng) if rng.random() < style.figures else m.group(0), sentence)
    return sentence
