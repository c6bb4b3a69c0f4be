"""The browse screen's lists of many issues: one person's articles, and 历史上的今天.

A mixin of :class:`BrowseScreen` (its panes and state): each list replaces the
middle pane until Esc (or the back stack) returns where the user was.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from liaocheng_tui.ui.people_index import Person
from liaocheng_tui.ui.screens.browse_moves import ON_THIS_DAY, PERSON

if TYPE_CHECKING:
    from liaocheng_tui.ui.screens.browse import BrowseScreen

    _Base = BrowseScreen
else:
    _Base = object


class BrowseLists(_Base):
    # --- a person's articles (from the reporters screen) -------------------------------------
    def show_person(self, person: Person, index: int = 0, *, remember: bool = True) -> None:
        if remember:
            self.jumped()
            self._save_place()
        self.mode, self.person = PERSON, person
        self.search.query, self.search.results = "", None
        self.search_bar.set_value("")
        articles = list(reversed(self.catalog.shelf.credited(person))) if self.catalog else []  # newest first
        self.list_order = "newest"
        per_month: dict[str, int] = {}
        for a in articles:
            if a.page is not None and a.page.issue_date is not None:
                key = a.page.issue_date.strftime("%Y-%m")
                per_month[key] = per_month.get(key, 0) + 1
        label = f"{person.name} · {person.role_label} · {person.article_count} article(s)"
        self._show_summary(label, per_month)
        self._set_list_title("")
        self.search_bar.set_status(f"{person.name}'s articles, newest first · s flips · Esc back to browsing", "info")
        self.article_list.show_dated(articles, index)
        self.article_list.focus()

    # --- 历史上的今天: this month and day in every year ------------------------------------------
    def show_on_this_day(self, date: dt.date, index: int = 0, *, remember: bool = True) -> None:
        if self.catalog is None:
            return
        issues = self.catalog.on_this_day(date)
        if remember:
            self.jumped()
            self._save_place()
        self.mode, self.person, self.day = ON_THIS_DAY, None, date
        self.list_order = "newest"
        self.search.query, self.search.results = "", None
        self.search_bar.set_value("")
        articles = [a for issue in issues for a in issue.articles]
        per_month: dict[str, int] = {}
        for issue in issues:
            if issue.date is not None:
                key = issue.date.strftime("%Y-%m")
                per_month[key] = per_month.get(key, 0) + issue.article_count
        years = {i.date.year for i in issues if i.date}
        label = (f"历史上的今天 {date:%m-%d} · {len(issues)} issue(s) in {len(years)} year(s)"
                 f" · {len(articles)} article(s)")
        self._show_summary(label, per_month)
        self._set_list_title("")
        self.search_bar.set_status(f"this day ({date:%m-%d}) in every year, newest first · s flips · Esc back to browsing", "info")
        self.article_list.show_dated(articles, index)
        self.article_list.focus()
