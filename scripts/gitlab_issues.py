"""Open, update, comment on and close the reminder issues on GitLab, as reminders.yml does with `gh` on GitHub.

.gitlab-ci.yml's remind job runs it after `remind --periods … --body-file` and `remind --coverage --body-file`
have written the bodies (reminder-ledgers-<period>.md, reminder-coverage.md, each with its .env: missing=,
title=, marker=).  GitLab's REST API (v4), with the CI/CD variable GITLAB_TOKEN (scope `api`):

    GET  /projects/:id/issues?state=opened&labels=LABEL&per_page=100    the open reminder issues
    POST /projects/:id/issues                    {title, labels, description}   someone missing, no issue yet
    PUT  /projects/:id/issues/:iid               {description[, title]}         someone missing: the body updated,
    POST /projects/:id/issues/:iid/notes         {body}                         and a comment to @-mention them again
                                                                                (a ledger reminder's; the coverage
                                                                                issue's edited only, as on GitHub)
    POST …/notes {body}, PUT …/:iid {state_event: close}                        nobody missing: said, and closed

A ledger reminder's issue is the open one of label 台账提醒 whose description holds its marker; the coverage
reminder's, the open one of label 覆盖提醒 (its title follows the academic year).  Without GITLAB_TOKEN it says
so and does nothing (the bodies stay the job's artifacts).  Standard library only.
"""
from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

KINDS = (("reminder-ledgers-*.md", "台账提醒", True), ("reminder-coverage.md", "覆盖提醒", False))


def _say(zh: str, en: str) -> None:
    sys.stderr.write(f"{zh}\n    ({en})\n")


class Api:
    def __init__(self, url: str, project: str, token: str):
        self.base = f"{url.rstrip('/')}/projects/{urllib.parse.quote(project, safe='')}"
        self.token = token

    def call(self, method: str, path: str, data: dict | None = None, query: dict | None = None):
        url = self.base + path + ("?" + urllib.parse.urlencode(query) if query else "")
        body = json.dumps(data, ensure_ascii=False).encode("utf-8") if data is not None else None
        request = urllib.request.Request(url, body, method=method, headers={
            "PRIVATE-TOKEN": self.token, **({"Content-Type": "application/json"} if body is not None else {})})
        with urllib.request.urlopen(request, timeout=60) as answer:
            text = answer.read().decode("utf-8")
        return json.loads(text) if text.strip() else None


def _env(body: Path) -> dict:
    lines = body.with_suffix(".env").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def remind(api: Api, folder: Path) -> list[str]:
    """Each body of `folder` brought to its issue; what was done, a line each."""
    done = []
    for pattern, label, by_marker in KINDS:
        bodies = sorted(folder.glob(pattern))
        if not bodies:
            continue
        issues = api.call("GET", "/issues", query={"state": "opened", "labels": label, "per_page": 100}) or []
        for body in bodies:
            out, text = _env(body), body.read_text(encoding="utf-8")
            missing = out.get("missing", "0") != "0"
            found = [i for i in issues if not by_marker or out.get("marker", "\0") in (i.get("description") or "")]
            if not found:
                if missing:
                    made = api.call("POST", "/issues", {"title": out["title"], "labels": label, "description": text})
                    done.append(f"opened #{made.get('iid')}: {out['title']}")
                continue
            iid = found[0]["iid"]
            if missing:
                change = {"description": text, **({} if by_marker else {"title": out["title"]})}
                api.call("PUT", f"/issues/{iid}", change)
                if by_marker:  # (an edit notifies no one: a ledger reminder's note @-mentions the cadres again;
                    # the coverage issue is edited only, as reminders.yml's coverage job: no note to the admins daily)
                    api.call("POST", f"/issues/{iid}/notes", {"body": text})
                done.append(f"updated #{iid}: {out['title']}")
            else:
                api.call("POST", f"/issues/{iid}/notes", {"body": text})
                api.call("PUT", f"/issues/{iid}", {"state_event": "close"})
                done.append(f"closed #{iid}: {out['title']}")
    return done


def main() -> int:
    token = os.environ.get("GITLAB_TOKEN", "")
    if not token:
        _say("没有 GITLAB_TOKEN：提醒正文只作为作业产物，不开提醒议题。请在“设置 → CI/CD → 变量”中添加隐藏的变量 GITLAB_TOKEN"
             "（有 api 权限的令牌，见 使用指南 → 在代码托管平台上工作 → 定时提醒）。",
             "no GITLAB_TOKEN: the bodies are the job's artifacts only, no issue is opened; add a masked CI/CD variable "
             "GITLAB_TOKEN, a token with the api scope")
        return 0
    api = Api(os.environ["CI_API_V4_URL"], os.environ["CI_PROJECT_ID"], token)
    try:
        for line in remind(api, Path.cwd()):
            print(line)
    except urllib.error.HTTPError as exc:
        why = {401: "令牌无效或已过期", 403: "令牌没有 api 权限，或它的用户在本项目中不是报告者（Reporter）以上的成员",
               404: "找不到项目或议题（令牌的用户看不到本项目？）"}.get(exc.code, "平台拒绝了请求")
        _say(f"提醒议题没有开成或更新：GitLab 答复 HTTP {exc.code}（{why}）：{exc.geturl()}。请检查变量 GITLAB_TOKEN。",
             f"the reminder issue was not opened or updated: GitLab answered HTTP {exc.code} to {exc.geturl()}; "
             "check the GITLAB_TOKEN variable (a token with the api scope, of a Reporter or above)")
        return 1
    except (urllib.error.URLError, OSError, ValueError, KeyError) as exc:
        _say(f"提醒议题没有开成或更新：{exc}", f"the reminder issue was not opened or updated: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
