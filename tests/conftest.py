"""Test-wide settings: Hypothesis runs derandomized by default, so a run (and CI) is repeatable.

Property tests still search hundreds of cases each, the same ones every run; set
``HYPOTHESIS_PROFILE=explore`` to draw new ones (what to do when changing a
parser rule), and turn a case it finds into a fixed test.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
