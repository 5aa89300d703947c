"""A university putting its own records in place of the demo's, as the guide tells an administrator
(site/guide/admin.md, 第一次使用：换下演示数据), in a real clone of this repository."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from gitrepo import CALENDAR, assignments, base, write

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "site" / "guide" / "admin.md").read_text(encoding="utf-8")


def _sh(repo: Path, line: str, home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="学工部", GIT_AUTHOR_EMAIL="xgb@example.edu",
               GIT_COMMITTER_NAME="学工部", GIT_COMMITTER_EMAIL="xgb@example.edu",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(["bash", "-c", line], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, (line, done.stdout, done.stderr)


def _blocks() -> list[str]:
    """The shell blocks of the guide's section 第一次使用：换下演示数据: putting the records in, merging a later version."""
    section = GUIDE.split("## 第一次使用：换下演示数据", 1)[1].split("\n## ", 1)[0]
    return [part.split("```", 1)[0] for part in section.split("```sh")[1:]]


def _own_clone(tmp_path: Path, own: dict | None = None, then=None) -> tuple[Path, dict]:
    """A clone of this repository with a university's own records (`own`, {path: text}; gitrepo.base()'s when
    not given) put in by the guide's first block, line by line; `then(repo)`, when given, is what the administrator
    does to the records after putting hers in, before the block's validate."""
    repo = tmp_path / "ledger"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(repo)], check=True,
                   env={**os.environ, "HOME": str(tmp_path)})
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "-B", "main"], check=True)
    own = own or base()
    put = False
    for line in _blocks()[0].splitlines():
        command = line.split("  #", 1)[0].strip()
        if line.startswith("#") and "records/" in line:
            write(repo, own)  # the administrator puts her records in
            if then:
                then(repo)
            put = True
        elif command:
            _sh(repo, command, tmp_path)
    assert put, "the guide's block says where the university's records go in"
    return repo, own


def test_the_guide_leaves_a_new_university_the_demos_whole_policy_and_calendar_to_make_its_own(tmp_path):
    """The guide's block removed the whole of records/ and sent the administrator to README's layout, whose
    policy.yaml is an excerpt: written from it, validate told eight required fields missing (administrators,
    privacy, six word lists) with hints like 请在这里加上一行“privacy: …”, nothing saying what to write; nor is
    a policy or a calendar in any list to import.  Now the block keeps the demo's policy.yaml and calendar.yaml
    and the guide names the fields to make the university's own: a university whose units are not the demo's (no
    xgb or zzb), changing only the fields the guide names, runs every line of the block (validate, codeowners)
    with exit 0, and none of the demo's names is left in its policy."""
    section = GUIDE.split("## 第一次使用：换下演示数据", 1)[1].split("\n## ", 1)[0]
    told = section.split("`records/policy.yaml`：", 1)[1].split("\n- ", 1)[0]
    admin = {"name": "陈晓燕", "unit": "xsc", "git": "chen-xy"}
    ours = {"name": "东海海洋大学", "short_name": "海大", "policy_title": "东海海洋大学中层领导干部深入基层联系学生工作实施办法",
            "policy_number": "海大党字〔2021〕5号"}
    targets = ["计算机学院党委", "机械学院党委", "学生处", "后勤保障处"]
    for field in [*ours, "administrators", "escalation_targets", "student_number_patterns"]:
        assert f"`{field}`" in told, f"the guide names {field} among the policy's fields to change"
    assert "删去第一行" in told and "calendar.yaml" in section
    kept = {}

    def make_it_ours(repo: Path) -> None:
        policy = repo / "records" / "policy.yaml"
        assert policy.is_file() and (repo / "records" / "calendar.yaml").is_file(), \
            "the guide leaves the administrator a whole policy and calendar to edit, not README's excerpt"
        text = policy.read_text(encoding="utf-8")
        kept["demo"] = text
        assert text.startswith("#")  # (the demo's note, which the guide says to delete)
        data = yaml.safe_load(text)
        data["institution"].update(ours)
        data["administrators"] = [admin]
        data["vocabularies"]["escalation_targets"] = targets
        data["privacy"]["student_number_patterns"] = ["2[0-9]{9}"]
        policy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        (repo / "records" / "calendar.yaml").write_text(CALENDAR, encoding="utf-8")

    own = {path: text for path, text in base().items() if path not in ("records/policy.yaml", "records/calendar.yaml")}
    own["records/units.yaml"] = ("units:\n  - {id: cs, name: 计算机学院, type: 学院, reviewers: [cs-reviewer]}\n"
                                 "  - {id: me, name: 机械学院, type: 学院, reviewers: [me-reviewer]}\n"
                                 "  - {id: xsc, name: 学生处, type: 部门, reviewers: [chen-xy]}\n")
    repo, _ = _own_clone(tmp_path, own, make_it_ours)  # (each line of the block exits 0: validate, codeowners)
    assert "示例大学" in kept["demo"] and "xgb" in kept["demo"]
    policy = (repo / "records" / "policy.yaml").read_text(encoding="utf-8")
    assert "示例" not in policy and "示大" not in policy and "xgb" not in policy and "zzb" not in policy
    assert "* @chen-xy\n" in (repo / "CODEOWNERS").read_text(encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "generator", "check", "--today", "2026-12-10", "--format", "json"],
                         cwd=repo, capture_output=True, text=True)
    assert [f for f in json.loads(out.stdout)["findings"] if f["severity"] == "error"] == []


def test_a_university_starting_in_the_middle_of_a_cycle_is_told_how_to_be_asked_for_no_ledger_before(tmp_path):
    """Walked as a university adopting the program in December 2026, in its cycle 2025-2027's second year: the
    guide said nothing of it, and an assignments file written from the cycle's own start (2025-09-01) made `check`
    tell every cadre's 2025-H2 and 2026-H1 ledgers missing (W-CHK-006) and the 2025-2026 semesters short of
    contacts (W-CHK-004) — on the new site's home page from its first day.  The guide now says to start the cycle
    file and its rows on the first day of use; its records put in by the guide's block so, `check` as of
    2026-12-04 asks nothing before that day; from the cycle's own start, the findings the guide says."""
    section = GUIDE.split("## 第一次使用：换下演示数据", 1)[1].split("\n## ", 1)[0]
    told = section.split("**在一个安排周期的中途开始使用**", 1)[1].split("\n\n", 1)[0]
    first_day, own_start = re.findall(r"`(20[0-9]{2}-[0-9]{2}-[0-9]{2})`", told)[:2]
    assert (first_day, own_start) == ("2026-09-01", "2025-09-01") and "W-CHK-006" in told and "W-CHK-004" in told

    def findings(start: str, name: str) -> set:
        own = base()
        own["records/assignments/2025-2027.yaml"] = assignments(
            "2025-2027", start, "2027-08-31", {"cadre": "zhang-wei", "class": "cs-2025-01", "start": start},
            {"cadre": "li-na", "class": "me-2025-01", "start": start})
        (tmp_path / name).mkdir()
        repo, _ = _own_clone(tmp_path / name, own)
        out = subprocess.run([sys.executable, "-m", "generator", "check", "--today", "2026-12-04", "--format", "json"],
                             cwd=repo, capture_output=True, text=True)
        return {(f["code"], f["file"]) for f in json.loads(out.stdout)["findings"]}

    assert findings(first_day, "from-first-day") == set()
    before = findings(own_start, "from-cycle-start")
    assert {("W-CHK-006", f"records/ledgers/{p}/{c}.yaml") for p in ("2025-H2", "2026-H1") for c in ("zhang-wei", "li-na")} \
        <= before and "W-CHK-004" in {code for code, _ in before}, before


def test_a_policy_or_calendar_missing_is_told_to_start_from_the_demos_as_the_guide_shows(tmp_path):
    """An administrator who removed records/ whole (as the guide's block said before) and put in her imported lists
    was told of policy.yaml and calendar.yaml 请按 README 的“记录目录”一节补上这个文件 — README's excerpt, from which
    a policy lacks eight required fields.  Now validate names the guide's section whose block keeps the demo's two
    files to edit, and for units.yaml the import of the list of units (the import's own E-REF-009 too)."""
    records = tmp_path / "records"
    write(tmp_path, {path: text for path, text in base().items()
                     if path not in ("records/policy.yaml", "records/calendar.yaml", "records/units.yaml")})
    hints = {}
    for lang in ("zh", "en"):
        out = subprocess.run([sys.executable, "-m", "generator", "--lang", lang, "validate", "--records", str(records),
                              "--format", "json"], cwd=ROOT, capture_output=True, text=True)
        hints[lang] = {Path(f["file"]).name: f["hint"] for f in json.loads(out.stdout) if f["code"] == "E-REF-009"}
    assert sorted(hints["zh"]) == sorted(hints["en"]) == ["calendar.yaml", "policy.yaml", "units.yaml"], hints
    sections = {line[3:].split(" {", 1)[0] for line in GUIDE.splitlines() if line.startswith("## ")}
    for name in ("policy.yaml", "calendar.yaml"):
        said = re.search(r"使用指南 → 管理员：年复一年的变动 → (第一次使用：[^。，；]+)", hints["zh"][name])
        assert said and said[1] in sections and f"demo's {name}" in hints["en"][name], hints
        assert said[0] in hints["en"][name], hints  # (the site's menu as it reads, English or not)
        assert f"records/{name}" in _blocks()[0].split("# 把本校的记录放进", 1)[0], "the section's block keeps it"
    said = re.search(r"使用指南 → 管理员：年复一年的变动 → (第一次使用：[^。，；]+)", hints["zh"]["units.yaml"])
    assert said and said[1] in sections and "import units" in hints["zh"]["units.yaml"], hints
    (tmp_path / "班级名单.csv").write_text("班级名称,学院,专业,年级,人数\n计算机2601班,计算机学院,计算机科学与技术,2026,30\n",
                                         encoding="utf-8")
    imported = subprocess.run([sys.executable, "-m", "generator", "import", "classes", str(tmp_path / "班级名单.csv"),
                               "--records", str(records)], cwd=ROOT, capture_output=True, text=True)
    assert "import units" in imported.stdout, imported.stdout  # (the import's E-REF-009, under E-FLOW-006)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


def test_the_guides_way_to_put_a_universitys_own_records_in_leaves_none_of_the_demos_history_to_check(tmp_path):
    """Replacing records/ in a clone and committing (README's words before) left the demo's Git history under
    the university's records: `check` told each of the demo's assignments as deleted (W-CHK-019, 189 of them,
    each hint asking to restore the demo's file) and its calendar's years as removed (W-CHK-016).  The guide's
    commands, run line by line in a clone, leave a check of the university's own records alone."""
    repo, own = _own_clone(tmp_path)
    assert sorted(p.relative_to(repo).as_posix() for p in (repo / "records").rglob("*.yaml")) == sorted(own)
    first_parent = _git(repo, "log", "--first-parent", "--format=%s").split("\n")
    assert first_parent[:2] == ["接上程序的历史", "本校的记录"]
    assert subprocess.run(["git", "-C", str(repo), "merge-base", "--is-ancestor", "HEAD^2", "HEAD"]).returncode == 0
    out = subprocess.run([sys.executable, "-m", "generator", "check", "--today", "2026-12-10", "--format", "json"],
                         cwd=repo, capture_output=True, text=True)
    findings = json.loads(out.stdout)["findings"]
    about_the_demo = [f for f in findings if f["code"] in ("W-CHK-019", "W-CHK-016", "W-CHK-015")
                      or "ledgers/20" in (f["file"] or "") and f["file"].split("/")[-1][:-5] not in ("zhang-wei", "li-na")]
    assert about_the_demo == [], about_the_demo[:3]


def test_the_guides_way_to_merge_a_later_version_of_the_program_keeps_the_records_and_writes_codeowners_for_them(
        tmp_path):
    """The guide restored records/ alone after `git merge --no-commit`: CODEOWNERS, generated from the records,
    is the demo's in every version of the program and the university's in its own, so the merge stopped on it
    and the guide's `git commit` failed (unmerged files).  A later version that changes the demo's records and
    what CODEOWNERS holds (a line for /scripts/), merged by the guide's second block line by line: the
    university's records as they were, its CODEOWNERS written by the new program for its records, current."""
    repo, own = _own_clone(tmp_path)
    ours = _git(repo, "rev-parse", "HEAD:records")
    # the program's next version, on the program's history (the merge's second parent)
    _git(repo, "checkout", "-q", "-b", "program", "HEAD^2")
    program = repo / "generator" / "codeowners.py"
    text = program.read_text(encoding="utf-8")
    assert text.count('"/.github/ " + admins,') == 1
    program.write_text(text.replace('"/.github/ " + admins,', '"/.github/ " + admins, "/scripts/ " + admins,'),
                       encoding="utf-8")
    owners = (repo / "CODEOWNERS").read_text(encoding="utf-8")
    github = next(line for line in owners.splitlines() if line.startswith("/.github/ "))
    (repo / "CODEOWNERS").write_text(owners.replace(github + "\n", f"{github}\n/scripts/{github[len('/.github/'):]}\n"),
                                     encoding="utf-8")
    units = repo / "records" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "# 示例大学的单位\n", encoding="utf-8")
    _git(repo, "-c", "user.name=程序", "-c", "user.email=p@example.org", "commit", "-q", "-am", "程序的新版本")
    _git(repo, "checkout", "-q", "main")
    block = _blocks()[1]
    for line in block.splitlines():
        command = line.split("  #", 1)[0].strip().replace("<新版本>", "program")
        if command.startswith("git merge"):  # (a conflict is told with exit 1: the guide goes on)
            subprocess.run(["bash", "-c", command], cwd=repo, capture_output=True)
            assert "CODEOWNERS" in _git(repo, "diff", "--name-only", "--diff-filter=U").split(), "a conflict to resolve"
        elif command:
            _sh(repo, command, tmp_path)
    assert _git(repo, "rev-parse", "HEAD^2").strip() == _git(repo, "rev-parse", "program").strip()
    assert _git(repo, "rev-parse", "HEAD:records") == ours and _git(repo, "status", "--porcelain") == ""
    assert "/scripts/ @wang-admin\n" in (repo / "CODEOWNERS").read_text(encoding="utf-8")
    fresh = subprocess.run([sys.executable, "-m", "generator", "codeowners", "--check"], cwd=repo,
                           capture_output=True, text=True)
    assert fresh.returncode == 0, (fresh.stdout, fresh.stderr)


def test_the_home_page_cites_the_policy_the_university_wrote_in_its_policy_yaml(tmp_path):
    """The home page said 本站依据《<学校>中层领导干部深入基层联系学生工作实施方案》 whatever the policy said: a
    university whose document is a 实施办法 (试行, with its 文号), written in policy.yaml's institution.policy_title and
    policy_number as the guide tells, saw a document it never issued cited, and the two fields used nowhere.  A real
    mkdocs build of records whose policy names its own: the home page cites it, with its number; a policy naming
    none (both are optional) keeps the usual title."""
    from site_build import fixture_repo, mkdocs_build

    title, number = "东海海洋大学中层领导干部联系学生工作实施办法（试行）", "海大党字〔2021〕5号"

    def cited(policy_title: str | None, policy_number: str | None, name: str) -> str:
        def mutate(records: Path) -> None:
            path = records / "policy.yaml"
            text = path.read_text(encoding="utf-8")
            for key, value in (("policy_title", policy_title), ("policy_number", policy_number)):
                line = re.search(rf"^  {key}: .*\n", text, re.M)[0]
                text = text.replace(line, f"  {key}: {value}\n" if value else "")
            path.write_text(text.replace("name: 示例大学", "name: 东海海洋大学"), encoding="utf-8")
        built = mkdocs_build(fixture_repo(tmp_path / name, mutate), tmp_path / name, "2026-03-25")
        page = (built.public / "index.html").read_text(encoding="utf-8")
        return re.sub(r"<[^>]+>", "", page.split("本站依据", 1)[1].split("汇总工作安排表", 1)[0])

    assert cited(title, number, "own") == f"《{title}》（{number}），"
    assert cited(None, None, "none") == "《东海海洋大学中层领导干部深入基层联系学生工作实施方案》，"
    # (the title written with its 书名号 and the number in brackets, as a document is cited: cited once, not 《《…》》（（…））)
    assert cited(f"'《{title}》'", f"'（{number}）'", "marks") == f"《{title}》（{number}），"


def test_a_new_university_is_told_to_put_its_own_teaching_buildings_in_place_of_the_demos(tmp_path):
    """The demo's policy.yaml lists 示例大学's own teaching buildings (明德楼, 博学楼) in privacy.teaching_buildings, and
    a room right after a listed building, before 同学, is no dormitory's: the guide named the fields to make the
    university's own and not this one, so a university that kept the demo's list as the guide said — its 明德楼 a
    dormitory — had 明德楼302室同学反映 pass validate (a student's room on the public site), and its own teaching
    buildings' rooms were told.  The guide now names teaching_buildings and the demo's own names in it; a university
    changing what the guide says (the demo's own names out, its own in, the general ones kept) is told of its
    dormitory's room and not of a class in its own building or its library."""
    section = GUIDE.split("## 第一次使用：换下演示数据", 1)[1].split("\n## ", 1)[0]
    told = section.split("`records/policy.yaml`：", 1)[1].split("\n- ", 1)[0]
    clause = told.split("`teaching_buildings`", 1)[1].split("；", 1)[0] if "`teaching_buildings`" in told else ""
    taken = re.split("[（(]", clause.split("删去", 1)[1], maxsplit=1)[0] if "删去" in clause else ""  # (the names it says to take out)
    records = tmp_path / "records"
    shutil.copytree(ROOT / "records", records)
    policy = records / "policy.yaml"
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    demo = data["privacy"]["teaching_buildings"]
    # (what the guide says to take out: the demo's own names it names; the university's own added)
    data["privacy"]["teaching_buildings"] = [n for n in demo if n not in taken] + ["求是楼"]
    policy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    said = ["明德楼302室同学反映热水供应不足", "求是楼302室同学反映自习座位不足", "图书馆302室同学反映开放时间短"]
    ledger = next((records / "ledgers" / "2026-H1").glob("*.yaml"))
    text = ledger.read_text(encoding="utf-8")
    first = re.search(r"(?m)^    summary: (.*)$", text)
    ledger.write_text(text[:first.start(1)] + "；".join(said) + "。" + text[first.end(1):], encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "generator", "validate", "--records", str(records), "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True, env={**os.environ, "CONTACT_LEDGER_CACHE": "0"})
    assert out.returncode in (0, 1) and "Traceback" not in out.stderr, out.stderr
    line = text.count("\n", 0, first.start(1)) + 1
    rooms = [f["column"] - first.start(1) + text.rfind("\n", 0, first.start(1)) for f in json.loads(out.stdout)
             if f["code"] == "E-PRIV-001" and f["line"] == line]
    assert "明德楼" in demo and "博学楼" in demo
    assert rooms == [len("明德楼")], (taken, rooms)  # (only the dormitory's room, right after 明德楼)


def test_the_guides_on_a_universitys_site_name_its_site_not_the_demos(tmp_path):
    """A university's own site (滨江理工大学's records, a real mkdocs build) showed its name in every title, yet its
    使用指南 told its cadres that the web form's page says 本站的名称（如“示例大学联系学生工作台账”）and that the home
    page's title 示例大学联系学生工作台账 wraps as 示例大学联系学生 over 工作台账: the demo's name, on a site of a
    university that never was 示例大学.  The guide pages give the site's own name there (its title, as the home
    page's); what they say of the demo's records (admin.md's 换下演示数据) is left as it is."""
    from site_build import fixture_repo, mkdocs_build

    def mutate(records: Path) -> None:
        path = records / "policy.yaml"
        text = path.read_text(encoding="utf-8")
        assert "name: 示例大学" in text
        path.write_text(text.replace("name: 示例大学", "name: 滨江理工大学"), encoding="utf-8")

    built = mkdocs_build(fixture_repo(tmp_path, mutate), tmp_path, "2026-03-25")

    def text(rel: str) -> str:
        page = (built.public / rel).read_text(encoding="utf-8")
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page.split('<article', 1)[1].split("</article>", 1)[0]))

    form, site, admin = text("guide/web-form.html"), text("guide/site.html"), text("guide/admin.html")
    assert "本站的名称（如“滨江理工大学联系学生工作台账”，与网站首页相同）" in form, form[:2000]
    assert "“填报工作台账 - 滨江理工大学联系学生工作台账”" in form
    assert "首页的“滨江理工大学联系学生工作台账”排成“滨江理工大学联系学生”和“工作台账”两行" in site
    assert "示例大学联系学生" not in form + site
    assert "克隆下来的仓库中，records/ 是虚构的示例大学" in admin  # (the demo's records, told as the demo's)
