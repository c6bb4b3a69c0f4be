"""A synthetic archive made from the seed pages: dates shifted, body paragraphs shuffled.

Each synthetic page is one seed page with its headline and byline blocks kept
in place and its long body blocks replaced by body blocks drawn (seeded
random) from all seeds, so the parser finds about as many articles per page
as in the seed while the text differs page to page.  Files are named with
their date (``lcrb_2001-03-04_00042.txt``) so dating reads it from the name.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

BODY_MIN = 60  # blocks at least this long (and with no byline) count as body text


def _blocks(text: str) -> list[str]:
    return [b for b in re.split(r"\n\s*\n", text) if b.strip()]


def _is_body(block: str) -> bool:
    flat = block.replace("\n", "")
    return len(flat) >= BODY_MIN and "本报" not in flat[:12] and "记者" not in flat[:20] and "通讯员" not in flat[:30]


def seed_texts(seeds: Path) -> list[str]:
    return [p.read_text(encoding="utf-8-sig") for p in sorted(seeds.glob("*.txt"))]


def make_archive(folder: Path, n_pages: int, seeds: Path, seed: int = 20240621) -> list[Path]:
    """Write ``n_pages`` synthetic page files into ``folder``; returns their paths."""
    rng = random.Random(seed)
    texts = seed_texts(seeds)
    pool = [b for t in texts for b in _blocks(t) if _is_body(b)]
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2001, 1, 1)
    paths = []
    for i in range(n_pages):
        blocks = _blocks(texts[i % len(texts)])
        out = [rng.choice(pool) if _is_body(b) else b for b in blocks]
        date = start + dt.timedelta(days=i // 2)
        path = folder / f"lcrb_{date.isoformat()}_{i:05d}.txt"
        path.write_text("\n\n".join(out) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def pages_for_articles(n_articles: int, seeds: Path) -> int:
    """How many synthetic pages give about ``n_articles`` articles (from the seeds' own ratio)."""
    from liaocheng_tui.archive.loader import load_archive

    archive = load_archive([seeds])
    per_page = max(1.0, len(archive.articles) / max(1, len(archive.pages)))
    return max(1, round(n_articles / per_page))
