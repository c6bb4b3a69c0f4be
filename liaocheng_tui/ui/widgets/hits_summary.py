"""Above the results: the hit count and a sparkline of hits per month over the archive's span."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from liaocheng_tui.ui.safe_text import clean


class HitsSummary(Vertical):
    """``37 hits for 「林晨」`` over a sparkline, first and last month under its ends."""

    def compose(self) -> ComposeResult:
        yield Static("", id="hits-count", markup=False)
        yield Sparkline([], id="hits-spark")
        yield Static("", id="hits-span", markup=False)

    def show(self, label: str, months: list[str], per_month: dict[str, int]) -> None:
        self.label = clean(label)
        self.query_one("#hits-count", Static).update(Text(self.label, style="bold"))
        data = [float(per_month.get(m, 0)) for m in months]
        spark = self.query_one("#hits-spark", Sparkline)
        spark.data = data if any(data) else []
        span = self.query_one("#hits-span", Static)
        span.update(Text(f"{months[0]} … {months[-1]}" if months and any(data) else "", style="dim"))
        # classes, not .display: the narrow layout hides the span line in the stylesheet
        spark.set_class(not any(data), "-empty")
        span.set_class(not (months and any(data)), "-empty")

    label: str = ""
