"""The policy's ledger periods and their due days (R6; the demo's: 每年六月和十二月的月末), on real record folders."""
from __future__ import annotations

import datetime as dt

from generator.check import run_checks
from generator.pipeline import validate_records
from tests.gitrepo import POLICY, base, generator_cli, write

H2 = '{id: H2, name: 下半年, start: "07-01", end: "12-31", due: "12-31"}'


def policy_with(h1_due: str = "06-30", h2_due: str = "12-31") -> str:
    return POLICY.replace("GRACE", "0").replace('due: "06-30"', f'due: "{h1_due}"') \
        .replace('end: "12-31", due: "12-31"', f'end: "12-31", due: "{h2_due}"')


def findings(tmp_path, policy: str):
    write(tmp_path, {**base(), "records/policy.yaml": policy})
    rs, found = validate_records(tmp_path / "records")
    return rs, [f for f in found if f.code == "E-REF-021"]


def test_a_due_day_as_late_as_the_next_periods_end_is_an_error_at_its_line(tmp_path):
    # H2's due day copied from H1's (06-30) was read, as a due day before the period's start is, as the next
    # year's: the 2025-H2 ledger was due 2026-06-30 and nobody was told of a missing one for half a year;
    # H1's copied from H2's (12-31) likewise made the first half-year's ledger due with the second's
    rs, (late,) = findings(tmp_path, policy_with(h2_due="06-30"))
    assert late.file.endswith("records/policy.yaml") and late.line == 9 and late.severity == "error"
    assert "H2" in late.message_zh and "06-30" in late.message_zh and "第 182 天" in late.message_zh
    assert "H2" in late.message_en and "182 days" in late.message_en and "H1" in late.message_en
    assert rs.period("2025-H2").due == dt.date(2026, 6, 30)  # (what the error is about)
    _rs, (early,) = findings(tmp_path, policy_with(h1_due="12-31"))
    assert early.line == 8 and "H1" in early.message_zh and "12-31" in early.message_zh


def test_a_due_day_at_the_months_end_or_a_few_days_before_or_after_is_right(tmp_path):
    # (12-25: filed before the winter break, the last days' activities added to the ledger handed in)
    for h1_due, h2_due in (("06-30", "12-31"), ("07-10", "01-10"), ("06-25", "12-25"), ("06-30", "01-15")):
        rs, found = findings(tmp_path, policy_with(h1_due, h2_due))
        assert found == [], (h1_due, h2_due, [f.message_zh for f in found])
    assert rs.period("2025-H2").due == dt.date(2026, 1, 15)
    # and the checks judge the ledgers by it: on 2026-01-10 nobody's 2025-H2 ledger is missing yet
    result = run_checks(rs, dt.date(2026, 1, 10))
    assert {r["status"] for r in result.data["ledgers"] if r["period"] == "2025-H2"} == {"not_yet_due"}


def test_a_due_day_in_ledger_earlier_as_late_as_the_next_periods_end_is_an_error_at_its_line(tmp_path):
    # E-REF-021 read the current periods only: an H2 due day of 06-30 in ledger.earlier (the next June) made
    # the earlier H2 ledgers due half a year late, and validate said nothing
    entry = '  earlier:\n    - {until: "2025-12-31", due: {H2: "06-30"}}\n'
    policy = policy_with().replace("  grace_days: 0\n", "  grace_days: 0\n" + entry)
    rs, (late,) = findings(tmp_path, policy)
    assert rs.period("2025-H2").due == dt.date(2026, 6, 30) and rs.period("2026-H2").due == dt.date(2026, 12, 31)
    assert late.line == policy.splitlines().index('    - {until: "2025-12-31", due: {H2: "06-30"}}') + 1, late
    assert "H2" in late.message_zh and "06-30" in late.message_zh and "第 181 天" in late.message_zh, late.message_zh
    assert "H1" in late.message_en and "181 days" in late.message_en, late.message_en  # (2025-12-31 to 2026-06-30)
    # a due day a few days after the end, in ledger.earlier too: right
    _rs, found = findings(tmp_path, policy.replace('due: {H2: "06-30"}', 'due: {H2: "01-10"}'))
    assert found == [], [f.message_zh for f in found]


def test_the_hint_of_a_late_due_day_names_no_due_day_the_policy_does_not_have(tmp_path):
    # E-REF-021's hint said the rule was “R6：每年六月和十二月的月末” (“R6: the ends of June and December”), the
    # demo's: a university whose H1 ledgers are due 07-10, its H2 due day copied from the demo's H1 (06-30, the
    # next June), was told its rule is one it does not have; the hint gives the policy's own days (the period's end)
    write(tmp_path, {**base(), "records/policy.yaml": policy_with(h1_due="07-10", h2_due="06-30")})
    zh = generator_cli(tmp_path, "validate", "--records", "records")
    en = generator_cli(tmp_path, "validate", "--records", "records", "--lang", "en")
    assert zh.returncode == en.returncode == 1 and "E-REF-021" in zh.stdout, zh.stdout + zh.stderr
    assert "六月" not in zh.stdout and "十二月" not in zh.stdout and "月末" not in zh.stdout, zh.stdout
    assert "ends of June" not in en.stdout and "December" not in en.stdout, en.stdout
    assert "（12-31）" in zh.stdout and "(12-31)" in en.stdout  # (H2's last day, where a due day most often is)
