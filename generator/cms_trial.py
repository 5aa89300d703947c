"""Local trial of the web form: no account, no Git host, and the working tree is never touched.

    python -m generator cms-trial [--port 8000] [--api-port 8081] [--no-site] [--keep] [--today D]

1. clones the repository (its committed state) into a temporary folder — decap-server's
   git mode runs `git add .` in the repository it serves, so it must never see a real checkout;
2. builds the site from that clone (MkDocs) and writes the admin page into it, with
   `local_backend` pointing at decap-server; both as of --today (else the clock in the policy's time
   zone), which the page also takes for today when it checks an activity's date;
3. runs decap-server (MODE=git) against the clone and serves the site on 127.0.0.1.

Every "save" in the form becomes a commit on a branch `cms/ledgers-<period>/<cadre>` of the
clone (the editorial workflow's pull request); "publish" merges it into the clone's branch.
"""
from __future__ import annotations

import errno
import functools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.argwords import say
from generator.cms import ROOT, backend_config, write_admin

SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"

MSG = {
    "no_server": {
        "zh": "找不到 decap-server（{path}）：请先运行 `make admin` 或 `npm ci` 安装网页表单所需的 Node 程序包。",
        "en": "decap-server not found ({path}): run `make admin` or `npm ci` first.",
    },
    "no_node": {"zh": "找不到 node 命令：请安装 Node.js（Debian：apt-get install nodejs npm）。",
                "en": "node not found: install Node.js (Debian: apt-get install nodejs npm)."},
    "not_git": {"zh": "{path} 不是 Git 仓库，无法建立试用副本。", "en": "{path} is not a Git repository."},
    "site_failed": {"zh": "（网站构建失败，只提供填报表单：{error}）", "en": "(site build failed, serving the form only: {error})"},
    "server_failed": {"zh": "decap-server 没有启动：{log}", "en": "decap-server did not start: {log}"},
    "ready": {
        "zh": ("网页表单试用已就绪（不需要账号，不会改动当前工作目录）：\n"
               "  表单：{admin}\n  网站：{site}\n  试用副本（decap-server 写入这里）：{repo}\n"
               "每次“保存”都会在试用副本中生成一个分支 cms/…（即审核中的合并请求）。按 Ctrl-C 结束。"),
        "en": ("Web form trial ready (no account; the working tree is not touched):\n"
               "  form: {admin}\n  site: {site}\n  scratch clone (decap-server writes here): {repo}\n"
               "Each save becomes a branch cms/… in the clone (the editorial workflow's pull request). Ctrl-C stops."),
    },
    "kept": {"zh": "试用副本保留在 {repo}（查看：git -C {repo} log --all --oneline）",
             "en": "scratch clone kept at {repo} (see: git -C {repo} log --all --oneline)"},
    "stopped": {"zh": "网页表单试用已结束：decap-server 和网站已停止{removed}。",
                "en": "Web form trial ended: decap-server and the site stopped{removed_en}."},
    "stopped_early": {"zh": "网页表单试用在就绪之前被中止：已启动的程序（复制、网站构建、decap-server）都已停止，"
                            "试用副本已删除。",
                      "en": "Web form trial stopped before it was ready: what it had started (the clone, the site build, "
                            "decap-server) stopped, the scratch clone deleted."},
    "removed": {"zh": "，试用副本已删除", "en": ", the scratch clone deleted"},
    "server_died": {
        "zh": ("decap-server 自己停止了（{how}），不是按 Ctrl-C 结束的：表单已无法保存，试用到此结束，网站也已停止。"
               "decap-server 日志的最后几行：\n{tail}\n"
               "试用副本和日志保留在 {work}（日志：{log}；查看副本：git -C {repo} log --all --oneline），查看以后可以删除这个文件夹。"),
        "en": ("decap-server stopped by itself ({how_en}), not by Ctrl-C: the form can no longer save, so the trial ends and "
               "the site stopped. The last lines of decap-server's log:\n{tail}\n"
               "The scratch clone and the log are kept in {work} (log: {log}; the clone: git -C {repo} log --all --oneline); "
               "delete the folder once you have looked."),
    },
    "exited": {"zh": "退出码 {code}", "en": "exit code {code}"},
    "killed": {"zh": "被信号 {code} 终止", "en": "killed by signal {code}"},
    "empty_log": {"zh": "  （日志是空的）", "en": "  (the log is empty)"},
    # a port the trial cannot listen on, told before it copies anything ({what}, {who}, {option}: PORTS below)
    "port_taken": {"zh": "{what} {port} 用不了（{reason}）：多半是{who}正在用它；结束它，或加 {option} 另选一个端口，如 {option} {other}。",
                   "en": "{what} {port} cannot be used ({reason}): most likely {who} holds it; "
                         "stop it, or choose another with {option}, e.g. {option} {other}."},
    "port_denied": {"zh": "{what} {port} 用不了（{reason}）：没有使用这个端口的权限（1024 以下的端口通常只有管理员能用）；"
                          "加 {option} 另选一个 1024 以上的端口，如 {option} {other}。",
                    "en": "{what} {port} cannot be used ({reason}): no permission to use it (ports below 1024 are usually "
                          "for the administrator only); choose one above 1024 with {option}, e.g. {option} {other}."},
    "port_same": {"zh": "{what} {port} 也是网站的端口（--port）：两者要用不同的端口；加 {option} 另选一个，如 {option} {other}。",
                  "en": "{what} {port} is the site's port too (--port): the two need different ports; "
                        "choose another with {option}, e.g. {option} {other}."},
    "port_bad": {"zh": "{what} {port} 不是端口号：端口号是 1 到 65535 之间的数；加 {option} 另选一个，如 {option} {other}。",
                 "en": "{what} {port} is not a port: a port is a number from 1 to 65535; "
                       "choose another with {option}, e.g. {option} {other}."},
}

# the trial's two ports: its words in the messages above, and the port suggested first (the default's neighbour)
PORTS = {
    "site": {"what": {"zh": "网站的端口", "en": "the site's port"},
             "who": {"zh": " make serve 或另一个试用", "en": "make serve or another trial"},
             "option": "--port", "base": 8000},
    "api": {"what": {"zh": "decap-server 的端口", "en": "decap-server's port"},
            "who": {"zh": "另一个试用（它的 decap-server）", "en": "another trial (its decap-server)"},
            "option": "--api-port", "base": 8081},
}


class Stopped(Exception):
    """Ctrl-C or `kill` asked the trial to end while it started: raised where it waits, its children stopped."""


class _Asked:
    """Whether Ctrl-C (SIGINT) or `kill` (SIGTERM) has asked the trial to end.  The signal handlers only note it:
    the trial looks at it where it waits (a child running, decap-server starting, the trial running) and ends there,
    so no signal lands in the middle of starting or stopping a child (which left decap-server or a site build
    running, the scratch clone behind, and the command killed by SIGTERM with no word)."""

    def __init__(self):
        self.signal = None

    def __bool__(self) -> bool:
        return self.signal is not None

    def note(self, signum, _frame) -> None:
        self.signal = signum


_NOBODY = _Asked()  # (start() called from Python, as the tests do: nothing asks it to stop)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> socket.socket:
    """A socket listening on 127.0.0.1:port (0: any free one).  Listening, not only bound: a bound socket does not
    keep out another's bind with SO_REUSEADDR (node's, the site server's), a listening one does."""
    s = socket.socket()
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # (a port left in TIME_WAIT by a trial before is free)
        s.bind(("127.0.0.1", port))
        s.listen()
    except BaseException:
        s.close()
        raise
    return s


def _other_port(which: str, port: int, avoid: int) -> int:
    """A port to suggest in place of `port`: the next free one of its tens above it (or above the default)."""
    base = port if 1024 <= port <= 65535 - 100 else PORTS[which]["base"]
    for other in range(base + 10, base + 110, 10):
        if other == avoid:
            continue
        try:
            _listening(other).close()
            return other
        except OSError:
            continue
    return base + 10


def _take(which: str, port: int, avoid: int, lang: str, same: bool = False) -> socket.socket:
    """Listen on the trial's `which` port now, before anything is copied or built; a port it cannot take is told
    as a RuntimeError for people: taken (another trial, make serve; `same`: the site's own), not allowed (below 1024),
    or no port."""
    try:
        return _listening(port)
    except (OSError, OverflowError) as exc:
        code = getattr(exc, "errno", None)
        key = ("port_same" if same else "port_taken" if code == errno.EADDRINUSE
               else "port_denied" if code in (errno.EACCES, errno.EPERM) else "port_bad")
        words = PORTS[which]
        raise RuntimeError(MSG[key][lang].format(
            what=words["what"][lang], who=words["who"][lang], option=words["option"], port=port,
            reason=getattr(exc, "strerror", None) or str(exc), other=_other_port(which, port, avoid))) from None


@functools.cache
def _quiet_handler():
    """The trial site's request handler.  (http.server and urllib are imported when a trial
    starts, not with the command line: every other command starts ≈40 ms sooner.)"""
    import http.server

    class Quiet(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".yml": "text/yaml; charset=utf-8", ".wasm": "application/wasm",
                          ".js": "text/javascript; charset=utf-8"}

        def log_message(self, *args):  # keep the terminal for our own messages
            pass
    return Quiet


@dataclass
class Trial:
    work: Path
    repo: Path
    site: Path
    site_url: str
    api_url: str
    server: subprocess.Popen | None = None
    httpd: http.server.ThreadingHTTPServer | None = None
    log: Path | None = None
    notes: list = field(default_factory=list)

    @property
    def admin_url(self) -> str:
        return self.site_url + "admin/"

    def stop(self, keep: bool = False) -> None:
        if self.httpd:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None
        if self.server and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
        if not keep:
            shutil.rmtree(self.work, ignore_errors=True)


def _git(*args, cwd=None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def _run(cmd: list, asked: _Asked, **kwargs) -> subprocess.CompletedProcess:
    """subprocess.run(cmd, capture_output=True, text=True), stopped (killed, Stopped raised) once `asked`."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    try:
        while True:
            try:
                out, err = proc.communicate(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                if asked:
                    raise Stopped from None
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    if proc.returncode in _ASKED_CODES and _noted(asked):  # (git or mkdocs ended by the Ctrl-C that asked the trial)
        raise Stopped
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


# a child ended by SIGINT or SIGTERM: a Ctrl-C at the terminal goes to the whole foreground process group — git, mkdocs,
# decap-server and the trial at once —, and the child may end before the trial's handler has noted it (_noted)
_ASKED_CODES = (-signal.SIGINT, -signal.SIGTERM)


def _noted(asked: _Asked, wait: float = 0.5) -> bool:
    """Whether `asked`, given `wait` seconds to be noted (a child ended by the Ctrl-C that reaches the trial too)."""
    end = time.monotonic() + wait
    while not asked and time.monotonic() < end:
        time.sleep(0.01)
    return bool(asked)


def scratch_clone(source: Path, dest: Path, asked: _Asked = _NOBODY) -> str:
    """Clone source's committed state into dest; returns the checked-out branch."""
    done = _run(["git", "clone", "--quiet", "--no-hardlinks", str(source), str(dest)], asked)
    if done.returncode:
        raise subprocess.CalledProcessError(done.returncode, done.args, done.stdout, done.stderr)
    _git("config", "user.name", "网页表单试用", cwd=dest)
    _git("config", "user.email", "cms-trial@localhost", cwd=dest)
    _git("config", "commit.gpgsign", "false", cwd=dest)
    return _git("branch", "--show-current", cwd=dest) or "main"


def _wait_for_server(api_url: str, proc: subprocess.Popen, timeout: float = 20, asked: _Asked = _NOBODY) -> bool:
    import urllib.request

    body = json.dumps({"action": "info"}).encode()
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if asked:
            raise Stopped
        if proc.poll() is not None:
            if proc.returncode in _ASKED_CODES and _noted(asked):
                raise Stopped
            return False
        try:
            req = urllib.request.Request(api_url, data=body, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=2) as resp:
                if json.load(resp).get("type") == "local_git":
                    return True
        except OSError:
            time.sleep(0.2)
    return False


def start(source: Path = ROOT, *, work: Path | None = None, port: int = 0, api_port: int = 0,
          build_site: bool = True, today=None, periods=None, env: dict | None = None,
          lang: str = "zh", page_today: bool = False, asked: _Asked = _NOBODY) -> Trial:
    """Clone, build, and start decap-server and the static server.  Raises RuntimeError with a
    message for people when something is missing, Stopped once `asked` (what it started stopped, its folder
    removed).  `today`: the site's and the form's day (else the
    clock in the policy's zone); `page_today`: the page takes it for today too (the command's --today),
    else it reads the browser's clock (the tests set that clock themselves)."""
    # Both ports first, before the clone and the build (minutes at 12,000 ledgers): the site's server listens from
    # here on (it serves once the trial is ready) and decap-server's port is held until decap-server starts on it —
    # a port taken is told at once, and a trial beside this one cannot answer for its decap-server.
    site_socket = _take("site", port, api_port, lang)
    try:
        api_socket = _take("api", api_port, site_socket.getsockname()[1], lang, same=api_port == port != 0)
    except BaseException:
        site_socket.close()
        raise
    try:
        return _started(source, site_socket, api_socket, work, build_site, today, periods, env, lang, page_today, asked)
    except BaseException:
        site_socket.close()
        api_socket.close()
        raise


def _started(source, site_socket, api_socket, work, build_site, today, periods, env, lang, page_today, asked) -> Trial:
    if not SERVER.is_file():
        raise RuntimeError(MSG["no_server"][lang].format(path=SERVER))
    node = shutil.which("node")
    if not node:
        raise RuntimeError(MSG["no_node"][lang])
    try:
        _git("rev-parse", "--git-dir", cwd=source)
    except (subprocess.CalledProcessError, FileNotFoundError):
        raise RuntimeError(MSG["not_git"][lang].format(path=source)) from None
    work = Path(work or tempfile.mkdtemp(prefix="cms-trial-"))
    port, api_port = site_socket.getsockname()[1], api_socket.getsockname()[1]
    api_url = f"http://127.0.0.1:{api_port}/api/v1"
    trial = Trial(work, work / "repo", work / "site", f"http://127.0.0.1:{port}/", api_url, log=work / "decap-server.log")
    try:
        _start(trial, source, site_socket, api_socket, build_site, today, periods, env, lang, page_today, asked)
        return trial
    except BaseException:
        trial.stop()  # (decap-server too, if it had started)
        raise


def _start(trial, source, site_socket, api_socket, build_site, today, periods, env, lang, page_today, asked) -> None:
    node = shutil.which("node")
    repo, site, api_url = trial.repo, trial.site, trial.api_url
    branch = scratch_clone(source, repo, asked)

    from generator.cli import clock_today
    from generator.pipeline import validate_records

    rs, findings = validate_records(repo / "records")
    if asked:
        raise Stopped
    day = today or clock_today(rs)  # the site's and the form's day: --today, else the clock in the policy's zone
    site.mkdir(parents=True, exist_ok=True)
    if build_site and (repo / "mkdocs.yml").is_file():
        done = _run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(repo / "mkdocs.yml"),
                     "-d", str(site)], asked, cwd=repo, env={**os.environ, "LEDGER_TODAY": day.isoformat()})
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["?"])[-1]
            trial.notes.append(MSG["site_failed"][lang].format(error=last))
    backend = backend_config("proxy", None, branch, proxy_url=api_url)
    write_admin(site / "admin", repo / "records", today=day, periods=periods, backend=backend,
                local_backend=api_url, lang=lang, rs=rs, findings=findings, fixed_today=today if page_today else None)

    server_env = {**os.environ, **(env or {}), "MODE": "git", "GIT_REPO_DIRECTORY": str(repo),
                  "PORT": str(api_socket.getsockname()[1]), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    api_socket.close()  # (held until now: decap-server takes it)
    with open(trial.log, "w") as log:
        trial.server = subprocess.Popen([node, str(SERVER)], cwd=trial.work, env=server_env,
                                        stdout=log, stderr=subprocess.STDOUT)
    if not _wait_for_server(api_url, trial.server, asked=asked):
        raise RuntimeError(MSG["server_failed"][lang].format(log=_log_tail(trial.log)[-500:]))

    from http.server import ThreadingHTTPServer

    handler = functools.partial(_quiet_handler(), directory=str(site))
    httpd = ThreadingHTTPServer(site_socket.getsockname(), handler, bind_and_activate=False)
    httpd.socket.close()
    httpd.socket = site_socket  # (listening since start() began: taken there, or told there)
    httpd.server_name, httpd.server_port = site_socket.getsockname()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    trial.httpd = httpd


def _log_tail(log: Path, lines: int = 20) -> str:
    """The last `lines` lines of decap-server's `log` (what it said before it stopped)."""
    try:
        return "\n".join(log.read_text(errors="replace").rstrip().splitlines()[-lines:])
    except OSError:
        return ""


def _server_died(trial: Trial, lang: str) -> str:
    """The words for decap-server having stopped by itself after the trial was ready (a crash: its exit code or signal,
    its log's tail), the trial stopped and its folder kept but for the site: the clone (the form's saves) and the log."""
    code = trial.server.returncode
    how = MSG["killed" if code < 0 else "exited"]
    trial.stop(keep=True)
    shutil.rmtree(trial.site, ignore_errors=True)
    tail = "\n".join(f"  {line}" for line in _log_tail(trial.log).splitlines()) or MSG["empty_log"][lang]
    return MSG["server_died"][lang].format(how=how["zh"].format(code=abs(code)), how_en=how["en"].format(code=abs(code)),
                                           tail=tail, work=trial.work, log=trial.log, repo=trial.repo)


def cmd_trial(args) -> int:
    from generator.cli import EXIT_OK, EXIT_USAGE

    lang = args.lang
    asked = _Asked()  # `kill` and Ctrl-C both end the trial cleanly, at whatever moment they come
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, asked.note)
    removed = {"removed": "" if args.keep else MSG["removed"]["zh"],
               "removed_en": "" if args.keep else MSG["removed"]["en"]}
    try:
        trial = start(Path(args.repo), port=args.port, api_port=args.api_port, build_site=not args.no_site,
                      today=args.today, lang=lang, page_today=True, asked=asked)
    except Stopped:  # (start stopped what it had started and removed its folder)
        print(MSG["stopped_early"][lang], flush=True)
        return EXIT_USAGE
    except (RuntimeError, ValueError) as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
    for note in trial.notes:
        print(note)
    print(MSG["ready"][lang].format(admin=trial.admin_url, site=trial.site_url, repo=trial.repo), flush=True)
    while trial.server.poll() is None and not asked:
        time.sleep(0.2)
    if not _noted(asked, 0.5 if trial.server.returncode in _ASKED_CODES else 0.2):
        # (decap-server stopped by itself: a crash, not an end — said, its log and the clone kept)
        sys.stderr.write(_server_died(trial, lang) + "\n")
        return EXIT_USAGE
    trial.stop(keep=args.keep)
    print(MSG["stopped"][lang].format(**removed), flush=True)
    if args.keep:
        print(MSG["kept"][lang].format(repo=trial.repo), flush=True)
    return EXIT_OK


def register(sub) -> None:
    from generator.cli import add_today

    p = sub.add_parser("cms-trial", help=say("本地试用网页表单：试用副本 + decap-server",
                                                       "local trial of the web form: a scratch clone and decap-server"))
    p.add_argument("--repo", default=str(ROOT), help=say("要复制的仓库，默认本仓库", "repository to clone, default this one"))
    p.add_argument("--port", type=int, default=8000, help=say("网站端口，默认 8000", "the site's port, default 8000"))
    p.add_argument("--api-port", type=int, default=8081, help=say("decap-server 端口，默认 8081", "decap-server's port, default 8081"))
    p.add_argument("--no-site", action="store_true", help=say("不构建网站，只提供表单", "no site, the form only"))
    p.add_argument("--keep", action="store_true", help=say("结束后保留试用副本", "keep the scratch clone afterwards"))
    add_today(p, "今天的日期（决定表单包含哪两期）", "today (which two periods the form offers)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=say("语言", "language"))
    p.set_defaults(func=cmd_trial)
