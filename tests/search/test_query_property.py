"""Property: every string a user can type gets results or one QueryError line — in the service and the CLI.

Queries are generated from the language's own grammar (words, fields, dates,
phrases, groups, every operator, wildcards, boosts), then broken the ways
people break them (doubled and dangling operators, stray brackets and quotes,
deep nesting, very long input) and mixed with arbitrary text.
"""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaocheng_tui.search.errors import QueryError
from liaocheng_tui.search.query import ALIASES

WORDS = ["技改", "高质量发展", "聊城", "基层卫生", "林晨", "东阿阿胶", "聯合", "ABC", "2024", "光氯化", "新泉林", "高唐县",
         "技", "x", "GDP", "研究院", "…", "，", "[b]", "\x1b[2J"]
NAMES = ["林晨", "俞建华", "王芳", "林*", "林?", "林辰~", "*", "张 凯"]
DATES = ["2024", "2024-06", "2024-06-20", "2024年6月", "2024-06-01..2024-06-30", "2024-06..", "..2024-06-30",
         "[2024-06-01 to 2024-06-30]", "{2024 to 2025}", "2024-13-45", "2024-02-30", "20240620", "abc", "2024*"]
KINDS = ["photo", "图片", "article", "lead-in", "视频", "图*"]
OPERATORS = ["AND", "OR", "NOT", "ANDNOT", "-", "AND AND", "NOT NOT", "OR AND", "NOT OR", "NOT -"]
PUNCT = ["(", ")", '"', "[", "]", "{", "}", ":", "：", "^", "~", "*", "?", "^2", "~2", "\\", "/", "'"]


def _word() -> st.SearchStrategy[str]:
    plain = st.sampled_from(WORDS)
    cjk = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=6)
    decorated = st.tuples(plain, st.sampled_from(["", "*", "?", "^2", "^0.5", "~", "~1", "^", "*城"])).map("".join)
    return st.one_of(plain, cjk, decorated, st.text(min_size=1, max_size=8))


def _field() -> st.SearchStrategy[str]:
    name = st.sampled_from(sorted(ALIASES))
    colon = st.sampled_from([":", "："])
    value = st.one_of(st.sampled_from(NAMES), st.sampled_from(DATES), st.sampled_from(KINDS), _word(), st.just(""))
    return st.tuples(name, colon, value).map("".join)


def _phrase() -> st.SearchStrategy[str]:
    return st.lists(_word(), min_size=0, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"') | st.tuples(
        st.lists(_word(), min_size=1, max_size=2).map(lambda ws: '"' + " ".join(ws) + '"'), st.sampled_from(["~2", "^3"])
    ).map("".join)


atom = st.one_of(_word(), _field(), _phrase())
expressions = st.recursive(
    atom,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4).map(" ".join),
        st.tuples(inner, st.sampled_from(OPERATORS), inner).map(" ".join),
        st.tuples(st.sampled_from(["NOT ", "-", "NOT NOT ", "--"]), inner).map("".join),
        inner.map(lambda q: f"({q})"),
        st.tuples(st.sampled_from(sorted(ALIASES)), inner).map(lambda t: f"{t[0]}:({t[1]})"),
        inner.map(lambda q: f"({q})^2"),
    ),
    max_leaves=12,
)
broken = st.one_of(
    expressions,
    st.tuples(expressions, st.sampled_from(PUNCT + OPERATORS), expressions).map(" ".join),
    st.tuples(st.sampled_from(PUNCT + OPERATORS), expressions).map("".join),
    st.tuples(expressions, st.sampled_from(PUNCT + OPERATORS)).map("".join),
    st.integers(1, 1200).map(lambda n: "(" * n + "技改" + ")" * n),
    st.integers(1, 1200).map(lambda n: "(" * n + "技改"),
    st.integers(100, 10_000).map(lambda n: ("技改 高唐 " * n)[:n]),
    st.integers(100, 10_000).map(lambda n: ("聊城日报（记者 林晨）" * n)[:n]),
    st.text(max_size=60),
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _answers_or_says_why(service, q: str) -> None:
    try:
        results = service.search(q, limit=10)
    except QueryError as exc:
        message = str(exc)
        assert message and "\n" not in message, repr(q)
        return
    assert results.total >= len(results.hits), repr(q)
    for hit in results.hits:
        for s, e in hit.snippet_spans:
            assert 0 <= s < e <= len(hit.snippet), repr(q)
    spans = service.highlight_spans(results.hits[0].article, q) if results.hits else {}
    for attr, found in spans.items():
        text = getattr(results.hits[0].article, attr) or ""
        assert all(0 <= s < e <= len(text) for s, e in found), (q, attr)


@SETTINGS
@given(broken)
def test_every_query_answers_or_says_why(made, q):
    _, service = made
    _answers_or_says_why(service, q)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(broken, min_size=2, max_size=6))
def test_batch_answers_every_line(seeds_open, cache_root, tmp_path_factory, queries):
    """``--queries-from``: a bad line never stops the rest; each line gets hits or one error record."""
    from liaocheng_tui.cli import main

    queries = [q.replace("\n", " ").replace("\r", " ").replace("\x0b", " ").replace("\x0c", " ")
               .replace("\x1c", " ").replace("\x1d", " ").replace("\x1e", " ").replace("\x85", " ")
               .replace("\u2028", " ").replace("\u2029", " ").strip() for q in queries]
    queries = [q for q in queries if q]
    if not queries:
        return
    batch = tmp_path_factory.mktemp("batch") / "queries.txt"
    batch.write_text("\n".join(queries) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["search", "--queries-from", str(batch), "--format", "jsonl", "--limit", "1",
               "--cache-dir", str(cache_root / "seeds")],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 2), result.output
    _, service = seeds_open
    expected = []
    for q in queries:  # what each line answers on its own, in order
        try:
            expected += [{"query": q, "id": h.article.id} for h in service.search(q, limit=1).hits]
        except QueryError:
            expected.append({"query": q, "error": True})
    got = []
    for line in result.stdout.splitlines():
        record = json.loads(line)
        got.append({"query": record["query"], "error": True} if "error" in record else {"query": record["query"], "id": record["id"]})
    assert got == expected, queries
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == sum(1 for e in expected if "error" in e)
    assert (result.exit_code == 2) == bool(errors)
