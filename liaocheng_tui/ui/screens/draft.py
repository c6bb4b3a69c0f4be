"""已写过吗?  ``d``: paste a draft, see what the archive already has on the same event.

:class:`DraftScreen` takes the text (a ``TextArea``: type or paste, bracketed
paste included), finds the archive's articles on the same event in a worker
(``similar.matching.find_similar``) and lists them with verdict, score, date,
paper, 版, title and names.  Enter opens :class:`CompareScreen`: the draft and the
article side by side, the passages and names they share marked in both.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from liaocheng_tui.archive.model import Article
from liaocheng_tui.ui.article_text import HIT, article_body, names_line, where_label
from liaocheng_tui.ui.cjk_wrap import CJKText
from liaocheng_tui.ui.safe_text import clean, safe_text

#: Matches listed for a draft.
MATCHES_SHOWN = 20
VERDICT_LABEL = {"same event": "● same event", "related": "○ related", None: "  —"}
VERDICT_STYLE = {"same event": "bold green", "related": "yellow", None: "dim"}


def _spans(match) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(draft spans, article spans) of everything a match shares: passages, then named things."""
    evidence = match.evidence
    draft = [p.draft for p in evidence.passages]
    article = [p.article for p in evidence.passages]
    for group in (evidence.people, evidence.places, evidence.orgs, evidence.dates, evidence.numbers):
        for shared in group:
            draft += list(shared.draft_spans)
            article += list(shared.article_spans)
    return draft, article


def _summary(match) -> str:
    evidence = match.evidence
    parts = []
    for label, group in (("people", evidence.people), ("places", evidence.places), ("dates", evidence.dates),
                         ("figures", evidence.numbers), ("organisations", evidence.orgs)):
        if group:
            parts.append(f"{label}: " + "、".join(clean(s.key) for s in group[:6]))
    if evidence.passages:
        parts.append(f"{len(evidence.passages)} passage(s) word for word")
    return " · ".join(parts) or "no named thing in common"


def match_entry(match) -> CJKText:
    """A result line: verdict and score, where and when, title; names below."""
    head = Text(f"{VERDICT_LABEL.get(match.verdict, '  —')} {match.score:.2f}  ", style=VERDICT_STYLE.get(match.verdict, ""),
                end="")
    head.append(where_label(match.article), style="dim")
    title = safe_text(match.article.heading, style="bold")
    lines = [head, title]
    names = names_line(match.article)
    if names.plain:
        lines.append(names)
    return CJKText(Text("\n", end="").join(lines), nowrap={0, len(lines) - 1} if names.plain else {0})


class DraftScreen(Screen[Article | None]):
    """Dismisses with an article to read (from the compare view), or None on Esc."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="draft.close"),
        Binding("ctrl+r", "find", "Find same event", priority=True, id="draft.find",
                tooltip="Find the archive's articles on the draft's event"),
        Binding("f2", "focus_draft", "Edit draft", id="draft.edit", tooltip="Back to the draft's text"),
    ]

    def __init__(self, text: str = "", *, run: bool = False) -> None:
        super().__init__()
        self.initial, self.run_at_once = text, run
        self.matches: list = []

    def compose(self) -> ComposeResult:
        with Vertical(id="draft-box"):
            yield Static(Text("已写过吗? Paste or type a draft — Ctrl+R finds what the archive has on the same "
                              "event · Tab to the results · Esc back", style="bold"), id="draft-title")
            yield TextArea(self.initial, id="draft-text", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="draft-status", markup=False)
            yield OptionList(id="draft-results", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()
        if self.run_at_once and self.initial.strip():
            self.action_find()
        else:
            self._status("Paste a draft, notes or another paper's article, then Ctrl+R.", "dim")

    def _status(self, text: str, style: str = "") -> None:
        self.query_one("#draft-status", Static).update(Text(clean(text), style=style))

    def action_focus_draft(self) -> None:
        self.query_one(TextArea).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_find(self) -> None:
        text = self.query_one(TextArea).text
        if not text.strip():
            self._status("The draft is empty: paste or type its text first.", "yellow")
            return
        service = getattr(self.app, "service", None)
        if service is None:
            self._status("The search index is still being built — Ctrl+R again in a moment.", "yellow")
            return
        self._status(f"looking through the archive for {len(text)} characters of draft…", "italic")
        self._find(text, service)

    @work(thread=True, exclusive=True, group="similar", exit_on_error=False)
    def _find(self, text: str, service) -> None:
        from liaocheng_tui.similar.matching import find_similar  # jieba loads with it (~1 s, once)

        matches = find_similar(text, service, limit=MATCHES_SHOWN)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, matches)

    def _show(self, matches: list) -> None:
        self.matches = matches
        results = self.query_one(OptionList)
        results.clear_options()
        same = sum(1 for m in matches if m.verdict == "same event")
        related = sum(1 for m in matches if m.verdict == "related")
        if not matches:
            self._status("Nothing in the archive shares this draft's names, places, dates or wording.", "green")
            return
        verdict = (f"{same} article(s) report the same event" if same else "no article reports the same event")
        self._status(f"{verdict}; {related} related · most likely first · Enter compares", "bold")
        for i, match in enumerate(matches):
            if i:
                results.add_option(None)
            results.add_option(Option(match_entry(match), id=str(i)))
        results.highlighted = 0

    @on(OptionList.OptionSelected, "#draft-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        match = self.matches[event.option_index]
        text = self.query_one(TextArea).text

        def read(article: Article | None) -> None:
            if article is not None:
                self.dismiss(article)

        self.app.push_screen(CompareScreen(text, match), read)


class CompareScreen(Screen[Article | None]):
    """The draft beside the article, what they share marked in both; Enter reads the article."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="compare.close"),
        Binding("enter", "read", "Read it", id="compare.read", tooltip="Open the article in the reader"),
    ]

    def __init__(self, draft: str, match) -> None:
        super().__init__()
        self.draft, self.match = draft, match

    def compose(self) -> ComposeResult:
        from liaocheng_tui.similar.scoring import field_spans

        match = self.match
        draft_spans, article_spans = _spans(match)
        verdict = VERDICT_LABEL.get(match.verdict, "—").strip()
        yield Static(Text(f"{verdict} · score {match.score:.2f} · {_summary(match)}", style="bold"),
                     id="compare-title")
        with Horizontal(id="compare-panes"):
            with VerticalScroll(id="compare-draft"):
                yield Static(Text("Your draft", style="bold underline"))
                yield Static(CJKText(safe_text(self.draft, draft_spans, highlight=HIT)))
            with VerticalScroll(id="compare-article"):
                yield Static(Text("In the archive", style="bold underline"))
                body = article_body(match.article, field_spans(match.article, article_spans))
                yield Static(CJKText(body))
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_read(self) -> None:
        self.dismiss(self.match.article)
