"""Which first-parent commit is a past day's (git_history._day_commit), when commit times are out of
order: real repositories, one commit per time given (oldest first), the day ending at 2026-07-02 00:00
in Shanghai (check --today 2026-07-01).  `after`: how many of the newest commits are taken to be after
the day (all of them: the history begins after the day, no day's commit)."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from gitrepo import commit, git, init_repo

END = dt.datetime(2026, 7, 2, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp()

CASES = {
    # (commit times, oldest first; how many of the newest are after the day)
    "in order": (["2026-06-01", "2026-06-20", "2026-09-10"], 1),
    "all before the day": (["2026-06-01", "2026-06-20"], 0),
    "all after the day": (["2026-09-10", "2026-09-12"], 2),
    "one commit, after": (["2026-09-10"], 1),
    "a clock gone back": (["2025-12-20", "2026-06-20", "2026-09-10", "2026-06-25", "2026-09-12"], 3),
    "a clock run ahead": (["2026-06-20", "2027-05-01", "2026-06-22"], 0),
    "a root run ahead, one commit on it": (["2027-05-01", "2026-06-20"], 0),
    "a root run ahead under a commit after the day": (["2027-05-01", "2026-06-20", "2026-09-10"], 1),
    "a root run ahead under a longer history": (["2027-05-01", "2026-06-01", "2026-06-20", "2026-09-10",
                                                 "2026-09-11"], 2),
    "two clocks run ahead in a row": (["2026-06-01", "2026-06-20", "2027-05-01", "2027-05-02", "2026-06-22",
                                       "2026-06-23"], 0),
    "two clocks gone back in a row": (["2026-06-01", "2026-06-20", "2026-09-10", "2026-09-11", "2026-06-25",
                                       "2026-06-26", "2026-09-12"], 5),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_day_s_commit_when_commit_times_are_out_of_order(tmp_path, name):
    from generator.check.git_history import _day_commit

    times, after = CASES[name]
    repo = init_repo(tmp_path / "repo")
    for i, when in enumerate(times):
        commit(repo, f"{when} 10:00", f"commit {i}")
    chain = git(repo, "rev-list", "--first-parent", "HEAD").split()  # (newest first)
    assert _day_commit(repo, END) == ((chain[after] if after < len(chain) else None), after > 0), name
