"""Who may change which file (R17), and the pull-request ownership check.

    python -m generator ownership --base REV --head REV --actor GITUSER [--records records]

Every file changed between `base` and `head` (`git diff --name-status -M`, so renames and
deletions count) must be one the actor may change:

* an administrator (records/policy.yaml `administrators`): anything;
* a unit reviewer (records/units.yaml `reviewers`): the ledgers of their unit's cadres; of a
  unit that had ended by `--today` (its `until`), those of the unit that took it over
  (RecordSet.successor), else nobody's but the administrators' (never its former reviewers);
* a cadre (records/cadres/<id>.yaml `git`): their own ledgers;
* nobody but an administrator: ledgers of an archived period (records/archive/<period>.yaml),
  organisation records, amendments, schemas, code, workflows; deleting a record.

Roles and archived periods are read from the records **as they are at `base`**, so a pull
request cannot make its author an administrator and use that in the same change.
Git accounts are compared case-insensitively, as Git hosts do.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.argwords import say
from generator import cli
from generator import findings as F
from generator.layout import kind_of
from generator.messages.workflow import ENDED_EN, ENDED_ZH, WHOSE_EN, WHOSE_ID_EN, WHOSE_ID_ZH, WHOSE_ZH
from generator.model import RecordSet

MSG = {
    "git": {"zh": "无法读取 Git 仓库：{detail}", "en": "cannot read the Git repository: {detail}"},
    "ok": {"zh": "{actor}（{roles}）修改的 {n} 个文件都在其权限之内",
           "en": "{n|file|files} changed by {actor} ({roles}), within their rights"},
    "none": {"zh": "无角色", "en": "no role"},
    "records_outside": {"zh": "--records 应是仓库中的一个文件夹：{path}", "en": "--records must be a folder in the repository: {path}"},
    "bad_rev": {"zh": "--{which} 应是一个提交（如 origin/main），实为“{value}”",
                "en": "--{which} must name a revision (e.g. origin/main), not '{value}'"},
}
ROLE_NAMES = {"admin": ("管理员", "administrator"), "reviewer": ("{unit}审核人", "reviewer of {unit}"),
              "cadre": ("干部 {cadre}", "cadre {cadre}")}
# What a non-ledger path is, for the refusal message.
AREAS = [("records/", "组织数据（单位、班级、社团、干部、工作安排、政策、备案、更正）", "organisation records"),
         ("schemas/", "记录格式（schemas/）", "schemas"),
         ("generator/", "程序代码（generator/）", "the program (generator/)"),
         (".github/", "代码托管平台配置与工作流（.github/）", "workflows and Git-host settings (.github/)")]


def git(repo: Path, *args: str) -> tuple[int, str, str]:
    try:
        out = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return 2, "", str(exc)
    return out.returncode, out.stdout.decode("utf-8", "replace"), out.stderr.decode("utf-8", "replace").strip()


def repo_root(path: Path) -> Path | None:
    rc, out, _ = git(path if path.is_dir() else path.parent, "rev-parse", "--show-toplevel")
    return Path(out.strip()) if rc == 0 and out.strip() else None


# ---- roles ---------------------------------------------------------------------
@dataclass
class Roles:
    admins: set = field(default_factory=set)  # lower-case accounts
    admin_accounts: list = field(default_factory=list)  # as written, in file order
    admin_names: set = field(default_factory=set)
    cadre_git: dict = field(default_factory=dict)  # cadre id → account as written
    cadre_unit: dict = field(default_factory=dict)  # cadre id → unit id
    cadre_names: dict = field(default_factory=dict)  # cadre id → name (E-OWN-001 says whose a ledger is)
    reviewers: dict = field(default_factory=dict)  # unit id → [accounts as written]
    unit_names: dict = field(default_factory=dict)
    archived: dict = field(default_factory=dict)  # period → archived_on
    ended: dict = field(default_factory=dict)  # unit id that had ended → (until, its former reviewers, who reviews now)

    def cadres_of(self, actor: str) -> set:
        a = actor.lower()
        return {c for c, g in self.cadre_git.items() if g and g.lower() == a}

    def units_reviewed_by(self, actor: str) -> set:
        a = actor.lower()
        return {u for u, accounts in self.reviewers.items() if a in {x.lower() for x in accounts}}

    def approvers(self, cadre: str) -> list:
        """Who is to approve a change to `cadre`'s ledgers (CODEOWNERS, remind): their unit's reviewers
        but the cadre themselves, whom no Git host lets approve their own pull request; when that
        leaves nobody (the unit's only reviewer is the cadre, or it has none), the administrators but
        the cadre.  Each of them may change the ledgers too (refusal), so what the host asks of them
        they can do."""
        own = (self.cadre_git.get(cadre) or "").lower()
        others = [r for r in self.reviewers.get(self.cadre_unit.get(cadre), []) if r.lower() != own]
        return others or [a for a in self.admin_accounts if a.lower() != own] or list(self.admin_accounts)

    def approves_alone(self, cadre: str) -> bool:
        """W-FLOW-002: nobody but `cadre` themselves is to approve their ledgers (approvers: they are
        their unit's only reviewer, or it has none, and the only administrator too), so none of their
        pull requests can be merged.  (codeowners.nobody_to_approve, remind)"""
        own = (self.cadre_git.get(cadre) or "").lower()
        return bool(own) and all(a.lower() == own for a in self.approvers(cadre))

    def is_admin(self, actor: str) -> bool:
        return actor.lower() in self.admins

    def describe(self, actor: str, lang: str) -> str:
        i = 1 if lang == "en" else 0
        parts = [ROLE_NAMES["admin"][i]] if self.is_admin(actor) else []
        parts += [ROLE_NAMES["reviewer"][i].format(unit=self.unit_names.get(u, u)) for u in sorted(self.units_reviewed_by(actor))]
        parts += [ROLE_NAMES["cadre"][i].format(cadre=c) for c in sorted(self.cadres_of(actor))]
        return ("、" if lang == "zh" else ", ").join(parts) or MSG["none"][lang]


def roles_of(rs: RecordSet, today: dt.date) -> Roles:
    """The roles the records give on `today`: a unit that had ended by then is reviewed by the
    reviewers of the unit that took it over, else by the administrators (see the module's doc)."""
    r = Roles()
    for admin in (rs.setting("administrators", default=[]) or []):
        if isinstance(admin, dict) and isinstance(admin.get("git"), str):
            r.admins.add(admin["git"].lower())
            r.admin_accounts.append(admin["git"])
            if isinstance(admin.get("name"), str):
                r.admin_names.add(admin["name"])
    for cid, item in rs.cadres.items():
        r.cadre_git[cid] = item.get("git") if isinstance(item.get("git"), str) else None
        r.cadre_unit[cid] = item.get("unit") if isinstance(item.get("unit"), str) else None
        if isinstance(item.get("name"), str):
            r.cadre_names[cid] = item.get("name")
    for uid, unit in rs.units.items():
        # (a value of the wrong type, which validate reports, gives no one a role: one text in
        # place of the list would otherwise make each of its letters an account)
        reviewers = unit.get("reviewers")
        r.reviewers[uid] = [x for x in reviewers if isinstance(x, str)] if isinstance(reviewers, list) else []
        r.unit_names[uid] = unit.get("name") if isinstance(unit.get("name"), str) else uid
    for uid, unit in rs.units.items():
        if rs.ended(unit, today):  # (of the unit that took over, as the records were read: not widened)
            now = rs.successor(uid, today)
            r.ended[uid] = (str(unit.date("until")), r.reviewers[uid], now)
            r.reviewers[uid] = list(r.reviewers.get(now, []) if now else r.admin_accounts)
    for doc in rs.other.get("archive", []):
        if isinstance(doc.data, dict):
            r.archived[doc.stem] = str(doc.data.get("archived_on", ""))
    return r


# ---- the rule for one path -------------------------------------------------------
def ledger_of(path: str, records_rel: str) -> tuple[str, str] | None:
    """(period, cadre) when `path` (relative to the repository) is a ledger file."""
    prefix = records_rel.strip("/") + "/" if records_rel.strip("/.") else ""
    if not path.startswith(prefix):
        return None
    rel = path[len(prefix):]
    if kind_of(rel) != "ledger":
        return None
    p = PurePosixPath(rel)
    return p.parent.name, p.stem


def refusal(path: str, actor: str, roles: Roles, records_rel: str, *, deleting: bool = False):
    """None when `actor` may change (or, with deleting, delete) `path`; else (code, params)."""
    if roles.is_admin(actor):
        return None
    prefix = records_rel.strip("/") + "/" if records_rel.strip("/.") else ""
    if deleting and path.startswith(prefix):
        return "E-OWN-003", {}
    ledger = ledger_of(path, records_rel)
    if ledger is None:
        return "E-OWN-004", _area(path, prefix)
    period, cadre = ledger
    mine = cadre in roles.cadres_of(actor)
    reviews = roles.cadre_unit.get(cadre) in roles.units_reviewed_by(actor)
    if not (mine or reviews):  # (a cadre who reviewed the cadre's unit until it ended is told so)
        ended = _ended_review(actor, roles, roles.cadre_unit.get(cadre))
        return "E-OWN-001", {"cadre": cadre, **_whose(cadre, roles), "ended_zh": ENDED_ZH.format(actor=actor, **ended) if ended else "",
                             "ended_en": ENDED_EN.format(actor=actor, **ended) if ended else ""}
    if period in roles.archived:
        return "E-OWN-002", {"period": period, "archived_on": roles.archived[period] or "?"}
    if deleting:
        return "E-OWN-003", {}
    return None


def _whose(cadre: str, roles: Roles) -> dict:
    """E-OWN-001's whose_zh/whose_en: the cadre by name and unit's name (a reviewer tells whose ledger it is), by id
    when the records do not name them."""
    name, unit = roles.cadre_names.get(cadre), roles.cadre_unit.get(cadre)
    if not name:
        return {"whose_zh": WHOSE_ID_ZH.format(cadre=cadre), "whose_en": WHOSE_ID_EN.format(cadre=cadre)}
    unit_name = roles.unit_names.get(unit, unit)
    if not unit_name:  # (a cadre file without its unit, which validate reports)
        return {"whose_zh": WHOSE_ID_ZH.format(cadre=f"{name}（{cadre}）"), "whose_en": WHOSE_ID_EN.format(cadre=f"{name} ({cadre})")}
    return {"whose_zh": WHOSE_ZH.format(unit=unit_name, name=name, cadre=cadre),
            "whose_en": WHOSE_EN.format(unit=unit_name, name=name, cadre=cadre)}


def _area(path: str, records_prefix: str) -> dict:
    for start, zh, en in AREAS:
        if start == "records/":
            start = records_prefix or start
        if path.startswith(start):
            return {"what_zh": zh, "what_en": en}
    return {"what_zh": "项目文件", "what_en": "project files"}


def check_changes(changes: list[tuple[str, str, str | None]], actor: str, roles: Roles,
                  records_rel: str = "records") -> list[F.Finding]:
    """`changes`: (status letter, path, new path for renames/copies) as from git diff --name-status."""
    out = []
    known = roles.is_admin(actor) or roles.cadres_of(actor) or roles.units_reviewed_by(actor)
    for status, path, new in changes:
        if not known:
            out.append(_no_role(new or path, actor, roles))
            continue
        if status == "R":  # the old path is deleted: as `git rm` of it would be
            old_no = refusal(path, actor, roles, records_rel, deleting=True)
            new_no = refusal(new, actor, roles, records_rel)
            if new_no:
                code, params = new_no
                reason = F.make(code, new, None, actor=actor, **params)
                out.append(F.make("E-OWN-006", path, None, actor=actor, new=new,
                                  reason_zh=reason.message_zh.split("：", 1)[-1],
                                  reason_en=reason.message_en.split(": ", 1)[-1]))
            elif old_no:
                out.append(F.make(old_no[0], path, None, actor=actor, **old_no[1]))
            continue
        target = new if status == "C" and new else path
        no = refusal(target, actor, roles, records_rel, deleting=(status == "D"))
        if no:
            out.append(F.make(no[0], target, None, actor=actor, **no[1]))
    return sorted(out, key=F.Finding.sort_key)


def _no_role(path: str, actor: str, roles: Roles) -> F.Finding:
    """E-OWN-005 for an account the records do not know; E-OWN-007 for the former reviewer of a unit
    that had ended (still listed in units.yaml), naming its end and who reviews its cadres now."""
    ended = _ended_review(actor, roles)
    return F.make("E-OWN-007", path, None, actor=actor, **ended) if ended else F.make("E-OWN-005", path, None, actor=actor)


def _ended_review(actor: str, roles: Roles, unit_id: str | None = None) -> dict | None:
    """E-OWN-007's unit, until, now_zh and now_en when `actor` reviewed a unit that had ended
    (`unit_id` only, when given); None when they reviewed none."""
    a = actor.lower()
    for uid, (until, former, now) in sorted(roles.ended.items()):
        if (unit_id is None or uid == unit_id) and a in {x.lower() for x in former}:
            who = ", ".join(roles.reviewers[uid]) or "-"
            if now:
                unit = roles.unit_names.get(now, now)
                now_zh, now_en = f"“{unit}”的审核人 {who}", f"the reviewers of {unit} ({who})"
            else:
                now_zh, now_en = f"管理员 {who}", f"the administrators ({who})"
            return {"unit": roles.unit_names.get(uid, uid), "until": until, "now_zh": now_zh, "now_en": now_en}
    return None


# ---- reading a revision ----------------------------------------------------------
# changed_files' error when the revisions have several merge bases and this Git (before 2.38: no merge-tree
# --write-tree) cannot work out what merging them changes; each caller says it in the user's language
SEVERAL_BASES = "several merge bases"
BASES_SAID = {"zh": "拉取请求与基准分支有多个合并基点，这一版本的 Git（2.38 以前）无法算出合并会改动什么：请把基准分支合并进拉取请求，或升级 Git",
              "en": "several merge bases, and a Git before 2.38 cannot work out what the merge changes: merge the base "
                    "branch into the pull request, or update Git"}


def changed_files(repo: Path, base: str, head: str) -> tuple[list, str | None]:
    """What merging `head` into `base` would change: `base` against the merge's own tree (conflicts
    and all).  The three-dot diff is that only when there is one merge base: with several (a
    criss-cross merge inside the pull request, which its author can arrange), git picks one, and a
    revert of a later commit of main — an archive manifest removed — would not be in it."""
    for rev in (base, head):
        if git(repo, "rev-parse", "--verify", "-q", "--end-of-options", f"{rev}^{{commit}}")[0] != 0:
            return [], f"unknown revision: {rev}"
    rc, out, err = git(repo, "merge-tree", "--write-tree", "--no-messages", base, head)
    merged = out.split("\n", 1)[0].strip() if rc in (0, 1) else ""  # (1: conflicts; the tree has them)
    if merged:
        rc, out, err = git(repo, "diff", "--name-status", "-M", "-z", base, merged)
    else:  # a Git before 2.38, or histories with nothing in common
        rc, bases, err = git(repo, "merge-base", "--all", base, head)
        if rc not in (0, 1):  # (1: nothing in common; else git could not read the histories: changed_in says so)
            return [], err or f"git merge-base {base} {head}"
        if len(bases.split()) > 1:
            return [], SEVERAL_BASES
        revs = (f"{base}...{head}",) if bases.strip() else (base, head)  # (nothing in common: the trees)
        rc, out, err = git(repo, "diff", "--name-status", "-M", "-z", *revs)
    if rc != 0:
        return [], err or f"git diff {base} {head}"
    parts = out.split("\0")
    changes, i = [], 0
    while i < len(parts) and parts[i]:
        status = parts[i][0]
        if status in "RC":
            changes.append((status, parts[i + 1], parts[i + 2]))
            i += 3
        else:
            changes.append((status, parts[i + 1], None))
            i += 2
    return changes, None


# Why the files changed since a base cannot be read (changed_in), as each language says it.
NOT_READ = {
    "empty": ("--base 是空的：持续集成中没有设这个变量？", "--base is empty: a variable unset in CI?"),
    "option": ("--base {base} 不是提交，是选项的写法", "--base {base} is not a commit but an option"),
    "no_repo": ("记录目录不在 Git 仓库中", "the records folder is not in a Git repository"),
    "unknown": ("没有 {base} 这个提交或分支：拼写对吗？远程的分支先 git fetch", "there is no commit or branch {base}: "
                "is it spelt right? a remote branch needs git fetch first"),
    "no_commit": ("当前分支还没有提交：提交之后才能与 {base} 比较", "the current branch has no commit yet: once committed, it "
                  "can be compared with {base}"),
    "bases": ("当前分支与 {base} 有多个合并基点，这一版本的 Git（2.38 以前）无法算出合并会改动什么：请把 {base} 合并进当前分支，或升级 Git",
              "the current branch and {base} have several merge bases, and a Git before 2.38 cannot work out what the "
              "merge changes: merge {base} into the current branch, or update Git"),
    # (both revisions found, git failed on what they hold: _git_failed says which; git's words apart, GIT_SAID)
    "broken": ("Git 仓库不完整或已损坏，git 读不出其中的内容：请运行 git fsck 查看缺了什么，再重新克隆一份仓库；持续集成中重新运行这一步",
               "the Git repository is incomplete or damaged, git cannot read what it holds: run git fsck to see what is "
               "missing, then clone the repository again; in CI, run the step again"),
    "git": ("git 出错了：请在仓库中运行 git status 和 git fsck 查看原因",
            "git failed: run git status and git fsck in the repository to see why"),
}
# git's own words, on a line after the sentence that says what went wrong in the user's language
GIT_SAID = {"zh": "git 的原话：{detail}", "en": "git said: {detail}"}
# What git says when it cannot read an object the repository should hold (one deleted, a pack cut short, a disk error)
_BROKEN = re.compile(r"unable to read|bad object|missing (?:blob|tree|commit|object)|corrupt|invalid object|"
                     r"loose object|packfile|not a valid object|could not read", re.I)


def _git_failed(err: str) -> tuple[str, str]:
    """(NOT_READ's key, git's words on one line) of git's error `err` once both revisions were found."""
    return "broken" if _BROKEN.search(err) else "git", " ".join(line.strip() for line in err.splitlines() if line.strip())


class Uncommitted:
    """The files of a records folder not committed yet (changed, added, deleted), asked of `git status` now, read by
    changed_in: check --base begins it before the records load, on a large repository's 12,000 ledgers ≈0.1 s of
    looking at every file, while the checks run."""

    def __init__(self, records):
        try:  # (porcelain: each "XY path", relative to the repository's top; --no-renames: a rename is its two paths)
            self.asked = subprocess.Popen(["git", "-C", str(records), "status", "--porcelain", "-z",
                                           "--untracked-files=all", "--no-renames", "--", "."],
                                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:  # (no git: changed_in says so)
            self.asked = None

    def stop(self) -> None:
        """Not needed after all (the base cannot be read)."""
        if self.asked is not None and self.asked.poll() is None:
            self.asked.kill()
        if self.asked is not None:
            self.asked.communicate()

    def files(self, root: Path) -> set:
        if self.asked is None:
            return set()
        try:
            out, _ = self.asked.communicate(timeout=120)
        except subprocess.SubprocessError:
            self.asked.kill()
            return set()
        if self.asked.returncode != 0:
            return set()
        return {(root / entry[3:]).resolve() for entry in out.decode("utf-8", "replace").split("\0") if len(entry) > 3}


def changed_in(records, base: str, uncommitted: Uncommitted | None = None) -> tuple[set | None, dict]:
    """(the files, as resolved paths, that a pull request whose base commit is `base` adds, changes, deletes or renames
    (both names) in the Git repository of `records` — merged into the checkout's HEAD, as changed_files works it out —,
    and those of the records folder not committed yet (`uncommitted`, begun earlier, or asked now: what the cadre
    running check --base locally will commit; none in CI's checkout), {}), or (None, why: {"zh": …, "en": …}) when
    they cannot be read (not a repository, an unknown or empty base): check --base's, which lists the findings in
    those files (check.output.by_change)."""
    def why(key: str, said_by_git: str = "") -> tuple[None, dict]:
        if uncommitted is not None:
            uncommitted.stop()
        said = {lang: text.format(base=base) for lang, text in zip(("zh", "en"), NOT_READ[key])}
        return None, {**said, "git": said_by_git} if said_by_git else said

    if not base.strip():  # (an unset CI variable)
        return why("empty")
    if base.startswith("-"):  # (an option to git)
        return why("option")
    root = repo_root(Path(records).resolve())
    if root is None:
        return why("no_repo")
    changes, err = changed_files(root, base, "HEAD")
    if err and err.startswith("unknown revision: ") and git(root, "rev-parse", "--verify", "-q", "HEAD^{commit}")[0]:
        return why("no_commit")  # (a new repository, or a branch of its own before its first commit: git checkout --orphan)
    if err:
        return why("unknown") if err == f"unknown revision: {base}" else why("bases") if err == SEVERAL_BASES \
            else why(*_git_failed(err))
    # (a file it deletes or renames away counts too: W-CHK-006 names the ledger it took away by that path)
    files = {(root / rel).resolve() for _status, path, new in changes for rel in (path, new) if rel}
    return files | (uncommitted or Uncommitted(records)).files(root), {}


# What roles_of reads: the policy's administrators, the units' reviewers, the cadres' Git accounts
# and the archived periods (archive/<period>.yaml, not the exports beside them).  Only these are
# taken from `base`: a large university's other 12,000 record files, the ledgers above all, would
# be extracted and validated for nothing (≈12 s a pull request).
ROLE_PATHS = ("policy.yaml", "units.yaml", "cadres", "archive/")


def records_at(repo: Path, rev: str, records_rel: str, into: Path) -> Path | None:
    """Extract the files of the records folder that the roles are read from (ROLE_PATHS), as they are
    at `rev`, into `into`; None when the records folder is not there (an empty folder when it is
    there without them: then nobody has a role)."""
    top = records_rel.strip("/") if records_rel not in ("", ".") else ""
    prefix = f"{top}/" if top else ""
    if git(repo, "rev-parse", "--verify", "-q", f"{rev}^{{commit}}:{top}")[0] != 0:
        return None
    rc, listed, _ = git(repo, "ls-tree", "-z", rev, "--", *(prefix + p for p in ROLE_PATHS))
    if rc != 0:
        return None
    folder = into / top
    folder.mkdir(parents=True, exist_ok=True)
    present = []
    for line in filter(None, listed.split("\0")):
        info, path = line.split("\t", 1)  # "<mode> <type> <object>\t<path>"
        if not path.startswith(prefix + "archive/") or (info.split(" ")[1] == "blob" and path.endswith(".yaml")):
            present.append(path)
    if not present:
        return folder
    try:
        out = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", rev, "--", *present],
                             capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    with tarfile.open(fileobj=io.BytesIO(out.stdout)) as tar:
        safe = [m for m in tar.getmembers() if (m.isfile() or m.isdir()) and not m.name.startswith(("/", ".."))
                and ".." not in PurePosixPath(m.name).parts]
        tar.extractall(into, members=safe)
    return folder


def roles_at(repo: Path, rev: str, records_rel: str, today: dt.date | None = None) -> Roles | None:
    from generator import cache, forked
    from generator.pipeline import validate_records

    with tempfile.TemporaryDirectory(prefix="ownership-") as tmp:
        folder = records_at(repo, rev, records_rel, Path(tmp))
        if folder is None:
            return None
        rs, _ = validate_records(folder)
        forked.wait()  # (its cache, beside the records, may be being written: before the folder goes)
        cache.forget_answers()  # (else written there once the command ends, and the folder made again)
        roles = roles_of(rs, today or cli.clock_today(rs))
        for manifest in (folder / "archive").glob("*.yaml"):  # one that does not parse freezes its period too
            roles.archived.setdefault(manifest.stem, "")
        return roles


def cmd_ownership(args) -> int:
    for which in ("base", "head"):  # (empty: an unset CI variable; "-…": an option to git)
        value = getattr(args, which)
        if not value.strip() or value.startswith("-"):
            sys.stderr.write(MSG["bad_rev"][args.lang].format(which=which, value=value) + "\n")
            return cli.EXIT_USAGE
    # The records folder as named, its own links not followed: a pull request that makes `records`
    # a link to another folder must not move where the roles are read from.
    if args.records is None:
        args.records = cli.default_records()
    given = Path(args.records)
    here = Path(os.path.realpath(os.path.abspath(given.parent))) / given.name if given.name else Path.cwd()
    root = repo_root(here if here.is_dir() and not here.is_symlink() else here.parent)
    if root is None:
        sys.stderr.write(MSG["git"][args.lang].format(detail="not a Git repository") + "\n")
        return cli.EXIT_USAGE
    try:
        records_rel = here.relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        sys.stderr.write(MSG["records_outside"][args.lang].format(path=args.records) + "\n")
        return cli.EXIT_USAGE
    changes, err = changed_files(root, args.base, args.head)
    if err:  # (in the user's words: an unknown revision named, several merge bases said as such)
        unknown = err.removeprefix("unknown revision: ") if err.startswith("unknown revision: ") else None
        detail = NOT_READ["unknown"][args.lang == "en"].format(base=unknown) if unknown is not None else \
            BASES_SAID[args.lang] if err == SEVERAL_BASES else None
        if detail is None:  # (git failed on what the revisions hold: said in the user's words, git's on a line apart)
            key, said = _git_failed(err)
            detail = NOT_READ[key][args.lang == "en"].format(base=args.base) + "\n" + GIT_SAID[args.lang].format(detail=said)
        sys.stderr.write(MSG["git"][args.lang].format(detail=detail) + "\n")
        return cli.EXIT_USAGE
    # the roles are the base's, always; a base with no records folder gives nobody a role
    roles = roles_at(root, args.base, records_rel, args.today) or Roles()
    found = check_changes(changes, args.actor, roles, records_rel)
    code = cli.emit(found, args, files=len(changes))
    if not found and args.format == "text":
        sys.stdout.write(F.counted(MSG["ok"][args.lang], actor=args.actor, n=len(changes),
                                   roles=roles.describe(args.actor, args.lang)) + "\n")
    return code


def register(sub) -> None:
    p = sub.add_parser("ownership", help=say("拉取请求的修改权限检查", "may this actor change these files? (pull requests)"))
    cli.common(p)
    p.add_argument("--base", required=True, help=say("基准提交，如 origin/main", "base revision, e.g. origin/main"))
    p.add_argument("--head", required=True, help=say("拉取请求的提交", "head revision"))
    p.add_argument("--actor", required=True, help=say("提交者的 Git 账号", "the author's Git account"))
    cli.add_today(p, "以哪一天为“今天”（已撤销的单位不再审核）", "as-of date (a unit ended by then reviews no more)")
    p.set_defaults(func=cmd_ownership)
