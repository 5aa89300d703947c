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


@contextlib.contextmanager
def _trial(clone: Path, tmp_path: Path, api_port: int, *args, **popen):
    """The real `cms-trial` of `clone` on 2026-12-04, decap-server on `api_port`, its temporary folder in `tmp_path`,
    its output (stdout and stderr) read as text; killed at the end, should it still run."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "cms-trial", "--repo", str(clone), "--port",
                             str(free_port()), "--api-port", str(api_port), "--today", "2026-12-04", *args],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **popen)
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
