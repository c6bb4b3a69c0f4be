"""``python -m liaocheng_tui`` runs the same entry point as ``lc-reader``."""

from liaocheng_tui.cli import main

main()
