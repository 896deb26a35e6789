"""missing-disclaimer asks for a medical disclaimer only in articles about health."""
from __future__ import annotations

from conftest import lint

GIT = """# Finding the commit that broke the build

When a build that passed last week fails today, git can find the commit for you.
Start a bisect session, mark the current commit as bad and an older tag as good.
Git checks out a commit halfway between them; run the tests and tell git whether
that commit is good or bad. Repeat until git names the first bad commit.

A script can do the marking for you: pass it to the run subcommand and git calls
it on every step, reading its exit code. Keep the script fast and deterministic,
or the search will wander. When you are done, reset the session to return to the
branch you started from.
"""

SLEEP = """# Acupuncture for Insomnia

Many people who sleep badly try acupuncture. Poor sleep can come with anxiety,
pain or low mood, and it often gets worse under stress. A practitioner will ask
about your sleep, your daytime energy and any medicines you take before the first
session. Sessions usually last about half an hour, and most courses run for
several weeks. Tell your doctor if insomnia lasts more than a month or comes with
loud snoring, as that can be a sign of sleep apnoea.
"""


def test_a_software_how_to_needs_no_medical_disclaimer():
    assert not [f for f in lint(GIT, "bisect.md", select=["missing-disclaimer"])]


def test_a_health_article_still_needs_one():
    found = lint(SLEEP, "sleep.md", select=["missing-disclaimer"])
    assert [f.rule for f in found] == ["missing-disclaimer"]
