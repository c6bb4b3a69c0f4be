"""The reader app and :func:`create_app`, the one factory used by the CLI and the tests.

The app owns what every screen shares — the catalog, the search service,
the people index, recent searches, the config and what the user keeps
(bookmarks, history, the last position, the theme) — and loads the archive in
a thread worker; it hands results down to the browse screen, which does the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.worker import Worker, WorkerState, get_current_worker

from liaocheng_tui.archive.model import Article
from liaocheng_tui.search.errors import QueryError
from liaocheng_tui.search.shelf import Shelf
from liaocheng_tui.ui.catalog import Catalog, Issue
from liaocheng_tui.ui.commands import PROVIDERS
from liaocheng_tui.ui.loading import LinksPass, LoadOptions, Opener, load_in_background
from liaocheng_tui.ui.people_index import Person
from liaocheng_tui.ui.screens.browse import BrowseScreen
from liaocheng_tui.userdata.config import Config
from liaocheng_tui.userdata.exports import write_export
from liaocheng_tui.userdata.keeper import THEME_STATE, Keeper
from liaocheng_tui.userdata.locations import data_dir as default_data_dir
from liaocheng_tui.userdata.store import KeptEntry, UserDataProblem, UserStore

MAX_RECENT = 20


class ReaderApp(App[None]):
    CSS_PATH = ["reader.tcss"]
    TITLE = "lc-reader"
    COMMANDS = App.COMMANDS | set(PROVIDERS)
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit lc-reader"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="This list of keys"),
        Binding("r", "reporters", "Reporters", id="app.reporters",
                tooltip="Every reporter and correspondent; Enter lists their articles"),
    ]

    @dataclass
    class Progress(Message):
        stage: str
        done: int
        total: int

    @dataclass
    class ArchiveLoaded(Message):
        catalog: Catalog

    @dataclass
    class SearchReady(Message):
        service: Any

    @dataclass
    class SearchUnavailable(Message):
        reason: str

    @dataclass
    class LinksReady(Message):
        """The repost pass (run after search is ready) is over: "also reported" lists are complete."""

        judged: int
        problem: str | None = None

    def __init__(self, options: LoadOptions, opener: Opener | None = None, *,
                 config: Config | None = None, data_dir: Path | None = None,
                 links_pass: LinksPass | None = None) -> None:
        super().__init__()
        self.options = options
        self.opener = opener
        self.links_pass = links_pass
        self.links_known = False  # the repost pass is over (its links are in the store)
        self.config = config or Config()
        self.data_dir = default_data_dir(data_dir)
        self.user: UserStore | None = None
        self.user_problem = ""
        try:
            self.user = UserStore(self.data_dir)
            self.user_problem = self.user.notice
        except UserDataProblem as exc:
            self.user_problem = str(exc)
        self.keeper: Keeper | None = None
        self.draft = ""  # ``lc-reader --draft FILE``: matched as soon as search is ready
        self.catalog: Catalog | None = None
        self.service: Any = None
        self.recent_searches: list[str] = []
        self._people: list[Person] | None = None
        self.browse = BrowseScreen()

    def get_default_screen(self) -> BrowseScreen:
        return self.browse

    def on_mount(self) -> None:
        """The config's theme and keys; one line for each setting that cannot be used."""
        problems = list(self.config.problems)
        self._apply_theme(problems)
        if self.config.keys:
            known = known_binding_ids()
            keymap = {}
            for binding_id, keys in self.config.keys.items():
                if binding_id in known:
                    keymap[binding_id] = keys
                else:
                    self.config.problem(f"keys.{binding_id}", "no such binding id (see ? or the README's keys table)")
                    problems.append(self.config.problems[-1])
            self.set_keymap(keymap)
        if self.user_problem:
            problems.append(self.user_problem)
        for line in problems:
            self.notify(line, title="Settings", severity="warning", timeout=12)
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _apply_theme(self, problems: list[str]) -> None:
        """The theme last chosen in the reader, unless the config names another since; else the config's."""
        remembered = self.user.get_state(THEME_STATE) if self.user is not None else None
        theme = self.config.theme
        if isinstance(remembered, dict) and remembered.get("config") == self.config.theme:
            theme = remembered.get("theme") or theme
        if theme is None:
            return
        if theme in self.available_themes:
            self.theme = theme
        elif theme == self.config.theme:
            self.config.problem("theme", f"no theme {theme!r} (one of: {', '.join(sorted(self.available_themes))})")
            problems.append(self.config.problems[-1])

    def _theme_changed(self, theme) -> None:
        if self.user is None:
            return
        try:
            self.user.set_state(THEME_STATE, {"theme": theme.name, "config": self.config.theme})
        except UserDataProblem as exc:
            self.user_problem = str(exc)

    @on(BrowseScreen.Shown)
    def _browse_shown(self) -> None:
        """The first frame is on screen: now read the archive (in a worker)."""
        self.load()

    # --- loading ------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self) -> None:
        worker = get_current_worker()

        def on_archive(shelf: Shelf) -> None:
            self.post_message(self.ArchiveLoaded(Catalog.from_shelf(shelf)))

        load_in_background(
            self.options,
            self.opener,
            on_progress=lambda stage, done, total: self.post_message(self.Progress(stage, done, total)),
            on_archive=on_archive,
            on_search=lambda service: self.post_message(self.SearchReady(service)),
            on_search_unavailable=lambda reason: self.post_message(self.SearchUnavailable(reason)),
            cancelled=lambda: worker.is_cancelled,
            links_pass=self.links_pass,
            on_links=lambda judged, problem: self.post_message(self.LinksReady(judged, problem)),
        )

    @on(Progress)
    def _progress(self, event: Progress) -> None:
        self.browse.show_progress(event.stage, event.done, event.total)

    @on(ArchiveLoaded)
    def _archive_loaded(self, event: ArchiveLoaded) -> None:
        first = self.catalog is None
        self.catalog, self._people = event.catalog, None
        if self.user is not None:
            self.keeper = Keeper(self.user, event.catalog.shelf, [str(r) for r in self.options.roots])
        if not first:  # the walk of the folders found changes after the store was shown
            self.browse.refresh_catalog(event.catalog)
            return
        self.browse.show_catalog(event.catalog)
        problems = sum(i.row.warned_pages for i in event.catalog.issues) + len(event.catalog.warnings)
        if problems:
            self.notify(f"{problems} page(s) or file(s) have warnings — press w to list them.",
                        title="Archive", severity="warning", timeout=6)

    @on(SearchReady)
    def _search_ready(self, event: SearchReady) -> None:
        self.service = event.service
        self.browse.search_ready(event.service)
        if self.draft:
            draft, self.draft = self.draft, ""
            self._to_browse().action_draft(draft, run=True)

    @on(SearchUnavailable)
    def _search_unavailable(self, event: SearchUnavailable) -> None:
        self.browse.search_unavailable(event.reason)

    @on(LinksReady)
    def _links_ready(self, event: LinksReady) -> None:
        self.links_known = True
        if event.problem:
            self.notify(event.problem, title="Also reported", severity="warning", timeout=8)
        elif event.judged:
            self.browse.links_ready()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed is reported, never silently dropped."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        message = f"{type(error).__name__}: {error}"
        if event.worker.group == "load":
            if self.catalog is None:
                self.browse.query_one("#header").update(f"lc-reader · could not open the archive — {message}")
            self.browse.search_unavailable(f"search unavailable: {message}")
        elif event.worker.group == "search":
            self.browse.search_bar.set_status(f"✗ search failed: {message}", "error")
        self.notify(message, title=f"{event.worker.group} failed", severity="error", timeout=10)

    async def action_quit(self) -> None:
        """Quit (q, Ctrl+Q), keeping where the user was: the article and its scroll."""
        if self.browse.is_mounted:
            self.browse.save_position()
        await super().action_quit()

    def on_unmount(self) -> None:
        if self.service is not None:
            self.service.close()
        if self.user is not None:
            self.user.close()

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Every notification as plain text: ours quote titles, names and file names, which must never
        be read as markup (a title ``[b]…[/b]`` or a stray ``[/x]`` would be obeyed, or fail to parse)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # --- shared state ---------------------------------------------------------------------
    @property
    def people(self) -> list[Person]:
        if self._people is None:
            self._people = self.catalog.shelf.people() if self.catalog else []
        return self._people

    def remember_search(self, query: str) -> None:
        if query in self.recent_searches:
            self.recent_searches.remove(query)
        self.recent_searches.insert(0, query)
        del self.recent_searches[MAX_RECENT:]

    # --- going places (palette commands, reporters screen) --------------------------------
    def _to_browse(self) -> BrowseScreen:
        while self.screen is not self.browse and len(self.screen_stack) > 1:
            self.pop_screen()
        return self.browse

    def go_to_issue(self, issue: Issue) -> None:
        self._to_browse().open_issue(issue, jump=True)

    def go_to_article(self, article: Article) -> None:
        self._to_browse().open_article(article)

    def go_to_article_id(self, aid: str) -> None:
        """Open the article with this id (read from the shelf: the palette lists titles only)."""
        article = self.catalog.shelf.article(aid) if self.catalog else None
        if article is None:
            self.notify("That article is no longer in the archive.", severity="warning")
            return
        self.go_to_article(article)

    def go_to_kept(self, entry: KeptEntry) -> None:
        """Open a bookmarked (or read) article, found again in the archive."""
        article = self.keeper.find(entry) if self.keeper is not None else None
        if article is None:
            self.notify(f"《{entry.snapshot.title}》 is no longer in this archive.", severity="warning")
            return
        self.go_to_article(article)

    # --- exports (x) ------------------------------------------------------------------------
    def write_articles(self, articles, what: str) -> str:
        """Write ``articles`` in the config's export format; the line that says where (or why not)."""
        folder = self.config.export_dir or self.data_dir / "exports"
        try:
            path, count = write_export(articles, self.config.export_format, folder, what)
        except (OSError, QueryError) as exc:  # a full disk, a query gone bad: one line, the reader goes on
            return f"Nothing exported: {exc}"
        return f"{count} article{'s' if count != 1 else ''} → {path}"

    def export_entries(self, kind: str, entries: list[KeptEntry]) -> str:
        """``x`` on the bookmarks or history screen: the articles still in the archive, in list order."""
        keeper = self.keeper
        if keeper is None:
            return ""
        found = [keeper.find(e) for e in entries]
        message = self.write_articles([a for a in found if a is not None], kind)
        gone = sum(1 for a in found if a is None)
        return message + (f" ({gone} gone from the archive, left out)" if gone else "")

    def show_person(self, person: Person) -> None:
        self._to_browse().show_person(person)

    def on_this_day(self) -> None:
        """历史上的今天 for the issue being read (the newest issue when none is)."""
        browse = self._to_browse()
        browse.action_on_this_day()

    def run_search(self, query: str) -> None:
        browse = self._to_browse()
        browse.search_bar.set_value(query)
        browse.post_message(browse.search_bar.Submitted(query))

    # --- keys -------------------------------------------------------------------------------
    def action_help(self) -> None:
        from liaocheng_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_reporters(self) -> None:
        from liaocheng_tui.ui.screens.reporters import ReportersScreen

        if isinstance(self.screen, ReportersScreen) or self.catalog is None:
            return

        def chosen(person: Person | None) -> None:
            if person is not None:
                self.show_person(person)

        self.push_screen(ReportersScreen(self.people), chosen)


def known_binding_ids() -> set[str]:
    """Every binding id the config's ``[keys]`` may name."""
    from liaocheng_tui.ui.screens.help import key_owners

    return {b.id for _, owner in key_owners() for b in owner.BINDINGS if isinstance(b, Binding) and b.id}


def create_app(
    roots: list[Path] | None = None,
    *,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    opener: Opener | None = None,
    config: Config | None = None,
    data_dir: Path | None = None,
    draft: str = "",
    links_pass: LinksPass | None = None,
) -> ReaderApp:
    """Build the reader on ``roots`` (default: the config's archive folders, else the embedded seeds).

    ``opener`` stands in for the search layer's ``open_archive`` (tests pass a
    fake); by default the real one is imported when loading starts.
    ``links_pass`` stands in for the repost pass run once search is ready (default: the real one
    with the real opener, none with a stand-in).
    ``data_dir`` holds bookmarks and history (default: ``$LC_READER_DATA`` or
    the user data folder).
    """
    if not roots:
        roots = list(config.archive) if config is not None and config.archive else []
    if not roots:
        from liaocheng_tui.seeds import seeds_dir

        roots = [seeds_dir()]
    app = ReaderApp(LoadOptions([Path(r) for r in roots], cache_dir, use_cache), opener,
                    config=config, data_dir=data_dir, links_pass=links_pass)
    app.draft = draft
    return app
