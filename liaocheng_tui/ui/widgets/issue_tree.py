"""The tree of newspapers → years → months → issues.

Newspapers, years and months are added at once; a month's issues are added
the first time it opens (or when something jumps to one of them), so a big
archive's tree costs little to build.  Highlighting an issue posts
:class:`IssueTree.IssueHighlighted`; Enter on it posts :class:`IssueTree.IssueChosen`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from liaocheng_tui.ui.catalog import UNDATED, Catalog, Issue
from liaocheng_tui.ui.safe_text import clean


@dataclass
class Month:
    """A month node's payload: its issues, added to the tree on first expand."""

    key: tuple[str, str, str]
    issues: list[Issue]
    filled: bool = False


NodeData = Issue | Month | str | None


class IssueTree(Tree[NodeData]):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="tree.down"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up"),
        Binding("g", "scroll_home_node", "First", show=False, id="tree.first"),
        Binding("G", "scroll_end_node", "Last", show=False, id="tree.last"),
    ]

    @dataclass
    class IssueHighlighted(Message):
        issue: Issue

    @dataclass
    class IssueChosen(Message):
        issue: Issue

    def __init__(self, **kwargs) -> None:
        super().__init__("archive", **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self._months: dict[tuple[str, str, str], TreeNode[NodeData]] = {}
        self._issue_nodes: dict[str, TreeNode[NodeData]] = {}

    def show_catalog(self, catalog: Catalog) -> None:
        """Rebuild the tree: papers and years open, months folded until visited."""
        self.clear()
        self._months.clear()
        self._issue_nodes.clear()
        for paper, years in catalog.tree().items():
            count = sum(len(issues) for months in years.values() for issues in months.values())
            paper_node = self.root.add(Text.assemble((clean(paper), "bold"), (f"  {count}", "dim")), data=paper)
            for year, months in years.items():
                label = "无日期 undated" if year == UNDATED else year
                year_node = paper_node.add(Text(label), data=year)
                for month, issues in months.items():
                    month_label = Text.assemble(
                        f"{month}月" if year != UNDATED else "files", (f"  {len(issues)}", "dim")
                    )
                    month_data = Month((paper, year, month), issues)
                    self._months[month_data.key] = year_node.add(month_label, data=month_data)
                year_node.expand()
            paper_node.expand()

    # --- lazy months -----------------------------------------------------------------
    def _fill(self, node: TreeNode[NodeData]) -> None:
        month = node.data
        if isinstance(month, Month) and not month.filled:
            month.filled = True
            for issue in month.issues:
                label = Text(issue.date_label)
                if issue.has_warnings:
                    label.append(" ⚠", style="bold")
                self._issue_nodes[issue.key] = node.add_leaf(label, data=issue)

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        self._fill(event.node)

    # --- highlighting and choosing issues --------------------------------------------
    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        event.stop()
        if isinstance(event.node.data, Issue):
            self.post_message(self.IssueHighlighted(event.node.data))

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        event.stop()
        if isinstance(event.node.data, Issue):
            self.post_message(self.IssueChosen(event.node.data))

    def issue_node(self, issue: Issue) -> TreeNode[NodeData] | None:
        """The node of ``issue``, creating and opening its month (and ancestors) as needed."""
        if issue.key not in self._issue_nodes:
            year = str(issue.date.year) if issue.date else UNDATED
            month = f"{issue.date.month:02d}" if issue.date else "--"
            month_node = self._months.get((issue.newspaper, year, month))
            if month_node is None:
                return None
            self._fill(month_node)
        node = self._issue_nodes.get(issue.key)
        parent = node.parent if node else None
        while parent is not None:
            parent.expand()
            parent = parent.parent
        return node

    def go_to_issue(self, issue: Issue) -> None:
        """Open the way to ``issue`` and put the cursor on it (which posts IssueHighlighted)."""
        node = self.issue_node(issue)
        if node is not None:
            self.call_after_refresh(self.move_cursor, node)

    @property
    def current_issue(self) -> Issue | None:
        node = self.cursor_node
        return node.data if node is not None and isinstance(node.data, Issue) else None

    def action_scroll_home_node(self) -> None:
        self.move_cursor_to_line(0)

    def action_scroll_end_node(self) -> None:
        self.move_cursor_to_line(self.last_line)
