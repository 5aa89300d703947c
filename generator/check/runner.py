"""Run every policy check once and gather the findings and the aggregates."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from operator import itemgetter
from pathlib import Path

from generator import findings as F
from generator import forked
from generator.cache import KeptResult
from generator.check import CheckResult
from generator.check.assignment_history import check_assignment_history
from generator.check.by_cadre import ByCadre
from generator.check.calendar_history import check_calendar_history
from generator.check.contact_points import check_contact_points
from generator.check.context import Context, iso
from generator.check.coverage import check_coverage
from generator.check.deadlines import Deadlines, last_on_time
from generator.check.ended_units import check_ended_units
from generator.check.exemptions import list_exemptions
from generator.check.facts import ledger_facts
from generator.check.feedback import Parts, check_archived_meanings
from generator.check.git_history import History, forget, read_history
from generator.check.policy_history import check_policy_history
from generator.check.reviewers import check_reviewers_left_office
from generator.model import RecordSet


def _periods(ctx: Context) -> list[dict]:
    first, last = ctx.cycle_bounds()
    if not first:
        return []
    out = []
    for p in ctx.rs.periods_between(first, min(ctx.today, last or ctx.today)):
        deadline = last_on_time(ctx.rs, p)
        out.append({"id": p.id, "name": p.name, "start": iso(p.start), "end": iso(p.end), "due": iso(p.due),
                    "deadline": iso(deadline), "due_by_today": deadline < ctx.today})
    return out


def _needs_history(rs: RecordSet) -> bool:
    """Whether a ledger file, readable or not, is not in the import manifest (its submission time is
    then Git's: W-CHK-006 says of a broken file only when it was there by --today)."""
    rels = (doc.rel for doc in rs.docs if doc.kind == "ledger")
    if not rs.imports:
        return next(rels, None) is not None
    imported = {path for e in rs.imports if isinstance(path := e.data.get("path"), str)}  # (else a finding of validate)
    return not imported.issuperset(rels)


def shares_parts(loaded: int) -> bool:
    """Whether `run` will share its parts with a copy of this process (forked.shared), as told before it
    runs from the ledgers `loaded` in this run (not read back from the cache: their facts worked out as they
    were, Document.facts): each is its cadre's to work out again, and ByCadre.SHARE_MIN cadres to work out are
    worth a copy.  The pipeline asks it so that the record stages are then that copy's first part (forked.both's `joined`), not a copy's of
    their own; when it is wrong, they still get a copy, made when `run` makes its own or for them alone."""
    return loaded >= ByCadre.SHARE_MIN


def run(rs: RecordSet, today: dt.date, *, repo: Path | None = None, strict: bool = False,
        as_json: bool = False) -> CheckResult:
    ctx = Context(rs, today, strict)
    ledger_facts(rs)  # what the rules read of the ledgers: those changed worked out once, before the copies
    history = _history(rs, repo, ctx)
    # The feedback chains and the rules read cadre by cadre are independent of the other rules: a
    # copy of this process works out the chains and cadres not kept from an earlier run, part by
    # part, while this one runs the others, then takes the parts still left (forked.shared), so
    # that neither waits for the other.  A pull request's few are worked out here.
    cadres = ByCadre(ctx, history)
    # as of --today: the ledgers handed in later are not there for the chains (as on the site)
    later = cadres.deadlines.later()
    chains = Parts(ctx, as_json=as_json, leaving_out=later)
    n = chains.n

    def part(k: int) -> list:
        return chains.part(k) if k < n else cadres.part(k - n)

    def here() -> dict:  # (and, the copy made, what only this process will ask: a cold run's stamps and signatures)
        data = _other_rules(ctx, history)
        cadres.stamped()
        chains.signed()
        return data

    data, parts = forked.shared(n + cadres.n, part, here)
    data["semester_matrix"], data["ledgers"] = cadres.finish(parts[n:])
    sources = Counter(map(itemgetter("source"), data["ledgers"]))
    data["ledger_sources"] = {"git": sources["git"], "import": sources["import"], "archive": sources["archive"],
                              "none": sources[None],
                              "history": history.state}
    data["ledgers_after_today"] = cadres.deadlines.left_out()  # (said in the overview: output.overview)
    data["feedback"], overdue, unresolved = chains.rows(parts[:n], ctx)
    cadres.save()  # (after the chains' rows: a cold run's whole file is then written by the copy writing theirs)
    data["exemptions"] = list_exemptions(ctx)
    data["periods"] = _periods(ctx)
    findings = sorted(set(ctx.findings), key=F.Finding.sort_key)
    data["summary"] = summarise(data, findings, overdue, unresolved)
    return CheckResult(findings=findings, data=data, later=frozenset(later),
                       arrived=frozenset(cadres.deadlines.arrived_later()), meanings_then=ctx.meanings_then)


def submitted_later(rs: RecordSet, today: dt.date, repo: Path | None = None) -> tuple[set[str], set[str]]:
    """The ledgers not there yet at the end of `today`, as the ledger table counts them (Deadlines.later),
    and the ledger files handed in after it (Deadlines.arrived_later)."""
    ctx = Context(rs, today)
    deadlines = Deadlines(ctx, _history(rs, repo, ctx))
    return deadlines.later(), deadlines.arrived_later()


def _history(rs: RecordSet, repo: Path | None, ctx: Context) -> History:
    if _needs_history(rs):  # (the command began reading it while the records load: git_history.begin)
        history = read_history(rs.root, repo, ctx.tz)
    else:
        history = History("ok", asked=forget(rs.root, repo))  # (its rev-parse: policy_history's too)
    asked = history.asked
    if asked and (repo is None or asked[0] is not None and rs.root.resolve().is_relative_to(asked[0].root.resolve())):
        ctx.asked = asked  # (the records' repository: archive.meanings_then's too)
    return history


def _other_rules(ctx: Context, history: History) -> dict:
    """The report's first keys, and the tables of the rules that read no ledger."""
    data = {"today": iso(ctx.today), "timezone": str(ctx.tz.key), "strict": ctx.strict}
    data["assignments"], data["coverage"] = _without_ledgers(ctx)
    check_archived_meanings(ctx)  # (not kept: whether Git can tell is not in the records)
    states = (check_policy_history(ctx, history),  # (nor when the policy changed; its changes from the same log)
              check_calendar_history(ctx, history),  # (nor when the calendar did)
              check_assignment_history(ctx, history))  # (nor when an assignment row was rewritten)
    data["policy_history"] = next((s for s in states if s != "ok"), "ok")  # (said once in the overview)
    return data


def _without_ledgers(ctx: Context) -> tuple[list, list]:
    """The contact points' and the coverage's tables (R1, R4, R2), with their findings (and those
    of the classes, clubs and cadres still in a unit that has ended, and of the units' reviewers who have left
    office).  They read no ledger, so they are kept between runs (cache.KeptResult) under a digest of every other
    record file, --today and --strict (Context.digest_of_others): a pull request that changes
    ledgers only does not work them out again (0.4 s at 12k)."""
    kept = KeptResult(ctx.rs.root, "without-ledgers", ctx.digest_of_others())
    hit = kept.get()
    if hit is not None:
        assignments, coverage, found = hit
        ctx.findings.extend(F.Finding(*f) for f in found)
        return assignments, coverage
    before = len(ctx.findings)
    assignments, coverage = check_contact_points(ctx), check_coverage(ctx)
    check_ended_units(ctx)
    check_reviewers_left_office(ctx)
    kept.put((assignments, coverage, [F.packed(f) for f in ctx.findings[before:]]))
    return assignments, coverage


def summarise(data: dict, findings, feedback_overdue: int, feedback_open: int) -> dict:
    # (in the order first seen; a ledger handed in by a cadre who did not owe it is no one's late ledger)
    statuses = dict(Counter(r["status"] for r in data["ledgers"] if r.get("required", True)))
    uncovered = sum(1 for y in data["coverage"] for c in y["classes"] if y["judged"] and c["gaps"])
    unmet = sum(1 for r in data["semester_matrix"]["rows"] for s in data["semester_matrix"]["semesters"]
                if s["judged"] and (cell := r["cells"].get(s["id"])) and cell["required"] and not cell["met"]
                and not cell["exempt"])
    errors = sum(f.severity == F.ERROR for f in findings)
    return {"errors": errors, "warnings": len(findings) - errors, "ledgers": statuses,
            "ledgers_with_errors": sum(1 for r in data["ledgers"] if r.get("errors")),
            "uncovered_classes": uncovered, "semester_unmet": unmet,
            "feedback_overdue": feedback_overdue, "feedback_open": feedback_open}
