"""Errors the search layer reports to its callers (re-exported by ``service``)."""

from __future__ import annotations


class QueryError(ValueError):
    """A malformed query; ``str(exc)`` is one line saying what is wrong."""


class CacheProblem(RuntimeError):
    """The index cache cannot be used as it is (damaged, foreign, another version); says why in one line."""


class Cancelled(Exception):
    """Raised out of a long operation when the caller's ``cancelled()`` said so."""
