"""`cms-trial` stopped by Ctrl-C (SIGINT) or `kill` (SIGTERM) at any moment — while it copies the repository,
while it builds the site, while decap-server starts, the moment it says it is ready, or later — stops every program
it started and its scratch copy, says so, and exits 2 before it was ready (it could not run), 0 after
(site/guide/web-form.md): the real command on a university's clone, its children read from /proc.  decap-server
stopping by itself after it was ready (a crash) is said, with its log's tail, the copy kept, exit 2.  A Ctrl-C at the
terminal reaches its children too (the whole foreground process group): the same end.

Its handler of SIGTERM was set only after it printed that it was ready, so a `kill` before (or just as it said so)
killed the command alone: a site build or decap-server left running, the scratch copy left in the temporary folder,
the command dead of SIGTERM (-15) with no word."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cms_trial import free_port
from test_own_records_form import OWN
from test_own_records import _own_clone

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not (ROOT / "node_modules" / "decap-server").is_dir(),
                                reason="needs node_modules: run `make test` (it runs npm ci) or `npm ci`")


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """北方农林大学's clone (a few records: its site builds in seconds)."""
    return _own_clone(tmp_path_factory.mktemp("own"), OWN)[0]


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            for child in Path(f"/proc/{pid}/task/{task}/children").read_text().split():
                found |= {int(child)} | _children(int(child))
    except OSError:
        pass
    return found


def _argv(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _started(clone: Path, tmp_path: Path, *args: str, **popen) -> subprocess.Popen:
    """The real `cms-trial` of `clone` on 2026-12-04 with `args`, its temporary folder in `tmp_path`, its output
    (stdout and stderr) read as text."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "TMPDIR": str(tmp_path)}
    return subprocess.Popen([sys.executable, "-m", "generator", "cms-trial", "--repo", str(clone), *args,
                             "--today", "2026-12-04"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, **popen)


@contextlib.contextmanager
def _trial(clone: Path, tmp_path: Path, api_port: int, *args, **popen):
    """The real `cms-trial` of `clone` on 2026-12-04, decap-server on `api_port`, its temporary folder in `tmp_path`,
    its output (stdout and stderr) read as text; killed at the end, should it still run."""
    proc = _started(clone, tmp_path, "--port", str(free_port()), "--api-port", str(api_port), *args, **popen)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _left(seen: set[int]) -> list[str]:
    """The programs of `seen` still running (killed then: this test's strays, should there be any)."""
    left = [" ".join(_argv(pid)) for pid in seen if _running(pid)]
    for pid in seen:
        if _running(pid):
            os.kill(pid, signal.SIGKILL)
    return left


# a moment of the trial: the child that runs then
MOMENTS = {"clone": lambda argv: argv[1:2] == ["clone"],
           "site build": lambda argv: argv[1:3] == ["-m", "mkdocs"],
           "decap-server starting": lambda argv: "decap-server" in " ".join(argv[1:2])}



def _at(proc: subprocess.Popen, moment: str) -> set[int]:
    """The programs the trial `proc` has started, once it is at `moment` (MOMENTS: its child then runs)."""
    seen: set[int] = set()
    end = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < end:
        now = _children(proc.pid)
        seen |= now
        if any(MOMENTS[moment](_argv(pid)) for pid in now):
            break
        time.sleep(0.005)
    assert proc.poll() is None, f"the trial ended before its {moment}: {proc.stdout.read()}"
    return seen


@pytest.mark.parametrize("moment, signum", [("clone", signal.SIGTERM), ("site build", signal.SIGTERM),
                                            ("decap-server starting", signal.SIGTERM), ("site build", signal.SIGINT),
                                            ("ready", signal.SIGTERM), ("ready", signal.SIGINT)])
def test_the_trial_stopped_at_any_moment_stops_its_children_says_so_and_exits_with_its_code(clone, tmp_path, moment,
                                                                                           signum):
    seen: set[int] = set()
    with _trial(clone, tmp_path, free_port(), *(["--no-site"] if moment == "ready" else [])) as proc:
        if moment == "ready":
            for line in proc.stdout:
                if "按 Ctrl-C 结束" in line:
                    break
            seen |= _children(proc.pid)
        else:
            seen |= _at(proc, moment)
        assert seen, "the trial started no program"
        proc.send_signal(signum)
        out = proc.communicate(timeout=120)[0]
    assert _left(seen) == []
    assert "Traceback" not in out, out
    assert [p.name for p in tmp_path.glob("cms-trial-*")] == []
    if moment == "ready":
        assert proc.returncode == 0, out
        assert "网页表单试用已结束：decap-server 和网站已停止，试用副本已删除。" in out, out
    else:
        assert proc.returncode == 2, out
        assert "网页表单试用在就绪之前被中止：已启动的程序（复制、网站构建、decap-server）都已停止，试用副本已删除。" in out, out


def test_a_trial_whose_port_is_taken_says_so_and_leaves_nothing_running(clone, tmp_path):
    """`cms-trial --port P` with P taken (another trial, `make serve`) said 内部错误（程序的问题…）：OSError: [Errno 98]
    Address already in use, after its decap-server had started (left running until 5c923da).  Now it says the port is
    taken and what to do, exits 2, and stops decap-server and deletes its copy."""
    import socket

    from generator.cms_trial import free_port

    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "TMPDIR": str(tmp_path)}
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        proc = subprocess.Popen([sys.executable, "-m", "generator", "cms-trial", "--repo", str(clone), "--port", str(port),
                                 "--api-port", str(free_port()), "--no-site", "--today", "2026-12-04"],
                                cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        seen: set[int] = set()
        while proc.poll() is None:
            seen |= _children(proc.pid)
            time.sleep(0.01)
        out = proc.communicate()[0]
    left = [" ".join(_argv(pid)) for pid in seen if _running(pid)]
    for pid in seen:
        if _running(pid):
            os.kill(pid, signal.SIGKILL)
    assert proc.returncode == 2 and left == [], (out, left)
    assert f"网站的端口 {port} 用不了" in out and "--port" in out and "内部错误" not in out, out
    assert [p.name for p in tmp_path.glob("cms-trial-*")] == []

def test_decap_server_stopping_by_itself_is_said_with_its_log_and_the_copy_kept(clone, tmp_path):
    # (decap-server dead after the trial said it was ready — here of its own fault: a save moving a file onto a folder
    # rejects a promise nobody awaits, and node ends — was told 网页表单试用已结束：decap-server 和网站已停止，试用副本已删除。
    # with exit 0, the copy deleted with the log that said why: a crash read as a normal end, the cause lost)
    import json
    import shutil
    import urllib.error
    import urllib.request

    api_port = free_port()
    with _trial(clone, tmp_path, api_port, "--no-site") as proc:
        for line in proc.stdout:
            if "按 Ctrl-C 结束" in line:
                break
        seen = _children(proc.pid)
        branch = subprocess.run(["git", "-C", str(clone), "branch", "--show-current"], capture_output=True,
                                text=True).stdout.strip()
        save = {"action": "persistEntry", "params": {
            "branch": branch, "entry": {"slug": "x", "path": "records/x.yaml", "raw": "a: 1\n", "newPath": "records"},
            "assets": [], "options": {"commitMessage": "m", "useWorkflow": False, "status": "draft"}}}
        try:
            urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{api_port}/api/v1",
                                                          data=json.dumps(save).encode(),
                                                          headers={"Content-Type": "application/json"}), timeout=10)
        except (urllib.error.URLError, OSError):
            pass  # (decap-server may die before it answers)
        out = proc.communicate(timeout=60)[0]
    assert _left(seen) == []
    assert "Traceback" not in out and "网页表单试用已结束" not in out, out
    assert proc.returncode == 2, out
    assert "decap-server 自己停止了（退出码 1），不是按 Ctrl-C 结束的" in out, out
    assert "ENOTEMPTY: directory not empty" in out, out  # (the log's tail: why it stopped)
    [kept] = tmp_path.glob("cms-trial-*")
    assert f"试用副本和日志保留在 {kept}" in out, out
    assert "ENOTEMPTY" in (kept / "decap-server.log").read_text()
    assert (kept / "repo" / ".git").is_dir() and not (kept / "site").exists(), list(kept.iterdir())
    shutil.rmtree(kept)


@pytest.mark.parametrize("moment", ["clone", "site build", "decap-server starting"])
def test_a_ctrl_c_at_the_terminal_reaching_the_trial_s_children_too_stops_it_as_a_ctrl_c(clone, tmp_path, moment):
    # (a Ctrl-C at the terminal is sent to the whole foreground process group — git, mkdocs and node get SIGINT with
    # the trial —, and the test above signals the trial's pid alone: here the trial leads its own session, as a shell
    # starts it, and SIGINT goes to the group (os.killpg) while it copies the repository and while it builds the site)
    seen: set[int] = set()
    with _trial(clone, tmp_path, free_port(), start_new_session=True) as proc:
        seen |= _at(proc, moment)
        os.killpg(proc.pid, signal.SIGINT)
        out = proc.communicate(timeout=120)[0]
    assert _left(seen) == []
    assert "Traceback" not in out and "内部错误" not in out, out
    assert proc.returncode == 2, out
    assert "网页表单试用在就绪之前被中止：已启动的程序（复制、网站构建、decap-server）都已停止，试用副本已删除。" in out, out
    assert [p.name for p in tmp_path.glob("cms-trial-*")] == []


def _ended(proc: subprocess.Popen, tmp_path: Path) -> tuple[str, list[str], list[str], float]:
    """Waits for the trial to end (stopped by SIGTERM after 300 s): its output, every child seen, every copy seen,
    how long it took; it exited 2 (it could not run)."""
    seen: dict[int, str] = {}
    copies: set[str] = set()
    began = time.monotonic()
    while proc.poll() is None:
        seen |= {pid: seen.get(pid) or " ".join(_argv(pid))[:80] for pid in _children(proc.pid)}
        copies |= {p.name for p in tmp_path.glob("cms-trial-*")}
        if time.monotonic() - began > 300:
            proc.send_signal(signal.SIGTERM)
            break
        time.sleep(0.01)
    out = proc.communicate(timeout=120)[0]
    took = time.monotonic() - began
    for pid in seen:  # (this test's strays, should there be any)
        if _running(pid):
            os.kill(pid, signal.SIGKILL)
    assert proc.returncode == 2, out
    return out, sorted(seen.values()), sorted(copies), took


@pytest.mark.parametrize("which", ["site", "api"])
def test_a_port_taken_is_told_before_the_trial_copies_or_builds_anything(clone, tmp_path, which):
    """The site's port taken (make serve beside it) was found only after the scratch clone, validate, the whole site
    build (minutes at 12,000 ledgers) and decap-server's start; decap-server's port taken (another trial beside it)
    ended in `decap-server 没有启动：…EADDRINUSE`.  Now either is told at once — no clone, no build, no decap-server
    started, no copy made — with the option that chooses another port, and the command exits 2."""
    import socket

    from generator.cms_trial import free_port

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        taken = held.getsockname()[1]
        ports = ["--port", str(taken), "--api-port", str(free_port())] if which == "site" else \
            ["--port", str(free_port()), "--api-port", str(taken)]
        out, seen, copies, took = _ended(_started(clone, tmp_path, *ports), tmp_path)
    told = {"site": f"网站的端口 {taken} 用不了（Address already in use）：多半是 make serve 或另一个试用正在用它；"
                    "结束它，或加 --port 另选一个端口，如 --port ",
            "api": f"decap-server 的端口 {taken} 用不了（Address already in use）：多半是另一个试用（它的 decap-server）"
                   "正在用它；结束它，或加 --api-port 另选一个端口，如 --api-port "}[which]
    assert seen == [] and copies == [], (seen, copies, out)
    assert told in out and "内部错误" not in out and "Traceback" not in out, out
    assert took < 30, took  # (the site build alone is longer at 12,000 ledgers)


def test_a_trial_beside_another_running_trial_is_told_which_port_is_taken(clone, tmp_path):
    """A second trial beside a running one: its decap-server could not listen on the first's port (and said
    `decap-server 没有启动：…EADDRINUSE`), or the first's decap-server answered its probe and it said it was ready
    with a form saving into the first trial's copy.  Now each port is told, the first trial runs on untouched."""
    from generator.cms_trial import free_port

    first_ports = [free_port(), free_port()]
    (tmp_path / "first").mkdir()
    first = _started(clone, tmp_path / "first", "--port", str(first_ports[0]), "--api-port", str(first_ports[1]),
                   "--no-site")
    try:
        for line in first.stdout:
            if "按 Ctrl-C 结束" in line:
                break
        assert first.poll() is None, first.stdout.read()
        second = tmp_path / "second"
        second.mkdir()
        for ports, told in [((first_ports[0], free_port()), f"网站的端口 {first_ports[0]} 用不了"),
                            ((free_port(), first_ports[1]), f"decap-server 的端口 {first_ports[1]} 用不了")]:
            out, seen, copies, took = _ended(_started(clone, second, "--port", str(ports[0]), "--api-port", str(ports[1]),
                                                    "--no-site"), second)
            assert told in out and "另一个试用" in out and "就绪" not in out, out
            assert seen == [] and copies == [], (seen, copies, out)
        assert first.poll() is None
        import urllib.request
        with urllib.request.urlopen(f"http://127.0.0.1:{first_ports[0]}/admin/", timeout=10) as resp:
            assert resp.status == 200
    finally:
        first.send_signal(signal.SIGTERM)
        rest = first.communicate(timeout=120)[0]
    assert first.returncode == 0 and "网页表单试用已结束" in rest, rest


def test_a_port_not_allowed_is_told_as_not_allowed_not_as_taken(clone, tmp_path):
    """`--port 80` run by someone who may not use ports below 1024 was told 多半是另一个试用或 make serve 正在用它 (a
    PermissionError read as the port taken), after the clone and decap-server's start.  Now: no permission, choose a
    port above 1024, at once.  (Run as root, the command is run without the capability to use low ports.)"""
    import ctypes

    if os.geteuid() != 0 and int(Path("/proc/sys/net/ipv4/ip_unprivileged_port_start").read_text()) <= 80:
        pytest.skip("this machine lets anyone use port 80")

    def without_low_ports():  # (prctl PR_CAPBSET_DROP CAP_NET_BIND_SERVICE: gone from what it execs)
        if os.geteuid() == 0:
            ctypes.CDLL(None, use_errno=True).prctl(24, 10, 0, 0, 0)

    out, seen, copies, took = _ended(_started(clone, tmp_path, "--port", "80", "--no-site",
                                            preexec_fn=without_low_ports), tmp_path)
    assert ("网站的端口 80 用不了（Permission denied）：没有使用这个端口的权限（1024 以下的端口通常只有管理员能用）；"
            "加 --port 另选一个 1024 以上的端口，如 --port 8") in out and "另一个试用" not in out, out
    assert seen == [] and copies == [], (seen, copies, out)
