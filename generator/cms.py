"""The web form (Decap CMS): `admin/config.yml` generated from the ledger schema and the records.

Nothing of the form is written by hand beside the schema: every property of
`schemas/ledger.schema.json` becomes a form field (label = the schema's Chinese title,
hint = its description), the word lists come from `records/policy.yaml`, the cadres and
contact points from `records/cadres/` and the assignment table.

One folder collection per ledger period (`records/ledgers/<period>/`), because Decap's
`path` template lower-cases every value (`2026-H2` would become `2026-h2`); the period is
then a hidden field fixed by the collection, and the file name is the cadre id.

    python -m generator cms-config [--out admin/config.yml] [--today D] [--periods 2026-H2]
    python -m generator cms-admin --out build/admin      # index.html + config.yml + Decap bundle

`write_admin(out_dir)` is what the site build calls; it needs `node_modules/` (npm ci) for
the bundle and says so when it is missing — every other command works without Node.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import sys
from pathlib import Path

import yaml

from generator.argwords import say
from generator import chars
from generator import findings as F
from generator.files import write_files
from generator.messages.words import KIND_ZH
from generator.model import VOCAB_FIELDS, Period, RecordSet, own_examples

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "ledger.schema.json"
BUNDLE = ROOT / "node_modules" / "decap-cms" / "dist"
YAML_LIB = ROOT / "node_modules" / "yaml" / "browser" / "dist"  # (a dependency of decap-cms, the version it bundles)

# The cadre's name, beside a ledger's values as the admin page reads it (for the list's summary),
# never written back.
NAME_KEY = "_name"
LONG_TEXT = 100  # strings allowed longer than this get a multi-line text box

# The plainest student-identifying data: privacy's own expressions (FormContext.private_detectors).
_SPACE = chars.ANY_SPACE + "?"  # (a space, or a space of another width: chars.SPACES)
PRIVATE_NOTE = ("不能写学生的学号、手机号、身份证号（含后几位）、考生号、准考证号、护照号、邮箱、QQ 号、微信号、银行卡号、宿舍房间号或床位、家庭住址的门牌号，"
                "不能写固定电话（办公电话也只写“学院办公室电话”），也不能写“张同学”“李某”这样带姓的称呼或“ZS同学”这样的姓名缩写"
                "（网站对所有人公开，只写“一名学生”“部分学生”；同一名学生要提到几次时用化名，如“化名小A”）")

# What the form says after a full name before 同学 it warns of (W-PRIV-001's words: INDEX_HTML, fullNames), with the words
# to write instead W-PRIV-001's hint gives (site/guide/privacy.md: “一名同学”).
FULL_NAME_NOTE = ("若是学生的姓名，请删去，改写为“一名同学”（几人写“几名同学”；记录和网站对所有人公开）；若不是姓名（单位、地名或普通词语），"
                  "不用改，审核人核对后即可合并")

BACKENDS = ("github", "gitlab", "gitea", "forgejo", "git-gateway", "test-repo")

INDEX_HTML = """<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>填报工作台账 - __SITE__</title>  <!-- (as the site's pages: <page> - <site>) -->
  <link rel="icon" href="data:,">
  <link href="config.yml" type="text/yaml" rel="cms-config-url">
  <style>
    /* Decap's editor and its toolbar are at least 800px wide: on a phone the fields and the 保存
       button ran off the right of the screen.  Its toolbar is one line 66px high over the form: after
       saving, 发布, 删除 and the account menu ran off it and the back link's words spilled over the
       first field.  On a phone the toolbar wraps onto as many lines as it needs and the form starts
       below it.  Decap's parts carry no id or data attribute: they are found by the names of its
       components, which its class names carry (css-1gtfcgu-ToolbarContainer e1d2l9mo22: the
       e…-classes are numbered by the components' order in Decap's files and change with any of them,
       the names change only when a component is renamed); tests/test_cms_browser.py holds each
       selector below to matching Decap's parts and the toolbar to a phone's width. */
    /* Decap's 媒体 (its media library, the header's one button beside the links 内容 and 工作流)
       commits an upload straight onto the branch, with no pull request or review; ledgers have no
       image field and the site shows none. */
    header button[class*="-AppHeaderButton"] { display: none !important; }
    /* A field's label and what is wrong with it share one line (Decap's ControlTopbar): the form's
       long messages (PRIVATE_NOTE) squeezed the label into a column one character wide (活/动/情/况),
       and on a phone the date's 现在 and 清除 broke in two.  A label and a button keep their words on
       one line; a message that does not fit beside its label goes below it
       (tests/test_cms_browser.py: test_a_fields_label_and_the_dates_buttons_keep_their_words_on_a_phone). */
    [class*="-ControlTopbar"] { flex-wrap: wrap; }
    [class*="-ControlTopbar"] > label, [class*="-Buttons"] > button { flex: none; white-space: nowrap; }
    /* … and there, wrapped onto several lines, it read from the right (Decap's text-align: right), each
       line starting somewhere else: it reads from the left
       (tests/test_cms_browser.py: test_a_fields_message_on_a_phone_reads_from_the_left). */
    [class*="-ControlErrorsList"] { text-align: left !important; }
    /* Decap's sign-in page showed its own logo and 登录, nothing naming the school's ledgers: the
       site's name stands above them while that page is shown (no image, nothing fetched). */
    #ledger-site { display: none; position: fixed; top: 8vh; left: 0; right: 0; z-index: 1; padding: 0 16px;
                   text-align: center; color: #222; }
    body:has([class*="-StyledAuthenticationPage"]) #ledger-site { display: block; }
    #ledger-site strong { display: block; font-size: 26px; line-height: 1.4; }
    #ledger-site span { display: block; margin-top: 6px; font-size: 17px; color: #555; }
    /* (the boxes stacked at the foot of the page, one above the other when more than one is shown) */
    #ledger-boxes { position: fixed; left: 0; right: 0; bottom: 0; z-index: 10000; max-height: 45vh; overflow: auto; }
    .ledger-box { padding: 12px 16px; background: #fff5f5; border-top: 3px solid #d32f2f; font-size: 15px;
                  line-height: 1.6; color: #222; }
    #ledger-changed { background: #f3f8ff; border-top-color: #1565c0; }
    #ledger-review { background: #fffbe6; border-top-color: #f9a825; }
    .ledger-box ol { margin: 6px 0 6px 1.2em; padding: 0; }
    .ledger-box button { font-size: 15px; padding: 4px 16px; }
    @media (max-width: 799px) {
      [class*="-EditorContainer"], [class*="-EditorContainer"] > [class*="-ToolbarContainer"] { min-width: 0 !important; }
      [class*="-EditorContainer"] { display: flex !important; flex-direction: column; padding-top: 0 !important; }
      [class*="-EditorContainer"] > :not([class*="-ToolbarContainer"]) {  /* the editor's pane */
        flex: 1 1 auto; min-height: 0; height: auto !important; width: 100%; }
      [class*="-EditorContainer"] > [class*="-ToolbarContainer"] {
        position: relative !important; flex: none; height: auto !important; flex-wrap: wrap; }
      [class*="-ToolbarSectionMeta"], [class*="-ToolbarSectionBackLink"], [class*="-ToolbarSectionMain"] {
        height: auto !important; }
      [class*="-ToolbarSectionBackLink"] { flex: 1 1 0; min-width: 0; padding: 8px 12px !important; }
      [class*="-ToolbarSectionMain"] { order: 1; flex: 1 1 100% !important; flex-wrap: wrap; padding: 0 0 8px !important;
                                       border-top: 1px solid #dfdfe3; }
      [class*="-ToolbarSectionMain"] > [class*="-ToolbarSubSectionFirst"]:not([class*="-ToolbarSubSectionLast"]) {
        flex-wrap: wrap; row-gap: 8px; padding-top: 8px; }
      /* 发布 merges the ledger straight away: the guide tells cadres not to press it (the reviewer
         approves on the host).  On a phone it was a large button beside 保存, a thumb's slip away; with
         the editorial workflow (a 状态 menu beside it) it is not shown there.  Without the workflow
         (Gitea: publish_mode simple) 发布 is how a ledger is saved, and stays. */
      [class*="-ToolbarSectionMain"]:has([class*="-StatusButton"]) [class*="-ToolbarDropdown"]:has([class*="-PublishButton"]) {
        display: none !important; }
    }
  </style>
</head>
<body>
  <noscript>填报表单需要启用 JavaScript。</noscript>
  <header id="ledger-site"><strong>__SITE__</strong><span>填报工作台账（网页表单）</span></header>
  <!-- what stops a ledger being saved, one a line, until it is saved (Decap's notice goes after 8 s);
       what the reviewer will be warned of (W-PRIV-001), which does not stop it, until the next save;
       what the form changed in the text of the ledger just saved, until the next save -->
  <div id="ledger-boxes">
  <div id="ledger-problems" class="ledger-box" role="alert" hidden>
    <strong>还不能保存，请先改正：</strong>
    <ol></ol>
    <button type="button" onclick="this.parentNode.hidden = true">知道了</button>
  </div>
  <div id="ledger-changed" class="ledger-box" role="status" hidden>
    <p id="ledger-branch" hidden></p>
    <strong>已保存。文字中从别处（Word、微信等）粘贴来的字符，保存时改成了这样：</strong>
    <ol></ol>
    <button type="button" onclick="this.parentNode.hidden = true">知道了</button>
  </div>
  <div id="ledger-review" class="ledger-box" role="status" hidden>
    <strong>请再看一下（不影响保存，审核人会看到同样的提醒）：</strong>
    <ol></ol>
    <button type="button" onclick="this.parentNode.hidden = true">知道了</button>
  </div>
  </div>
  <script>window.CMS_MANUAL_INIT = true;  // started below, once the ledger format is registered</script>
  <script src="decap-cms.js"></script>
  <script>
    // Decap's Chinese for a field that does not match its pattern reads "“活动情况”不满足模式请写 5 到
    // 2000 个字" ("does not satisfy the pattern"): our patterns carry a whole Chinese sentence.
    (function () {
      var zh = window.CMS && CMS.getLocale && CMS.getLocale("zh_Hans");
      var widget = zh && zh.editor && zh.editor.editorControlPane && zh.editor.editorControlPane.widget;
      if (widget) { widget.regexPattern = "“%{fieldLabel}”：%{pattern}"; }
      // Its 工作流 page named the status 审核中 (the guide's, and the status menu's) 审查中, offered a
      // 新建帖子 (a blog's new post) and counted 待审查的内容: the page speaks of ledgers.
      var flow = zh && zh.workflow;
      // Gitea's form (publish_mode simple) saving to a branch of its own (BRANCH, not main): after 立即发布
      // the toolbar said 已发布, as if the ledger were in the records; it awaits the administrator's merge.
      var bar = zh && zh.editor && zh.editor.editorToolbar, BRANCH = __BRANCH__;
      if (bar && BRANCH.word) { bar.published = BRANCH.word; }
      if (flow && flow.workflow && flow.workflowList) {
        flow.workflowList.inReviewHeader = "审核中";
        flow.workflow.newPost = "新建台账";
        flow.workflow.description = "%{smart_count} 个审核中的台账、%{readyCount} 个已就绪的台账";
        flow.workflow.dateFormat = "M月D日";  // (a card's day: English's MMMM D read December 3)
      }
    })();
    // Before a ledger is written: a field typed in and cleared again (a note, a date, “跟进的编号”)
    // is left out — Decap would write `follows: ""`, which validate rejects — and each part's
    // fields are put back in the schema's order (Decap's maps of more than 8 fields lose it).
    (function () {
      var ORDER = __FIELD_ORDER__;
      function empty(v) { return v === null || v === undefined || v === ""; }
      function tidy(v, path) {
        if (!v || typeof v.toJS !== "function") { return v; }
        if (typeof v.push === "function") { return v.map(function (x) { return tidy(x, path); }); }
        var keys = (ORDER[path] || []).filter(function (k) { return v.has(k); });
        v.keySeq().forEach(function (k) { if (keys.indexOf(k) < 0) { keys.push(k); } });
        var out = v.toOrderedMap().clear();
        keys.forEach(function (k) {
          var x = v.get(k);
          if (!empty(x)) { out = out.set(k, tidy(x, path === "" ? k : path)); }
        });
        return out;
      }
      // What `check` would refuse of the whole ledger, said before anything is committed: a
      // contact point that is not the cadre's that half-year (E-CHK-005), a date after today in the
      // policy's time zone (E-CHK-006), an item 已上报 with no
      // 报告对象 (E-CHK-010), 已解决 with no 解决情况 or 解决日期 (E-CHK-011); an item's id taken (E-REF-002),
      // a follow-up of no item, of itself, of a later period's item or of one raised after it (E-REF-006), as of the
      // site build (RULES.ids, RULES.raised), the ledgers the page has read from the repository since
      // (a list opened: know()) and those saved since the page was opened (saved()).
      var RULES = window.LEDGER_RULES = __RULES__;
      // A ledger in Git that cannot be read (a YAML error: rules.unread, its first error's line and column) is
      // filed, and the form opens it empty — saving there would put what is typed in place of all it holds:
      // what to do is to fix the line named in the Git host's editor (the site's 数据检查 page says how).
      function unreadFix(rules, stem) {
        var at = rules.unread[stem] || [];
        return "这份台账" + (at.length ? "第 " + at[0] + " 行第 " + at[1] + " 列" : "") + "有错误，表单读不出它的内容，" +
          "打开是空的：请在代码托管平台上打开 " + rules.folder + "/" + stem + ".yaml，按网站“数据检查”页上对这份台账的" +
          "提示改好" + (at.length ? "这一行" : "") + "（不会改的请本单位管理员帮忙），";
      }
      function unreadNote(rules, stem) {
        return unreadFix(rules, stem) + "改好后再在这里修改；不要在这里保存（保存会用这里填的内容换掉它原来的全部内容）。";
      }
      function unreadOpened() {  // (a ledger opened that cannot be read: said at once, not at 保存)
        var m = /#\\/collections\\/([^\\/?]+)\\/entries\\/([^\\/?]+)/.exec(location.hash), rules = m && RULES.periods[m[1]];
        return rules && (rules.unread || {})[decodeURIComponent(m[2])] ? [unreadNote(rules, decodeURIComponent(m[2]))] : [];
      }
      function problems(entry) {
        var data = entry.get("data"), rules = RULES.periods[entry.get("collection")], out = [];
        if (!data || !rules) { return out; }
        var cadre = data.get("cadre"), held = rules.points[cadre];
        if (entry.get("newRecord") && rules.filed.indexOf(cadre) >= 0) {
          out.push((RULES.cadres[cadre] || cadre) + "本期（" + rules.name + "）的台账已经有了（" + rules.folder + "/" +
                   cadre + ".yaml）：" + ((rules.unread || {})[cadre] ? unreadFix(rules, cadre) + "不要在这里新建" :
                   "请回到“" + rules.name + "工作台账”列表，点开它修改，不要新建") +
                   "（新建的会另存为 " + cadre + "-1.yaml，通不过检查）。");
        }
        if (!entry.get("newRecord") && (rules.unread || {})[entry.get("slug")]) { out.push(unreadNote(rules, entry.get("slug"))); }
        if (held && data.get("contact_points")) {
          data.get("contact_points").forEach(function (p) {
            if (held.indexOf(p) < 0) {
              out.push("联系点“" + (RULES.names[p] || p) + "”不是" + (RULES.cadres[cadre] || cadre) + "本期（" +
                       rules.name + "）的联系点；本期的联系点是：" +
                       held.map(function (h) { return RULES.names[h] || h; }).join("、") + "。请在“联系点”中改选。");
            }
          });
        }
        var today = RULES.today || "";  // today in the policy's time zone, as `check` judges it (E-CHK-006); a trial's --today
        if (!today) { try { today = new Intl.DateTimeFormat("en-CA", { timeZone: RULES.timezone }).format(new Date()); } catch (e) { today = ""; } }
        function isDay(v) { return typeof v === "string" && /^\\d{4}-\\d{2}-\\d{2}$/.test(v); }
        function future(day, what) {
          if (today && isDay(day) && day > today) {
            out.push(what + " " + day + " 晚于今天（" + today + "）：只能记录已经发生的事，请检查日期。");
          }
        }
        (data.get("activities") || []).forEach(function (act, i) {
          if (act && typeof act.get === "function") { future(act.get("date"), "第 " + (i + 1) + " 次活动的日期"); }
        });
        // a word offered for this period only until a day (rules.retired: FormContext.retired_offered), in an entry
        // dated after it, which `validate` refuses (E-REF-005)
        (rules.retired || []).forEach(function (r) {
          (data.get(r[0]) || []).forEach(function (x, i) {
            var day = x && typeof x.get === "function" ? x.get(r[1]) : "";
            if (x && typeof x.get === "function" && x.get(r[2]) === r[3] && isDay(day) && day > r[4]) {
              out.push((r[0] === "activities" ? "第 " + (i + 1) + " 次活动" : "第 " + (i + 1) + " 条学生反映") + "的“" +
                       (LABELS[r[0] + "." + r[2]] || r[2]) + "”“" + r[3] + "”在词表中只用到 " + r[4] + "，这一项的日期 " +
                       day + " 在那以后，请改选。");
            }
          });
        });
        var me = rules.id + "/" + cadre, here = {}, seen = {};  // (this ledger; its items' ids → index)
        (data.get("feedback") || []).forEach(function (fb, i) {
          if (fb && typeof fb.get === "function" && fb.get("id") && !(fb.get("id") in here)) { here[fb.get("id")] = i; }
        });
        (data.get("feedback") || []).forEach(function (fb, i) {
          if (!fb || typeof fb.get !== "function") { return; }
          var id = fb.get("id"), follows = fb.get("follows"), owner = RULES.ids[follows], raised = fb.get("raised_on");
          // the date the followed item was raised on: this form's, or another ledger's (RULES.raised)
          var theirs = follows in here ? data.get("feedback").get(here[follows]).get("raised_on") :
                       owner && owner !== me ? RULES.raised[follows] : "";
          var renumber = "请改一个编号，或把它清空（保存时自动编号）。";
          if (id && here[id] !== i) {  // E-REF-002, said before saving
            out.push("第 " + (i + 1) + " 条学生反映的编号“" + id + "”与第 " + (here[id] + 1) + " 条相同：" + renumber);
          } else if (id && RULES.ids[id] && RULES.ids[id] !== me) {
            out.push("第 " + (i + 1) + " 条学生反映的编号“" + id + "”已经用过了（records/ledgers/" + RULES.ids[id] +
                     ".yaml），编号全校唯一：" + renumber);
          }
          if (follows && follows === id) {  // E-REF-006, said before saving
            out.push("第 " + (i + 1) + " 条学生反映的“跟进的编号”是它自己的编号：请填以前那一条反映的编号。");
          } else if (owner && owner !== me && (RULES.starts[owner.split("/")[0]] || "") > (RULES.starts[rules.id] || "")) {
            out.push("第 " + (i + 1) + " 条学生反映的“跟进的编号”“" + follows + "”是以后才有的一条（records/ledgers/" + owner +
                     ".yaml），不能跟进未来的反映：请填以前那一条反映的编号。");  // E-REF-006, said before saving
          } else if (isDay(theirs) && isDay(raised) && theirs > raised) {  // E-REF-006, said before saving
            out.push("第 " + (i + 1) + " 条学生反映的“跟进的编号”“" + follows + "”那一条是 " + theirs + " 反映的，晚于本条的反映日期 " +
                     raised + "，不能跟进未来的反映：请填以前那一条反映的编号，或改正反映日期。");
          } else if (follows && !(owner && owner !== me) && !(follows in here)) {
            var earlier = Object.keys(RULES.ids).filter(function (k) {
              return RULES.ids[k] !== me && RULES.ids[k].split("/")[1] === cadre;
            }).sort();
            // (the form knows a ledger merged after the site build once Decap has read its list: the
            // period the id's start names, e.g. 2026h1-…, or that list's period in general)
            var from = Object.keys(RULES.periods).filter(function (c) { return follows.indexOf(RULES.periods[c].stem + "-") === 0; })[0];
            out.push("第 " + (i + 1) + " 条学生反映的“跟进的编号”“" + follows + "”不存在。" +
                     (earlier.length ? (RULES.cadres[cadre] || cadre) + "以前各期的反映编号有：" + earlier.join("、") + "。" : "") +
                     "请填以前那一条反映的编号；不是跟进就清空它。那一条所在的台账如果是网站构建以后才合并的，请先点开" +
                     (from ? "“" + RULES.periods[from].name + "工作台账”" : "那一期的台账") + "列表（列表较长时向下翻到底），再回来保存。");
          }
          future(raised, "第 " + (i + 1) + " 条学生反映的反映日期");
          future(fb.get("resolved_on"), "第 " + (i + 1) + " 条学生反映的解决日期");
          var status = fb.get("status"), meaning = RULES.statuses[status], n = "第 " + (i + 1) + " 条学生反映";
          if (meaning === "escalated" && !fb.get("escalated_to")) {
            out.push(n + "的办理状态是“" + status + "”，请填写“报告对象”。");
          }
          if (meaning === "resolved") {
            var missing = [];
            if (!fb.get("resolution")) { missing.push("“解决情况”"); }
            if (!fb.get("resolved_on")) { missing.push("“解决日期”"); }
            if (missing.length) { out.push(n + "的办理状态是“" + status + "”，请填写" + missing.join("和") + "。"); }
          }
        });
        return out;
      }
      // A feedback item whose 编号 is left empty is numbered <period>-<cadre>-<n> (2026h2-zhang-wei-1),
      // the first n no other ledger (RULES.ids: the site build's, and those saved since) or item of this one has.
      function numbered(entry) {
        var data = entry.get("data"), rules = RULES.periods[entry.get("collection")];
        var list = data && data.get("feedback"), cadre = data && data.get("cadre");
        if (!rules || !cadre || !list || typeof list.map !== "function") { return data; }
        var stem = rules.stem + "-" + cadre + "-", me = rules.id + "/" + cadre, used = {}, n = 1;
        list.forEach(function (fb) { if (fb && typeof fb.get === "function" && fb.get("id")) { used[fb.get("id")] = true; } });
        return data.set("feedback", list.map(function (fb) {
          if (!fb || typeof fb.get !== "function" || !empty(fb.get("id"))) { return fb; }
          while (used[stem + n] || (RULES.ids[stem + n] && RULES.ids[stem + n] !== me)) { n++; }
          used[stem + n] = true;
          return fb.set("id", stem + n);
        }));
      }
      // A ledger of `period` (its values as plain data) the page has read or saved: its cadre has
      // filed for the period and its items' ids are taken from then on (RULES.filed and RULES.ids are
      // the site build's), for the next ledger saved in this session, which may take none of them and
      // may follow any.  `newest` (a ledger saved here): those it no longer has are free again; a
      // ledger read (the published one, or one waiting for review) only adds.  Returns period/cadre.
      function know(period, data, newest) {
        var cadre = data && data.cadre, rules = RULES.periods["ledgers-" + period];
        if (typeof period !== "string" || typeof cadre !== "string" || !cadre) { return ""; }
        if (rules && rules.filed.indexOf(cadre) < 0) { rules.filed.push(cadre); }
        var me = period + "/" + cadre;
        if (newest) { Object.keys(RULES.ids).forEach(function (k) { if (RULES.ids[k] === me) { delete RULES.ids[k]; } }); }
        (Array.isArray(data.feedback) ? data.feedback : []).forEach(function (fb) {
          if (fb && typeof fb.id === "string" && fb.id && !RULES.ids[fb.id]) {
            RULES.ids[fb.id] = me;
            RULES.raised[fb.id] = fb.raised_on;
          }
        });
        return me;
      }
      // Decap reads each ledger of a list it opens from the repository (a ledger merged after the
      // site build among them) through the page's ledger format (keepComments' fromFile).
      window.LEDGER_KNOW = function (data) { know(data && data.period, data, false); };
      // The ledgers saved here and not published here since: each is a pull request until its
      // reviewer merges it, and a follow-up of one of its items fails `validate` (E-REF-006) until then.
      // unmerged: period/cadre → "here" (saved in this page) or "open" (a pull request Decap lists).
      var unmerged = {}, built = Object.assign({}, RULES.ids);  // (built: the site build's, merged)
      function saved(entry) {
        var rules = RULES.periods[entry.get("collection")], data = entry.get("data");
        if (rules && data && typeof data.toJS === "function") { unmerged[know(rules.id, data.toJS(), true)] = "here"; }
      }
      // The ledgers waiting for review are Decap's unpublished entries (keys collection/slug: open pull
      // requests).  Decap lists them on a period's list and the 工作流 page, and reads each one through
      // the page's ledger format, which tells know() its items (LEDGER_KNOW): each listed is unmerged
      // (a follow-up of one is asked about before saving, not refused as 不存在), and one no longer
      // listed was merged since.  Signed in where Decap lists none (an editor's address: the page
      // reloaded there), the page lists them and reads each itself, once.
      function pending(keys) {
        var open = {}, mine = [];
        (Array.isArray(keys) ? keys : []).forEach(function (key) {
          var at = String(key).lastIndexOf("/"), coll = String(key).slice(0, at), cadre = String(key).slice(at + 1);
          var rules = RULES.periods[coll], me = rules ? rules.id + "/" + cadre : "";
          if (!rules) { return; }
          open[me] = true;
          if (!unmerged[me]) { unmerged[me] = "open"; }
          mine.push({ key: key, coll: coll, cadre: cadre, rules: rules });
        });
        Object.keys(unmerged).forEach(function (k) { if (!open[k]) { delete unmerged[k]; } });  // merged since
        return mine;
      }
      function read(impl, entries) {
        if (!window.LEDGER_PARSE || typeof impl.unpublishedEntry !== "function") { return; }
        entries.forEach(function (x) {
          var path = x.rules.folder + "/" + x.cadre + ".yaml";
          impl.unpublishedEntry({ id: x.key, collection: x.coll, slug: x.cadre }).then(function (e) {
            var diff = ((e && e.diffs) || []).filter(function (d) { return d.path === path; })[0];
            return diff && impl.unpublishedEntryDataFile(x.coll, x.cadre, path, diff.id);
          }).then(function (text) {
            if (typeof text === "string") { know(x.rules.id, window.LEDGER_PARSE(text), false); }
          }).catch(function (e) { console.warn("unpublished entry not read", x.key, e); });
        });
      }
      function decapLists() {  // the address signed in at is a list or the 工作流 page (or "/", a list)
        return /^#?\\/?((collections\\/[^\\/?]+)|workflow)?\\/?(\\?.*)?$/.test(location.hash);
      }
      // (`options`: what Decap gives the backend; useWorkflow false — publish_mode: simple, Gitea's — a
      // save is a commit on the branch, no pull request waits for review and none is asked for)
      var simple = false;  // (no editorial workflow: Gitea's publish_mode simple)
      function watch(impl, options) {
        var list = impl.unpublishedEntries;
        simple = !(options && options.useWorkflow);
        if (typeof list !== "function" || !(options && options.useWorkflow)) { return impl; }
        impl.unpublishedEntries = function () {
          return list.apply(impl, arguments).then(function (keys) { pending(keys); return keys; });
        };
        // (a sign-in: every host's restoreUser, a page opened already signed in, ends in its authenticate,
        // whose answer may be no user at all — decap-server's —: signed in all the same)
        var signIn = impl.authenticate;
        if (typeof signIn !== "function") { return impl; }
        impl.authenticate = function () {
          return Promise.resolve(signIn.apply(impl, arguments)).then(function (user) {
            if (!decapLists()) {
              list.apply(impl).then(function (keys) { read(impl, pending(keys)); })
                .catch(function (e) { console.warn("ledgers waiting for review not listed", e); });
            }
            return user;
          });
        };
        return impl;
      }
      if (window.CMS && CMS.getBackend) {
        ["proxy"].concat(__BACKENDS__).forEach(function (name) {
          var made = CMS.getBackend(name), init = made && made.init;
          if (typeof init === "function") { made.init = function () { return watch(init.apply(this, arguments), arguments[1]); }; }
        });
      }
      function published(entry) {
        var rules = RULES.periods[entry.get("collection")], data = entry.get("data");
        if (rules && data) { delete unmerged[rules.id + "/" + data.get("cadre")]; }
      }
      // What the cadre is asked before saving (window.confirm): a follow-up of an item of a ledger
      // saved here and not merged yet.  Saved, its pull request passes the checks once that one is merged.
      function waiting(entry) {
        var data = entry.get("data"), rules = RULES.periods[entry.get("collection")], out = [];
        if (!data || !rules) { return out; }
        var me = rules.id + "/" + data.get("cadre");
        (data.get("feedback") || []).forEach(function (fb, i) {
          var follows = fb && typeof fb.get === "function" ? fb.get("follows") : "", owner = RULES.ids[follows];
          if (!owner || owner === me || !unmerged[owner] || built[follows] === owner) { return; }
          var period = owner.split("/")[0], cadre = owner.split("/")[1], theirs = RULES.periods["ledgers-" + period];
          out.push("第 " + (i + 1) + " 条学生反映跟进的“" + follows + "”在" + (RULES.cadres[cadre] || cadre) +
                   (theirs ? theirs.name : period) + "的台账（records/ledgers/" + owner + ".yaml）中，那份台账" +
                   (unmerged[owner] === "here" ? "刚在本页保存，审核人可能还没有合并它" : "在等待审核，审核人还没有合并它") +
                   "：它合并以前，本台账的合并请求通不过检查。");
        });
        return out;
      }
      // Text pasted from Word or WeChat may hold a tab or a line separator (U+2028 …), which the YAML
      // writer put in the file as "\\t" in double quotes (E-YAML-014), as a line of a block indented by
      // a tab (E-YAML-002) or raw in a plain line (E-YAML-001): a cadre got a YAML error from what they
      // typed.  A tab is written as a space (it means nothing on the site, which shows it as one), a
      // line separator as a line break, any other control character or character of no width (a
      // zero-width space …) not at all; `said` gets what was changed where (LABELS: the form's
      // labels), shown once the ledger is saved.  (CHANGES: cms.changes(), from generator/chars.py.)
      var LABELS = __LABELS__;
      // a value left as a hint's placeholder (待填写, …, also with the sentence's stop copied after it), which `validate`
      // refuses (E-SCHEMA-011, its words: PLACEHOLDER_SAID): said before saving, not by the pull request's check;
      // PLACEHOLDERS: each such value → the placeholder validate names (…。 → …: the stop is no part of it)
      var PLACEHOLDERS = __PLACEHOLDERS__, PLACEHOLDER_SAID = __PLACEHOLDER_SAID__;
      // the plainest student data, as each free text's pattern refuses it (FormContext.private_detectors)
      var PRIVATE = RULES.private.length ? new RegExp(RULES.private.join("|")) : null, PRIVATE_NOTE = __PRIVATE_NOTE__;
      var CHANGES = __CHANGES__.map(function (c) { return [new RegExp(c[0], "g"), c[1], c[2]]; });
      function plain(v, path, where, said, numbers) {
        if (typeof v === "string") {
          var what = [];
          CHANGES.forEach(function (c) { var x = v.replace(c[0], c[1]); if (x !== v) { what.push(c[2]); v = x; } });
          if (what.length) { said.push(where + "：" + what.join("，")); }
          // the field's pattern (PRIVATE) read the text as typed: 张\\u200b同学 or 张<tab>同学 passed it, and is
          // written 张同学 or 张 同学, which `validate` refuses; what was changed is read again — and the text narrowed
          // as `validate` reads it (privacy._normal: 学号：１２３４５６７, full-width digits, passed the pattern)
          if (numbers && PRIVATE && (what.length || !PRIVATE.test(v)) && PRIVATE.test(narrow(v))) {
            numbers.push(where + "中有学生的个人信息（" + (what.length ? what.join("，") + "以后" : "全角的数字、字母按半角") +
                         "读出来的）：" + PRIVATE_NOTE + "，请改写。");
          }
          if (numbers) { fullNames(v, where); }
          if (numbers && Object.prototype.hasOwnProperty.call(PLACEHOLDERS, v.trim())) {
            numbers.push(PLACEHOLDER_SAID.replace("“{title}”", where).replace("{placeholder}", PLACEHOLDERS[v.trim()]) +
                         "：请在这一栏填上。");
          }
          var id = numbers && idNumber(v);
          if (id) {
            numbers.push(where + "中有身份证号（" + id + "）：记录和网站对所有人公开，不能写学生的身份证号，请删去。");
          }
          var number = numbers && grouped(v);
          if (number) {
            numbers.push(where + "中有分段书写的学号（" + number + "）：记录和网站对所有人公开，不能写学生的学号，" +
                         "请删去，写“一名学生”“几名学生”。");
          }
          return v;
        }
        if (!v || typeof v.toJS !== "function") { return v; }
        var list = typeof v.push === "function";
        return v.map(function (x, k) {
          var key = list ? path : (path ? path + "." : "") + k;
          return plain(x, key, list ? where + "第 " + (k + 1) + " 项" : (where ? where + "的" : "") + "“" + (LABELS[key] || k) + "”", said,
                       numbers);
        });
      }
      // A student's full name before 同学 (与张小明同学谈心), which `validate` warns the reviewer of (W-PRIV-001) and the site does
      // not show: privacy.py's own expression, with the university's words of no name (RULES.full_name: privacy.full_name_form_rx),
      // read in the text narrowed; each find masked as privacy.mask does (every character a *).  Told, not refused: a unit's or a
      // place's word the policy does not list may stand there (cms.FULL_NAME_NOTE).
      var FULL_NAME = RULES.full_name ? new RegExp(RULES.full_name, "g") : null, FULL_NAME_SAID = __FULL_NAME_SAID__;
      var review = [];  // (plain's warnings of the ledger being saved: #ledger-review)
      function fullNames(text, where) {
        if (!FULL_NAME || (text.indexOf("同学") < 0 && text.indexOf("同學") < 0)) { return; }
        var norm = narrow(text), m;
        FULL_NAME.lastIndex = 0;
        while ((m = FULL_NAME.exec(norm))) {
          review.push(where + "：" + FULL_NAME_SAID.replace("{masked}", "*".repeat(m[0].length)) + "。" + __FULL_NAME_NOTE__);
          if (!m[0].length) { FULL_NAME.lastIndex++; }
        }
      }
      // A student number written in groups (2026 1234 56, 2026-123456), as privacy.py's Scanner._grouped
      // reads it: the text narrowed as privacy._normal does, digit groups joined by one space or hyphen,
      // none next to a letter or to a digit across : . /, the longest run of 2 to 6 groups from each group
      // holding no date, month range or school year whose digits alone match one of the policy's
      // patterns whole (RULES.student: cms.simple_student's, which read the same in JavaScript), none
      // right after a meeting's word (MEETING); the first such number, masked as privacy.mask does
      // (2026****56), or "".  The expressions (G) and spaces are privacy.py's and chars.py's own, written
      // in when the page is built; the steps are a port, kept the same by tests/test_cms_config.py.
      var STUDENT = RULES.student.map(function (p) { return new RegExp("^(?:" + p + ")$"); });
      var G = __GROUPING__;  // (privacy.py's own expressions: privacy.grouping_rules())
      var DATE_IN_GROUPS = new RegExp(G.date), NO_GROUP_BEFORE = new RegExp(G.before), NO_GROUP_AFTER = new RegExp("^(?:" + G.after + ")");
      var MEETING = new RegExp(G.meeting);
      function narrow(t) {
        return t.replace(/[\\uff01-\\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
          .replace(/[__SPACES__]/g, " ").replace(/[\\u2010-\\u2013]/g, "-");
      }
      function isNumber(norm, groups) {
        var parts = groups.map(function (g) { return norm.slice(g[0], g[1]); });
        if (DATE_IN_GROUPS.test(norm.slice(groups[0][0], groups[groups.length - 1][1]))) { return false; }
        for (var k = 0; k + 1 < parts.length; k++) {  // a school year: 2025-2026, 2026 2026
          var a = parts[k], b = parts[k + 1];
          if (a.length === 4 && b.length === 4 && /^(?:19|20)/.test(a) && (+b - +a === 0 || +b - +a === 1)) { return false; }
        }
        var digits = parts.join("");
        return STUDENT.some(function (rx) { return rx.test(digits); });
      }
      function grouped(text) {
        if (!STUDENT.length || !/[0-9\\uff10-\\uff19][ \\-__SPACES__\\u2010-\\u2013\\uff0d][0-9\\uff10-\\uff19]/.test(text)) { return ""; }
        var norm = narrow(text), runs = new RegExp(G.run, "g"), run;
        while ((run = runs.exec(norm))) {
          if (MEETING.test(norm.slice(Math.max(0, run.index - 12), run.index))) { continue; }
          var groups = [], one = new RegExp(G.group, "g"), g;
          while ((g = one.exec(run[0]))) { groups.push([run.index + g.index, run.index + g.index + g[0].length]); }
          var usable = groups.map(function (s) {
            return !(NO_GROUP_BEFORE.test(norm.slice(Math.max(0, s[0] - 2), s[0])) || NO_GROUP_AFTER.test(norm.slice(s[1], s[1] + 2)));
          });
          for (var i = 0; i + 1 < groups.length; i++) {
            for (var j = Math.min(groups.length, i + G.most); j > i + 1; j--) {
              if (usable.slice(i, j).indexOf(false) < 0 && isNumber(norm, groups.slice(i, j))) {
                var d = groups.slice(i, j).map(function (x) { return norm.slice(x[0], x[1]); }).join("");
                return d.length <= 6 ? d.slice(0, 1) + "*".repeat(d.length - 1) : d.slice(0, 4) + "*".repeat(d.length - 6) + d.slice(-2);
              }
            }
          }
        }
        return "";
      }
      // An ID number with no word before it (11010519491231002X, 110105 1949 1231 002X), as privacy.py's Scanner._ids
      // reads it: the text narrowed, 18 digits of a real date whose check digit is right (not any 18 digits of its shape:
      // an order's or a payment's number), or 15 of a province's code and a real date; the first, masked as privacy.mask
      // does (1101**********002X), or "".  (ID: privacy.py's own expressions and numbers, cms.id_rules().)
      var ID = __IDS__;
      function realDate(y, m, d) {
        var t = new Date(Date.UTC(y, m - 1, d));
        return y >= ID.years[0] && y <= ID.years[1] && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
      }
      var HASH = new RegExp(ID.hash, "y");  // (here inside a hash-like token: no number, as validate reads it)
      function inHash(norm, at) { HASH.lastIndex = at; return HASH.test(norm); }
      function idNumber(text) {
        var norm = narrow(text), rx = new RegExp(ID.id18, "g"), m, d;
        while ((m = rx.exec(norm))) {
          if (inHash(norm, m.index)) { continue; }
          d = m.slice(1).join("");
          var sum = 0;
          for (var k = 0; k < 17; k++) { sum += +d[k] * ID.weights[k]; }
          if (realDate(+d.slice(6, 10), +d.slice(10, 12), +d.slice(12, 14)) && ID.check[sum % 11] === d[17].toUpperCase()) {
            return d.slice(0, 4) + "*".repeat(10) + d.slice(-4);
          }
        }
        rx = new RegExp(ID.id15, "g");
        while ((m = rx.exec(norm))) {
          if (!inHash(norm, m.index) && ID.provinces.indexOf(+m[1].slice(0, 2)) >= 0 && realDate(1900 + +m[2], +m[3], +m[4])) {
            return m[0].slice(0, 4) + "*".repeat(7) + m[0].slice(-4);
          }
        }
        return "";
      }
      function listed(found, id) {  // #ledger-problems (or the box `id`): one a line, or hidden when there are none
        var box = document.getElementById(id || "ledger-problems"), list = box && box.querySelector("ol");
        if (!list) { return; }
        list.textContent = "";
        found.forEach(function (text) { list.appendChild(document.createElement("li")).textContent = text; });
        box.hidden = !found.length;
      }
      var changed = [];  // (plain's `said` of the ledger being saved)
      // 保存 pressed — or on Gitea (publish_mode simple, no 保存) 立即发布, 发布，然后新建内容 or 发布，然后复制内容
      // (Decap's words for them: SAVES) —: what was listed goes (preSave lists what is still wrong) —
      // Decap stops a save with an empty required field before preSave, which left the problems just
      // put right listed.
      var bar = (window.CMS && CMS.getLocale && (CMS.getLocale("zh_Hans") || {}).editor || {}).editorToolbar || {};
      var BRANCH = __BRANCH__;
      var SAVES = ["save", "publishNow", "publishAndCreateNew", "publishAndDuplicate"].map(function (k) { return bar[k]; })
        .filter(Boolean);
      var pressed = "";  // (the last of SAVES pressed, while the page stays on a ledger)
      // Decap refuses a field in error (its pattern: a date outside the period, a student's surname) without
      // a word — its notice is for a field left empty —, its message often above, out of a phone's screen:
      // once it shows them, the fields' messages are listed too and the first brought into sight
      // (tests/test_cms_browser.py: test_a_field_in_error_out_of_sight_on_a_phone_is_told_when_saving).
      var ERRORS = '[class*="-ControlErrorsList"] li', refusing = null;
      function refused() {
        var shown = document.querySelectorAll(ERRORS);
        if (!shown.length) { return; }
        stopRefusing();
        listed(unreadOpened().concat(Array.prototype.map.call(shown, function (li) { return li.textContent.trim(); })));
        shown[0].scrollIntoView({ block: "center" });
      }
      function stopRefusing() { if (refusing) { refusing.disconnect(); refusing = null; } }
      document.addEventListener("click", function (ev) {
        var button = ev.target && ev.target.closest && ev.target.closest('button, [role="menuitem"]');
        if (button && SAVES.indexOf(button.textContent.trim()) >= 0) {
          listed([]);
          pressed = button.textContent.trim();
          stopRefusing();
          refusing = new MutationObserver(refused);
          refusing.observe(document.body, { childList: true, subtree: true, characterData: true });
          refused();  // (shown already, from the last 保存: Decap leaves them as they are)
        }
      }, true);
      // The ledger left (for a list, the 工作流 page or another ledger — 快速新建, or on Gitea after 立即发布):
      // what was listed of it goes; what was changed in it stays while its own address is shown
      // (`about`: where it was saved, or its address after Decap's own step from …/new to …/entries/<slug>).
      // On Gitea (no workflow) 发布，然后新建内容 took the address to …/new but left the ledger just saved
      // in the form (Decap reuses its editor from one address to the other and makes no new ledger):
      // the page is opened afresh there, a new ledger (tests/test_cms_browser.py:
      // test_on_gitea_publish_then_new_opens_a_fresh_ledger_not_the_one_just_saved).
      var about = "";
      window.addEventListener("hashchange", function () {
        var now = location.hash, fresh = /\\/new$/.test(about) ? about.replace(/new$/, "entries/") : "";
        if (simple && pressed === bar.publishAndCreateNew && /\\/new$/.test(now)) { location.reload(); return; }
        if (!/\\/(new|entries\\/.*)$/.test(now)) { pressed = ""; }
        stopRefusing();
        if (fresh && now.indexOf(fresh) === 0) { about = now; }
        listed([]);
        if (now !== about) { listed([], "ledger-changed"); listed([], "ledger-review"); }
        sayUnread();
      });
      function sayUnread() {  // (once its editor is shown: signed in, the fields there)
        if (!unreadOpened().length) { return; }
        var shown = new MutationObserver(function () {
          if (!document.querySelector('[id*="-field-"]')) { return; }
          shown.disconnect();
          listed(unreadOpened());
        });
        shown.observe(document.body, { childList: true, subtree: true });
      }
      sayUnread();
      if (window.CMS && CMS.registerEventListener) {
        CMS.registerEventListener({ name: "preSave", handler: function (ev) {
          stopRefusing();  // (no field in error: Decap saves)
          changed = [];
          listed(changed, "ledger-changed");
          review = [];
          var numbers = [], data = plain(numbered(ev.entry), "", "", changed, numbers);
          listed(review, "ledger-review");  // (shown whether or not the ledger is saved: it does not stop it)
          var found = numbers.concat(problems(ev.entry.set("data", data)));
          listed(found);
          if (found.length) { throw found.join(" "); }  // (Decap shows it: “保存内容失败: …”)
          var wait = waiting(ev.entry);
          if (wait.length && !window.confirm(wait.join("\\n") + "\\n\\n仍要保存吗？")) {
            throw "没有保存。等那份台账合并后再保存，或者现在保存（合并请求等它合并后再检查）。";
          }
          return tidy(data, "");
        } });
        CMS.registerEventListener({ name: "postSave", handler: function (ev) {
          saved(ev.entry);
          about = location.hash;
          listed(changed, "ledger-changed");
          var box = document.getElementById("ledger-changed"), note = document.getElementById("ledger-branch");
          if (BRANCH.said && box && note) {  // (where it was saved: said whether or not anything was changed)
            note.textContent = BRANCH.said;
            note.hidden = false;
            box.querySelector("strong").hidden = !changed.length;
            box.hidden = false;
          }
        } });
        CMS.registerEventListener({ name: "postPublish", handler: function (ev) { published(ev.entry); } });
      }
    })();
  </script>
  <script>
    // Editing a ledger keeps what Decap's YAML writer dropped: its comments (# …), and the order
    // and layout of what the form did not change.  The ledger as read is kept (period/cadre) and
    // the form's values are written into it; a new ledger is written as Decap writes it.  The
    // YAML library is the one Decap itself bundles (node_modules/yaml, copied beside it as
    // yaml/); without it the form works as Decap's own.
    function keepComments(YAML) {
      YAML.scalarOptions.str.fold.lineWidth = 0;  // a long line stays one line
      var MapC = YAML.createNode({}).constructor, SeqC = YAML.createNode([]).constructor;
      var ScalarC = YAML.createNode("x", true).constructor, read = {};
      function keyOf(d) { return d && typeof d === "object" ? d.period + "/" + d.cadre : ""; }
      function keyStr(p) { return p.key && typeof p.key === "object" ? String(p.key.value) : String(p.key); }
      function fresh(old, v) {
        var made = YAML.createNode(v, true);
        if (old && typeof old === "object") { made.commentBefore = old.commentBefore; made.comment = old.comment; }
        return made;
      }
      function merge(old, v) {
        if (v !== null && typeof v === "object" && !Array.isArray(v) && old instanceof MapC) {
          var keys = Object.keys(v);
          old.items = old.items.filter(function (p) { return keys.indexOf(keyStr(p)) >= 0; });
          keys.forEach(function (k, j) {
            var pair = old.items.filter(function (p) { return keyStr(p) === k; })[0];
            if (pair) { pair.value = merge(pair.value, v[k]); return; }
            var one = {}; one[k] = v[k];
            var made = YAML.createNode(one, true).items[0], at = 0;
            for (var i = j - 1; i >= 0; i--) {  // after the field before it in the form's order
              var before = old.items.map(keyStr).indexOf(keys[i]);
              if (before >= 0) { at = before + 1; break; }
            }
            old.items.splice(at, 0, made);
          });
          return old;
        }
        if (Array.isArray(v) && old instanceof SeqC) {
          var had = old.items.length;
          old.items = v.map(function (x, i) { return i < had ? merge(old.items[i], x) : YAML.createNode(x, true); });
          return old;
        }
        if (old instanceof ScalarC && (v === null || typeof v !== "object") && old.value === v) { return old; }
        return fresh(old, v);
      }
      window.LEDGER_PARSE = function (content) { return YAML.parse(content); };  // (a ledger waiting for review)
      CMS.registerCustomFormat("yaml", "yaml", {
        fromFile: function (content) {
          if (content && content.trim().endsWith("---")) { content = content.trim().slice(0, -3); }
          var doc = YAML.parseDocument(content, { prettyErrors: true });
          if (doc.errors.length > 0) { throw new Error("YAML parsing error:\\n" + doc.errors.map(function (e) { return e.message; }).join("\\n")); }
          var data = doc.toJSON();
          if (keyOf(data)) { read[keyOf(data)] = content; window.LEDGER_KNOW(data); }
          if (data && typeof data === "object" && typeof data.cadre === "string") {  // (the list's summary)
            data.__NAME__ = (window.LEDGER_RULES.cadres || {})[data.cadre] || "";
          }
          return data;
        },
        toFile: function (data) {
          if (data && typeof data === "object") { delete data.__NAME__; }
          var src = read[keyOf(data)], doc;
          if (src !== undefined) {
            doc = YAML.parseDocument(src);
            doc.contents = merge(doc.contents, data);
          } else {
            doc = new YAML.Document();
            doc.contents = YAML.createNode(data);
          }
          return String(doc);
        }
      });
    }
    import("./yaml/index.js").then(function (m) { keepComments(m.YAML); }, function (e) {
      console.warn("yaml/ not found: comments of an edited ledger are not kept", e);
    }).then(function () { CMS.init(); });
  </script>
</body>
</html>
"""

MSG = {
    "no_bundle": {
        "zh": "找不到 Decap CMS 程序包（{path}）：请先运行 `make admin`（其中执行 npm ci）。已只写入 config.yml 和 index.html。",
        "en": "Decap CMS bundle not found ({path}): run `make admin` (it runs npm ci). Wrote config.yml and index.html only.",
    },
    "wrote": {"zh": "已生成 {path}", "en": "wrote {path}"},
    "admin_errors": {
        "zh": "管理员维护的记录有 {n} 个错误（见“数据检查”页或 python -m generator validate），改正后才生成网页填报表单",
        "en": "the records the administrators keep have {n|error|errors} (see validate); the web form is made once they are fixed",
    },
    "no_api_root": {
        "zh": "提示：{name} 需要 --api-root（本校服务器的 API 地址，如 https://git.example.edu.cn/api/v1）；"
              "不写时表单连接 Decap 的默认地址，登录不了本校服务器。",
        "en": "note: {name} needs --api-root (your server's API, e.g. https://git.example.edu.cn/api/v1); "
              "without it the form connects to Decap's default address, not your server.",
    },
    "gitea_main": {
        "zh": "注意：Gitea 的表单没有编辑审核流程（publish_mode: simple），“立即发布”会把台账直接提交到 main，"
              "不经审核人审核、不经合并请求的检查。请加 --branch web-form（表单专用分支），并把 main 设为受保护分支"
              "（禁止推送、合并须经批准），由管理员从该分支开合并请求；见 site/guide/web-form.md 的“注意（Gitea）”。",
        "en": "note: Gitea's form has no editorial workflow (publish_mode: simple): 立即发布 (publish now) commits a ledger "
              "straight to main, with no review and no pull-request check. Add --branch web-form (a branch of the form's "
              "own), protect main (no pushes, merges need approval) and let an administrator open a pull request from it; "
              "see the Gitea note in site/guide/web-form.md.",
    },
    "bad_period": {
        "zh": "期间“{value}”不是政策规定的填报期间；期间写作 年份-代号，如 2026-H2（代号见 records/policy.yaml）",
        "en": "'{value}' is not a ledger period of the policy; write year-code, e.g. 2026-H2 (codes in records/policy.yaml)",
    },
    "archived": {
        "zh": "期间“{value}”已经备案（{manifest}），台账已冻结，不能再用网页表单修改或补交；"
              "更正请由管理员写修改记录（{amendment}）",
        "en": "period '{value}' is archived ({manifest}): its ledgers are frozen and the web form "
              "cannot change or add one; a correction is an amendment record ({amendment_en})",
    },
    "no_policy": {
        "zh": "{path}：缺少 policy.yaml 或其中有错误，无法生成表单；请先运行 python -m generator validate 并改正",
        "en": "{path}: policy.yaml is missing or invalid; run python -m generator validate and fix it first",
    },
}


def field_order(schema: dict) -> dict:
    """The schema's order of fields: "" → the ledger's, "activities" → an activity's, …"""
    out = {"": list(schema["properties"])}
    for name, node in schema["properties"].items():
        items = _resolve(_resolve(node, schema).get("items", {}), schema)
        if items.get("type") == "object":
            out[name] = list(items.get("properties", {}))
    return out


def field_labels(schema: dict, node: dict | None = None, path: tuple = ()) -> dict:
    """The form's label of each field: "activities" → 联系学生活动, "activities.summary" → 活动情况, …"""
    out = {}
    for name, sub in (node or schema)["properties"].items():
        sub = _resolve(sub, schema)
        out[".".join(path + (name,))] = FORM_LABELS.get(path + (name,), sub.get("title", name))
        items = _resolve(sub.get("items", {}), schema)
        if items.get("type") == "object":
            out.update(field_labels(schema, items, path + (name,)))
    return out


def changes() -> list:
    """The form's CHANGES (INDEX_HTML): [pattern, replacement, words] of what it changes in a text
    before the YAML writer sees it, the characters those of generator/chars.py."""
    return [["\t", " ", "Tab 换成了空格"], ["\r\n?|" + chars.klass(set(chars.BREAKS) - set("\r\n")), "\n", "特殊的换行符换成了普通的换行"],
            [chars.klass(chars.DROPPED), "", "看不见的字符删去了"]]


def in_a_hash() -> str:
    """A JavaScript look-around: here is inside a hash-like token (a commit's, a file's checksum), HASH_LEAST letters and
    digits or more with a letter among them, whose digits validate reads as no number (privacy.Scanner._resolve): a
    letter or digit here, behind it the token's start and HASH_LEAST of them from there, and a letter behind or ahead
    (JavaScript's look-behinds take any width)."""
    from generator.privacy import HASH_LEAST

    return (f"(?=[0-9A-Za-z])(?<=(?<![0-9A-Za-z])(?=[0-9A-Za-z]{{{HASH_LEAST}}})[0-9A-Za-z]*)"
            "(?:(?<=[A-Za-z][0-9A-Za-z]*)|(?=[0-9A-Za-z]*[A-Za-z]))")


def not_in_a_hash(rx: str, group: int) -> str:
    """`rx` (one of privacy's expressions) refusing a find whose data (`group`: 0, or 1, its first capturing group)
    begins inside a hash-like token (in_a_hash)."""
    at, in_class = 0, False
    while group and at < len(rx):  # (the first "(" that is no "(?", outside a class and not escaped)
        c = rx[at]
        if c == "\\":
            at += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(" and rx[at + 1] != "?":
            at += 1
            break
        at += 1
    return rx[:at] + f"(?!{in_a_hash()})" + rx[at:]


def id_rules() -> dict:
    """privacy.Scanner._ids's expressions and numbers, as privacy.py writes them, for the page's idNumber (INDEX_HTML)."""
    from generator import privacy

    return {"id18": privacy.ID18_RX, "id15": privacy.ID15_RX, "weights": privacy.ID_WEIGHTS, "check": privacy.ID_CHECK,
            "provinces": sorted(privacy.PROVINCES), "years": list(privacy.ID_YEARS), "hash": in_a_hash()}


def index_html(schema: dict | None = None, rs: RecordSet | None = None, periods: list | None = None,
               backend: dict | None = None, findings=None, fixed_today: dt.date | None = None) -> str:
    """The admin page; `fixed_today`: the day the page takes for today instead of the browser's clock (a trial's
    --today: cms_trial), else none."""
    from generator import privacy  # (its own expressions for grouped(): grouping_rules)
    from generator.messages import MESSAGES
    from generator.validate import PLACEHOLDERS_LEFT, placeholder_said  # (what E-SCHEMA-011 refuses, as it says it)

    def message(code: str) -> str:  # (the check's own words: {masked} the page's)
        return MESSAGES[code]["zh"]

    schema = schema or load_schema()
    branch = (backend or {}).get("branch", RECORDS)
    to_branch = {} if workflow(backend or {}) or branch == RECORDS else {
        "word": SAVED_WORD.format(branch=branch), "said": SAVED_TO_BRANCH.format(branch=branch)}
    order = json.dumps(field_order(schema), ensure_ascii=False)
    rules = form_rules(rs, periods or [], findings)
    if fixed_today:
        rules["today"] = fixed_today.isoformat()
    rules = json.dumps(rules, ensure_ascii=False, sort_keys=True)
    labels = json.dumps(field_labels(schema), ensure_ascii=False)
    return (INDEX_HTML.replace("__FIELD_ORDER__", order).replace("__RULES__", rules).replace("__NAME__", NAME_KEY)
            .replace("__LABELS__", labels).replace("__CHANGES__", json.dumps(changes(), ensure_ascii=False))
            .replace("__PRIVATE_NOTE__", json.dumps(PRIVATE_NOTE, ensure_ascii=False))
            .replace("__FULL_NAME_SAID__", json.dumps(message("W-PRIV-001"), ensure_ascii=False))
            .replace("__PLACEHOLDERS__", json.dumps({left: placeholder_said(left) for left in sorted(PLACEHOLDERS_LEFT)},
                                                    ensure_ascii=False))
            .replace("__PLACEHOLDER_SAID__", json.dumps(message("E-SCHEMA-011"), ensure_ascii=False))
            .replace("__FULL_NAME_NOTE__", json.dumps(FULL_NAME_NOTE, ensure_ascii=False))
            .replace("__SPACES__", chars.klass(chars.SPACES)[1:-1]).replace("__GROUPING__", json.dumps(privacy.grouping_rules()))
            .replace("__IDS__", json.dumps(id_rules()))
            .replace("__BACKENDS__", json.dumps(list(BACKENDS)))
            .replace("__BRANCH__", json.dumps(to_branch, ensure_ascii=False))
            .replace("__SITE__", html.escape(site_name(rs))))


def site_name(rs: RecordSet | None) -> str:
    """The site's name as its home page says it (templates/index.md.j2): 示例大学联系学生工作台账."""
    return ((rs.setting("institution", "name", default="") or "") if rs else "") + "联系学生工作台账"


def id_stem(period: Period) -> str:
    """The start of a feedback id of the period: 2026-H2 → 2026h2 (2026h2-zhang-wei-1)."""
    return period.id.replace("-", "").lower()


# A student-number pattern of digits, [0-9] (or a range of digits: [0-3]), \d, {n}, {m,n}, ?, *, +, (?:…) and |
# alone (20[0-9]{8,10}, 20\d{8}|19[0-9]{8}) reads the same in JavaScript over a string of ASCII digits: the page
# checks a number written in groups against those (INDEX_HTML: grouped); others it leaves to validate.  (Not
# Python's possessive *+ nor {,n}, which JavaScript reads otherwise; and the pattern must compile: simple_student.)
SIMPLE_STUDENT = re.compile(r"(?:(?:[0-9]|\[[0-9](?:-[0-9])?\]|\\d|\))(?:(?:\{[0-9]{1,3}(?:,[0-9]{1,3})?\}|[?*+])\??)?"
                            r"|\(\?:|\|)+")


def simple_student(pattern) -> bool:
    """Whether the page checks numbers in groups against `pattern` (SIMPLE_STUDENT, and it compiles)."""
    from generator.privacy import student_regex

    return isinstance(pattern, str) and bool(SIMPLE_STUDENT.fullmatch(pattern)) \
        and not isinstance(student_regex(pattern), tuple)


def form_rules(rs: RecordSet | None, periods: list, findings=None) -> dict:
    """What the admin page checks of a whole ledger before saving (INDEX_HTML): each period's
    ledgers filed already (a new one for the same cadre would be saved as <cadre>-1.yaml; the site
    is built again on each merge, and the page adds each ledger it reads from the repository or saves
    since it was opened), its contact points of each cadre (the assignment rows that overlap it: never fewer than `check`
    allows), the statuses' meanings, each feedback id's ledger and date raised and each period's start
    (a follow-up of a later period's item or of one raised after it), and the names to say them with;
    each period's ledgers that cannot be read (the form opens them empty) with the line and column of the first
    error of `findings` (validate's) in each.  Without a record set (rs None): the same rules with nothing
    known, the page's fallback."""
    from generator.references import feedback_summary

    out: dict = {"periods": {}, "statuses": {}, "names": {}, "cadres": {}, "timezone": "Asia/Shanghai",
                 "ids": {}, "raised": {}, "starts": {}, "student": [], "private": [], "full_name": ""}
    if rs is None:
        return out
    from generator.privacy import full_name_form_rx, not_names, student_patterns

    out["student"] = [p for p in student_patterns(rs) if simple_student(p)]
    out["private"] = FormContext(rs, None).private_detectors()
    out["full_name"] = full_name_form_rx(not_names(rs))  # (a warning, W-PRIV-001's: INDEX_HTML, fullNames)
    out["statuses"] = dict(rs.status_meaning())
    if isinstance(rs.timezone, str):
        out["timezone"] = rs.timezone
    for (folder, stem), led in sorted(rs.ledgers.items()):  # each feedback id → its ledger
        for _i, fid, _follows, raised in feedback_summary(led):
            if fid and fid not in out["ids"]:  # (and the date it was raised on: a follow-up of a later item)
                out["ids"][fid], out["raised"][fid] = f"{folder}/{stem}", raised
    for period in [*filter(None, map(rs.period, {folder for folder, _stem in rs.ledgers})), *periods]:
        out["starts"][period.id] = period.start.isoformat()  # (a follow-up of a later period's item: E-REF-006)
    for period in periods:
        held: dict[str, set] = {}
        for row in FormContext(rs, period).rows():
            _kind, pid = rs.contact_point(row)
            cadre = row.get("cadre")
            if pid and isinstance(cadre, str):
                held.setdefault(cadre, set()).add(pid)
                item = rs.classes.get(pid) or rs.clubs.get(pid)
                out["names"][pid] = item.get("name", pid) if item else pid
        # (one there that cannot be read is filed too: in Git, the check counts it handed in with errors, to fix;
        # the form opens it empty: where its first error is, to fix in the Git host's editor)
        unread = {d.stem: d.file for d in rs.docs if d.kind == "ledger" and not d.mapping and d.folder == period.id}
        filed = sorted({stem for folder, stem in rs.ledgers if folder == period.id} | set(unread))
        first = {}
        for f in sorted(f for f in findings or () if f.severity == "error" and f.file in unread.values()):
            first.setdefault(f.file, [f.line or 1, f.column or 1])
        for cid in [*held, *filed]:
            out["cadres"][cid] = (rs.cadres.get(cid) or {}).get("name", cid)
        out["periods"][f"ledgers-{period.id}"] = {"name": period.name, "folder": f"records/ledgers/{period.id}",
                                                   "id": period.id, "stem": id_stem(period),
                                                   "points": {c: sorted(p) for c, p in held.items()}, "filed": filed,
                                                   "unread": {c: first.get(file, []) for c, file in unread.items()}}
        if retired := FormContext(rs, period).retired_offered():  # (a word offered until a day: said after it)
            out["periods"][f"ledgers-{period.id}"]["retired"] = retired
    return out


# ---------------------------------------------------------------- schema → fields
def load_schema(path: Path = SCHEMA) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _resolve(node: dict, schema: dict) -> dict:
    """Merge a `$ref` to `#/$defs/…` into the node (the node's own keys win)."""
    ref = node.get("$ref")
    if not ref or not ref.startswith("#/$defs/"):
        return node
    target = _resolve(schema["$defs"][ref.split("/")[-1]], schema)
    return {**target, **{k: v for k, v in node.items() if k != "$ref"}, "_def": ref.split("/")[-1]}


def _is_date(node: dict) -> bool:
    return node.get("format") == "date" or node.get("_def") == "date"


def _length_pattern(node: dict, example: str = "") -> list | None:
    """A Decap `pattern` [regex, message] for a schema string: its pattern (a slug's message giving `example`,
    FormContext.id_example), or its length limits."""
    if node.get("pattern"):
        if node.get("_def") == "slug":
            return [node["pattern"], "只能用英文小写字母、数字和连字符" + (f"，如 {example}" if example else "")]
        return [node["pattern"], f"格式不对：应符合 {node['pattern']}"]
    lo, hi = node.get("minLength", 0), node.get("maxLength")
    if lo > 1 or hi:
        rng = f"{{{max(lo, 0)},{hi if hi else ''}}}"
        if hi:
            msg = f"请写 {lo} 到 {hi} 个字" if lo > 1 else f"最多 {hi} 个字"
        else:
            msg = f"至少写 {lo} 个字"
        return [f"^[\\s\\S]{rng}$", msg]
    return None


def _options_field(field: dict, options: list) -> dict:
    field.update(widget="select", options=options)
    return field


def field_for(name: str, node: dict, required: bool, schema: dict, ctx: "FormContext", path=()) -> dict:
    """The Decap field of one schema property (recursively for lists of objects)."""
    node = _resolve(node, schema)
    path = path + (name,)
    field: dict = {"name": name, "label": ctx.label(path, FORM_LABELS.get(path, node.get("title", name)))}
    if node.get("description"):
        vocab = VOCAB_FIELDS.get(path)
        field["hint"] = ctx.rs.statuses_named(form_hint(path, node, ctx.vocabulary(vocab) if vocab else ()))
    field["required"] = bool(required)
    special = ctx.special(path, node)
    if special is not None:
        field.update(special)
        return field
    kind = node.get("type")
    if kind == "array":
        items = _resolve(node.get("items", {}), schema)
        field["widget"] = "list"
        if items.get("type") == "object":
            req = set(items.get("required", []))
            field["fields"] = [field_for(k, v, k in req, schema, ctx, path)
                               for k, v in items.get("properties", {}).items()]
            # (Decap counts a list of one by label_singular, of other counts by label, and adds by
            # label_singular: one name for both, or "1 活动" beside "2 联系学生活动")
            field["label_singular"] = field["label"]
            first = next(iter(items.get("properties", {})), None)
            if first:
                field["summary"] = "{{fields.%s}}" % first
            field["collapsed"] = False
        else:
            sub = field_for(name, items, True, schema, ctx, path)
            sub["label"] = field["label"]
            sub.pop("hint", None)
            field["field"] = sub
        if node.get("minItems"):
            field["min"] = node["minItems"]
        if node.get("maxItems"):
            field["max"] = node["maxItems"]
        if not required:
            field["default"] = []
    elif kind == "object":
        req = set(node.get("required", []))
        field["widget"] = "object"
        field["fields"] = [field_for(k, v, k in req, schema, ctx, path) for k, v in node.get("properties", {}).items()]
    elif kind == "integer" or kind == "number":
        field.update(widget="number", value_type="int" if kind == "integer" else "float")
        if "minimum" in node:
            field["min"] = node["minimum"]
        if "maximum" in node:
            field["max"] = node["maximum"]
    elif kind == "boolean":
        field.update(widget="boolean", default=False)
        field["required"] = False
    elif _is_date(node):
        # An <input type=date>; the value is written as plain YYYY-MM-DD (text for our loader).
        field.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD",
                     time_format=False, picker_utc=False)
        if path == ("activities", "date"):  # inside the period (E-REF-004), said before saving
            field["pattern"] = ctx.date_pattern()
    elif "enum" in node:
        _options_field(field, list(node["enum"]))
    else:  # string
        field["widget"] = "text" if (node.get("maxLength") or 0) > LONG_TEXT else "string"
        pattern = _length_pattern(node, ctx.id_example())
        if node.get("_def") != "slug":  # free text: warn of a student's number before the commit
            pattern = ctx.private_pattern(pattern)
        if pattern:
            field["pattern"] = pattern
    return field


# The schema's descriptions are written for people who edit the YAML file; in the form some of
# their words point elsewhere (a file, a word list in policy.yaml, “true”, a date format):
# these say the same for someone who picks from a list, a calendar or a switch.
FORM_HINTS = {
    ("cadre",): "在列表中选择自己的姓名（台账文件以您的干部编号命名）。",
    ("contact_points",): "选择本期工作安排表中您联系的班级或社团（列表中每项后面写着联系干部），至少一个。",
    ("activities", "date"): "用日历选择活动日期，须在本期之内。",
    ("activities", "typical"): "值得宣传推广的先进典型事例，请打开这个开关。",
    ("feedback", "raised_on"): "学生反映或本次跟进的日期。",
    ("feedback", "status"): "选“已上报”时须填写“报告对象”；选“已解决”时须填写“解决情况”和“解决日期”。",
    ("feedback", "resolved_on"): "状态为“已解决”时必填。",
    ("feedback", "follows"): "本条是对以前哪一条反映的跟进，填那一条的编号；保存时核对，编号不存在时列出您以前各期的反映编号。",
}
# The schema's titles name what a file holds; in the form the cadre is picked by name (the id is
# written to the file and shown after the name in each option).
FORM_LABELS = {("cadre",): "干部姓名"}
_EXAMPLE_ID = re.compile(r"如 [a-z0-9]+(?:-[a-z0-9]+)*")  # (the schema's example of a feedback id: FormContext.id_example)
_POLICY_WORDS = re.compile(r"[；;]?\s*可选值见政策记录[^。]*。")


def form_hint(path: tuple, node: dict, words=()) -> str:
    """A field's hint in the form: FORM_HINTS, else the schema's description, without pointing
    at the policy's word lists (the form's list holds them); the words it gives as examples, or
    lists (如 主题班会、个体谈话、座谈交流; 问题 或 建议), are the policy's `words` (the university's own,
    not the schema's)."""
    if path in FORM_HINTS:
        return FORM_HINTS[path]
    hint = node["description"]
    if tuple(p for p in path) in VOCAB_FIELDS:
        hint = own_examples(_POLICY_WORDS.sub("。", hint).replace("。。", "。"), words) + "请在列表中选择。"
    return hint


# ---------------------------------------------------------------- records → options
class FormContext:
    """The records-dependent parts of the form for one period: cadres, contact points, vocabularies."""

    def __init__(self, rs: RecordSet, period: Period):
        self.rs = rs
        self.period = period

    def rows(self):
        """Assignment rows that overlap the period."""
        return [row for row in self.rs.assignments if self.rs.held_between(row, self.period.start, self.period.end)]

    def cadre_options(self) -> list:
        rows = self.rows()
        ids = sorted({r.get("cadre") for r in rows if r.get("cadre") in self.rs.cadres}) or sorted(self.rs.cadres)
        opts = []
        for cid in ids:
            c = self.rs.cadres[cid]
            unit = self.rs.units.get(c.get("unit"))
            where = c.get("position") or (unit.get("name") if unit else "")
            opts.append({"label": f"{c.get('name', cid)}（{where}）· {cid}", "value": cid})
        return sorted(opts, key=lambda o: (self.rs.cadres[o["value"]].get("unit") or "", o["value"]))

    def point_options(self) -> list:
        """Contact points assigned during the period, each labelled with its cadres."""
        names: dict[str, list[str]] = {}
        for row in self.rows():
            kind, pid = self.rs.contact_point(row)
            cadre = self.rs.cadres.get(row.get("cadre"))
            if pid:
                names.setdefault(pid, []).append(cadre.get("name") if cadre else row.get("cadre"))
        points = names or {pid: [] for pid in list(self.rs.classes) + list(self.rs.clubs)}
        opts = []
        for pid, who in points.items():
            item = self.rs.classes.get(pid) or self.rs.clubs.get(pid)
            kind = KIND_ZH["class" if pid in self.rs.classes else "club"]
            name = item.get("name", pid) if item else pid
            label = f"{name}（{kind}）"
            if who:
                label += "——联系干部：" + "、".join(sorted(set(who)))
            opts.append({"label": label, "value": pid})
        return sorted(opts, key=lambda o: o["label"])

    def date_pattern(self) -> list:
        """A Decap `pattern` that holds the dates of the period and no other (YYYY-MM-DD):
        a month wholly inside it as YYYY-MM-dd, the first and last months day by day."""
        start, end = self.period.start, self.period.end
        parts, month = [], start.replace(day=1)
        while month <= end:
            nxt = (month + dt.timedelta(days=32)).replace(day=1)
            first, last = max(start, month), min(end, nxt - dt.timedelta(days=1))
            if first == month and last == nxt - dt.timedelta(days=1):
                parts.append(f"{month:%Y-%m}-[0-9]{{2}}")
            else:
                days = "|".join(f"{d:02d}" for d in range(first.day, last.day + 1))
                parts.append(f"{month:%Y-%m}-(?:{days})")
            month = nxt
        return ["^(?:" + "|".join(parts) + ")$",
                f"活动日期须在本期（{start} 至 {end}）之内；其他期间的活动请填在那一期的台账中"]

    def private_pattern(self, pattern: list | None) -> list:
        """A free-text field's Decap `pattern`: its length limits (`pattern`, from the schema), and
        none of the plainest student-identifying data `validate` blocks (privacy.py) — phone, ID
        and student numbers, e-mail, QQ, dormitory rooms, a student called by surname or initials
        (privacy.CALLED_RX, the check's own expression) — so that the form says so before saving:
        a saved form is a commit on a branch of the Git host, which keeps it even when `validate`
        then blocks the pull request.  A subset of privacy.py's detectors, most of them its own
        expressions (tests/test_cms_config.py); an ID number with no word before it, whose check
        digit no regular expression tells, and a student number in groups the page checks before
        saving (INDEX_HTML: idNumber, grouped); privacy.py finds more (names, WeChat accounts …)."""
        body = pattern[0][1:-1] if pattern and pattern[0][:1] == "^" and pattern[0][-1:] == "$" else "[\\s\\S]*"
        rx = "^(?![\\s\\S]*(?:" + "|".join(self.private_detectors()) + "))" + body + "$"
        words = (pattern[1] + "；") if pattern else ""
        return [rx, words + PRIVATE_NOTE]

    def private_detectors(self) -> list[str]:
        from generator.privacy import (ADDRESS_RX, BANK_WORD_RX, CALLED_RX, EMAIL_RX, ID_PART_RX, ID_WORD_RX, LANDLINE_RX,
                                       MOBILE_RX, OTHER_NUMBER_RX, OTHER_PART_RX, ROLL_RX, PART_COUNTS, PART_WORDS, PHONE_WORD_RX, QQ_RX,
                                       STUDENT_WORD_RX, WECHAT_RX, WXID_RX, dorm_rx, meeting_behind, student_patterns,
                                       teaching_buildings)

        # (phones, e-mails, QQ and WeChat accounts and rooms as validate reads them: 138.1234.5678, 024-83687123,
        # 电话 8368 7123, abc(at)163.com, 扣扣123456789, vx abc12345, 3号楼5层502, 502寝 …; an ID number after 身份证/证件号, 考生号/准考证号/护照号 and 身份证后四位 too; an ID number
        # alone, whose check digit no expression tells, the page checks before saving: id_rules)
        # (a number inside a hash-like token is none, as validate reads it: the data's start not in_a_hash — the others
        # cannot stand inside one: a word before them or a look-ahead refusing a letter after them)
        numbers = [not_in_a_hash(MOBILE_RX, 0), not_in_a_hash(LANDLINE_RX, 0), not_in_a_hash(PHONE_WORD_RX, 1),
                   not_in_a_hash(ID_WORD_RX, 1), not_in_a_hash(QQ_RX, 1), not_in_a_hash(BANK_WORD_RX, 1)]
        out = [*numbers, EMAIL_RX, WECHAT_RX, WXID_RX, STUDENT_WORD_RX, CALLED_RX, *dorm_rx(teaching_buildings(self.rs)),
               OTHER_NUMBER_RX, OTHER_PART_RX, ID_PART_RX, ROLL_RX, ADDRESS_RX]
        # a part of a student number (1 to 4 digits) after 学号 or its 尾号/后四位 …, as privacy._STUDENT_PART reads it
        # (its words; not a count: its counts, and ％ as it narrows to %)
        out.append(PART_WORDS + _SPACE + "(?:[:：=]|是|为)?" + _SPACE + "[A-Za-z]{0,3}[0-9]{1,4}"
                   "(?![0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a])(?!" + _SPACE + f"(?:{PART_COUNTS}|％))")
        meeting = meeting_behind("[ " + chars.klass(chars.SPACES)[1:-1] + "]")  # (not 会议号2026123456: validate lets it be)
        for pat in student_patterns(self.rs):
            # only what reads the same in JavaScript (no named groups, look-behinds, flags …)
            if isinstance(pat, str) and pat and not re.search(r"\(\?|\\[AZzGPpNuUx]|\[\[", pat):
                out.append(not_in_a_hash(f"{meeting}(?<![0-9A-Za-z])(?:{pat})(?![0-9A-Za-z])", 0))
        return out

    def label(self, path: tuple, label: str) -> str:
        """A field's label: the university's title of it (RecordSet.field_title)."""
        return self.rs.field_title(path, label)

    def id_example(self) -> str:
        """A feedback id of the period, as the form numbers one left empty: the first cadre the form lists
        (2026h2-ouyang-nana-1), not the schema's example of a demo cadre."""
        cadres = self.cadre_options()
        return f"{id_stem(self.period)}-{cadres[0]['value']}-1" if cadres else f"{id_stem(self.period)}-1"

    def vocabulary(self, name: str) -> list:
        """A word list's words to offer: the current ones, then those of the list in force when the period began
        (vocabularies.earlier: a word retired since, still right for the period's ledgers)."""
        if name == "feedback_statuses":
            return list(self.rs.status_meaning())
        now = [str(v) for v in self.rs.vocab(name)]
        return now + [w for w in self.rs.words_on(name, self.period.start) or () if w not in now] \
            if self.rs.changes("vocabularies", name) else now

    def retired_offered(self) -> list:
        """The words `vocabulary` offers only as words of an earlier list, in an entry judged by its own day
        (references._DATED: an activity's date, a feedback item's raised_on): [list, its day's key, field, word,
        the word's last day in a list], for the page to say before saving that an entry dated after that day holds
        a word `validate` refuses there (E-REF-005, references' RETIRED)."""
        from generator.references import _DATED

        out = []
        for (group, key), vocab in VOCAB_FIELDS.items():
            if group in _DATED and self.rs.changes("vocabularies", vocab):
                now = {str(v) for v in self.rs.vocab(vocab)}
                out += [[group, _DATED[group], key, w, until.isoformat()] for w in self.vocabulary(vocab)
                        if w not in now and (until := self.rs.retired(vocab, w))]
        return out

    def special(self, path: tuple, node: dict) -> dict | None:
        """Fields whose options or value come from the records rather than from the schema."""
        if path == ("cadre",):
            return {"widget": "select", "options": self.cadre_options()}
        if path == ("period",):
            return {"widget": "hidden", "default": self.period.id}
        if path == ("contact_points",):
            # (default []: without one, Decap's required multiple select sets itself to [] as it appears,
            # and an untouched new ledger says 含未保存的修改)
            return {"widget": "select", "multiple": True, "options": self.point_options(), "default": [],
                    "min": node.get("minItems", 1), "max": node.get("maxItems", 5)}
        if path == ("feedback", "id"):  # (numbered when left empty: INDEX_HTML)
            return {"widget": "string", "required": False, "pattern": _length_pattern(node, self.id_example()),
                    "hint": _EXAMPLE_ID.sub("如 " + self.id_example(), node["description"]) + f"可以不填：保存时自动编为 {id_stem(self.period)}-<干部编号>-1、-2……"}
        vocab = VOCAB_FIELDS.get(path)
        if vocab:  # (an optional list the policy leaves out — feedback_natures —: nothing to choose, not asked)
            words = self.vocabulary(vocab)
            return {"widget": "select", "options": words} if words else {"widget": "hidden"}
        return None


# ---------------------------------------------------------------- the config
def default_periods(rs: RecordSet, today: dt.date) -> list[Period]:
    """The period containing `today` and the one before it (late ledgers), newest first; an
    archived one (备案, records/archive/<period>.yaml) left out: its ledgers are frozen."""
    found = rs.periods_between(today - dt.timedelta(days=200), today)
    frozen = archived(rs)
    return [p for p in reversed(found[-2:]) if p.id not in frozen]


def archived(rs: RecordSet) -> set:
    from generator.archive import archived_periods

    return archived_periods(rs)


def _frozen_asked(rs: RecordSet, periods: list) -> list[str]:
    """The archived periods among those asked for (--periods)."""
    frozen = archived(rs)
    return [p.id for p in periods if p is not None and p.id in frozen]


def _archived(rs: RecordSet, frozen: list[str], lang: str) -> str:
    """The refusal of archived periods, naming the first one's manifest and amendment records where
    they are (in the records folder as given: archive.amendment_path)."""
    from generator.archive import amendment_path, manifests

    man = manifests(rs)[frozen[0]]
    return MSG["archived"][lang].format(value="、".join(frozen), manifest=man.file,
                                        amendment=amendment_path(man, frozen[0], "<干部编号>"),
                                        amendment_en=amendment_path(man, frozen[0], "<cadre>"))


# What 保存 does, as the period's list tells it (build_config): with the editorial workflow a ledger
# saved waits on the 工作流 page (Decap's list shows only what is merged); Gitea's form (simple) has no
# 保存 button (Decap's simple controls): 发布 → 立即发布 commits to the form's branch — on main (RECORDS),
# straight into the records, which no reviewer sees.
RECORDS = "main"
SAVING = {
    True: "保存后是“草稿”，在“工作流”页中（合并以前不在本列表里）；改为“审核中”即提交本单位党委审核，审核通过后发布。",
    False: "填好后点“发布”，再点“立即发布”：这就是保存（本表单没有“保存”按钮），",
}
TO_BRANCH = ("台账随即提交到 {branch} 分支，出现在本列表里；由管理员从 {branch} 分支向 main 开合并请求，"
             "经检查和本单位审核人批准后才进入正式记录。")
# … and what the form says once it has saved there (Decap's toolbar said 已发布)
SAVED_WORD = "已存入 {branch} 分支，待合并"
SAVED_TO_BRANCH = ("已保存到 {branch} 分支，还不是正式记录：等管理员从 {branch} 分支向 main 开合并请求，"
                   "经检查和本单位审核人批准、合并以后才进入正式记录（网站上才看得到）。")
TO_RECORDS = ("台账随即直接提交到正式记录（main 分支），不经本单位审核人审核，也不经合并请求的检查：发布前请逐项核对；"
              "平台拒绝保存时（main 设了分支保护），请告诉管理员。")


def workflow(backend: dict) -> bool:
    """Each submission a branch and pull request (editorial workflow); Decap's gitea backend cannot."""
    return backend.get("name") != "gitea"


def saving(workflow: bool, branch: str) -> str:
    """What saving does, as the period's list says it (SAVING)."""
    if workflow:
        return SAVING[True]
    return SAVING[False] + (TO_RECORDS if branch == RECORDS else TO_BRANCH.format(branch=branch))


def collection(rs: RecordSet, period: Period, schema: dict, workflow: bool = True, branch: str = RECORDS) -> dict:
    ctx = FormContext(rs, period)
    req = set(schema.get("required", []))
    fields = [field_for(k, v, k in req, schema, ctx) for k, v in schema["properties"].items()]
    # the file name is the cadre id; Decap needs the slug field first-class
    return {
        "name": f"ledgers-{period.id}",
        "label": f"{period.name}工作台账",
        "label_singular": f"{period.name}工作台账",
        # (the schema's description is for a file's editor: the form's says no path)
        "description": (f"每位中层领导干部每半年填一份联系学生工作台账（附件2）。本期：{period.start} 至 {period.end}，"
                        f"截止 {period.due}。" + saving(workflow, branch)),
        "folder": f"records/ledgers/{period.id}",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "delete": False,
        "slug": "{{cadre}}",
        "identifier_field": "cadre",
        # the list shows 张伟（zhang-wei）· 2026年下半年: the name is not in the ledger, the admin
        # page puts it beside the values as it reads each one (NAME_KEY, INDEX_HTML)
        "summary": "{{%s}}（{{cadre}}）· %s" % (NAME_KEY, period.name),
        "editor": {"preview": False},
        "fields": fields,
    }


def backend_config(name: str = "gitlab", repo: str | None = None, branch: str = "main",
                   **extra) -> dict:
    out = {"name": name}
    if repo:
        out["repo"] = repo
    out["branch"] = branch
    out.update({k: v for k, v in extra.items() if v not in (None, "")})
    out["commit_messages"] = {
        "create": "新增{{collection}}：{{slug}}",
        "update": "修改{{collection}}：{{slug}}",
        "delete": "删除{{collection}}：{{slug}}",
        "uploadMedia": "上传 {{path}}",
        "deleteMedia": "删除 {{path}}",
    }
    return out


def build_config(rs: RecordSet, periods: list[Period], backend: dict, schema: dict | None = None,
                 local_backend: str | None = None, site_url: str | None = None) -> dict:
    schema = schema or load_schema()
    flow = workflow(backend)
    config: dict = {
        "locale": "zh_Hans",
        "publish_mode": "editorial_workflow" if flow else "simple",
        "backend": backend,
        # the site is built from the main branch only: no host builds a preview of a ledger's branch, and
        # Decap would offer 点击以预览 (doing nothing) and ask the host for one up to 24 times
        "show_preview_links": False,
    }
    if local_backend:
        config["local_backend"] = {"url": local_backend, "allowed_hosts": ["127.0.0.1", "localhost"]}
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    config.update({
        "media_folder": "records/.media",  # required by Decap; the ledger form has no uploads
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [collection(rs, p, schema, flow, backend.get("branch", RECORDS)) for p in periods],
    })
    return config


HEADER = ("# 由 python -m generator cms-config 根据 schemas/ledger.schema.json 和 records/ 生成，请勿手工修改。\n"
          "# Generated from the ledger schema and the records; do not edit by hand.\n")


def dump(config: dict) -> str:
    return HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def write_admin(out_dir, records="records", *, today: dt.date | None = None, periods=None,
                backend: dict | None = None, local_backend: str | None = None, lang: str = "zh",
                rs=None, findings=None, fixed_today: dt.date | None = None) -> bool:
    """Write the admin page into out_dir: index.html, config.yml and, when node_modules exist,
    the Decap CMS bundle with its lazily loaded chunks.  Returns True when the page is complete.
    `rs`, `findings`: the record set of `records` and its findings when the caller has them already
    (the site build).  `fixed_today`: the page's today instead of the browser's clock (index_html).
    Errors outside the ledgers (pipeline.admin_errors) raise ValueError."""
    from generator.pipeline import admin_errors, validate_records

    out = Path(out_dir)  # (made by write_files: a failure there is said as any write's)
    if rs is None:
        rs, findings = validate_records(Path(records))
    if errors := admin_errors(rs, findings or []):
        raise ValueError(F.counted(MSG["admin_errors"][lang], n=len(errors)))
    if rs.policy is None:
        raise ValueError(MSG["no_policy"][lang].format(path=records))
    if today is None:
        from generator.cli import clock_today

        today = clock_today(rs)  # (the policy's time zone, as every command reads the clock)
    chosen = [rs.period(p) for p in periods] if periods else default_periods(rs, today)
    if any(p is None for p in chosen):
        raise ValueError(MSG["bad_period"][lang].format(value=",".join(periods or [])))
    if frozen := _frozen_asked(rs, chosen):
        raise ValueError(_archived(rs, frozen, lang))
    config = build_config(rs, chosen, backend or backend_config(), local_backend=local_backend)
    bundle = bundle_files(out, lang)
    # (one write: a failure partway says which of them all were written)
    write_files({out / "config.yml": dump(config).encode("utf-8"),
                 out / "index.html": index_html(rs=rs, periods=chosen, backend=backend or backend_config(),
                                                findings=findings, fixed_today=fixed_today).encode("utf-8"),
                 **(bundle or {})})
    if bundle is None:
        return False
    if (out / "yaml").is_dir():  # (a file of an older YAML library, which no page loads)
        for old in (out / "yaml").iterdir():
            if old not in bundle:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    return True


def bundle_files(out: Path, lang: str = "zh") -> dict[Path, Path] | None:
    """{the file in `out`: the Decap CMS bundle's file it is a copy of}; None (said) without the bundle."""
    if not (BUNDLE / "decap-cms.js").is_file():
        sys.stderr.write(MSG["no_bundle"][lang].format(path=BUNDLE) + "\n")
        return None
    copies = {}
    if YAML_LIB.is_dir():  # the YAML library Decap bundles, for keeping an edited ledger's comments
        copies.update((out / "yaml" / src.name, src) for src in YAML_LIB.glob("*.js"))
    for src in BUNDLE.iterdir():
        name = src.name
        if name.endswith(".map"):
            continue
        if name == "decap-cms.js" or name.endswith(".decap-cms.js") or name.endswith(".wasm") \
                or name == "decap-cms.js.LICENSE.txt":
            copies[out / name] = src
    return copies


# ---------------------------------------------------------------- command line
def backend_args(p) -> None:
    """The options that say the web form's Git host, its repository and periods (cms-config's, cms-admin's, and
    the site build's CMS_ARGS, read by admin_form.backend_from)."""
    from generator.cli import add_today

    p.add_argument("--backend", choices=BACKENDS, default="gitlab", help=say("代码托管平台", "Git host backend"))
    p.add_argument("--repo", help=say("仓库，如 xgb/contact-ledger", "repository, e.g. xgb/contact-ledger"))
    p.add_argument("--branch", default="main", help=say("发布分支，默认 main", "published branch, default main"))
    p.add_argument("--base-url", help=say("托管平台或 OAuth 代理地址（base_url）", "address of the Git host or the OAuth proxy (base_url)"))
    p.add_argument("--api-root", help=say("API 地址（api_root），自建 GitLab/Gitea/Forgejo 需要", "API address (api_root), for a self-hosted GitLab, Gitea or Forgejo"))
    p.add_argument("--app-id", help=say("OAuth 应用 ID（app_id）", "OAuth application id (app_id)"))
    p.add_argument("--auth-type", help="gitlab: pkce")
    p.add_argument("--auth-endpoint", help="auth_endpoint")
    p.add_argument("--local-backend", metavar="URL",
                   help=say("本地试用：decap-server 地址，如 http://127.0.0.1:8081/api/v1",
                            "local trial: the decap-server address, e.g. http://127.0.0.1:8081/api/v1"))
    add_today(p, "今天的日期（决定表单包含哪两期），默认今天", "today (which two periods the form offers), default today")
    p.add_argument("--periods", help=say("逗号分隔的期间，如 2026-H1,2026-H2（默认：本期和上一期）",
                                            "periods separated by commas, e.g. 2026-H1,2026-H2 (default: this one and the one before)"))


def backend_of_args(args) -> dict:
    """The `backend:` section of the web form's config from backend_args' options (a word on stderr of one
    that cannot work as given: Gitea or Forgejo with no --api-root, Gitea publishing to the records branch)."""
    extra = {"base_url": args.base_url, "api_root": args.api_root, "app_id": args.app_id,
             "auth_type": args.auth_type or ("pkce" if args.backend == "gitlab" and args.app_id else None),
             "auth_endpoint": args.auth_endpoint}
    lang = getattr(args, "lang", "zh")  # (the site build's options, admin_form.backend_from, have no --lang)
    if args.backend in ("gitea", "forgejo") and not args.api_root and not args.local_backend:
        sys.stderr.write(MSG["no_api_root"][lang].format(name=args.backend) + "\n")
    if args.backend == "gitea" and args.branch == RECORDS:
        sys.stderr.write(MSG["gitea_main"][lang] + "\n")
    return backend_config(args.backend, args.repo, args.branch, **extra)


def _periods_asked(args) -> list[str] | None:
    """--periods: the periods named, each once, in order (None: the default two)."""
    return list(dict.fromkeys(p.strip() for p in args.periods.split(","))) if args.periods else None


def _records_read(args, command: str):
    """(records folder, RecordSet, validate's findings, the day) the form is built for by `command`
    (cms-config, cms-admin), or the exit code when there are none to build it of: no records folder, or
    errors the administrators must mend first (cli.refuse_on_admin_errors)."""
    from generator.cli import EXIT_USAGE, clock_today, records_dir, refuse_on_admin_errors
    from generator.pipeline import validate_records

    root = records_dir(args)
    if root is None:
        return EXIT_USAGE
    rs, findings = validate_records(root)
    refused = refuse_on_admin_errors(rs, findings, args, command)
    return refused if refused is not None else (root, rs, findings, args.today or clock_today(rs))


def cmd_config(args) -> int:
    from generator.cli import EXIT_OK, EXIT_USAGE

    read = _records_read(args, "cms-config")
    if isinstance(read, int):
        return read
    root, rs, _findings, today = read
    if rs.policy is None:
        sys.stderr.write(MSG["no_policy"][args.lang].format(path=root) + "\n")
        return EXIT_USAGE
    ids = _periods_asked(args)
    periods = [rs.period(p) for p in ids] if ids else default_periods(rs, today)
    if ids and any(p is None for p in periods):
        bad = [i for i, p in zip(ids, periods) if p is None]
        sys.stderr.write(MSG["bad_period"][args.lang].format(value="、".join(bad)) + "\n")
        return EXIT_USAGE
    if frozen := _frozen_asked(rs, periods):
        sys.stderr.write(_archived(rs, frozen, args.lang) + "\n")
        return EXIT_USAGE
    text = dump(build_config(rs, periods, backend_of_args(args), local_backend=args.local_backend))
    if args.out in (None, "-"):
        sys.stdout.write(text)
    else:
        out = Path(args.out)
        write_files({out: text.encode("utf-8")})
        sys.stderr.write(MSG["wrote"][args.lang].format(path=out) + "\n")
    return EXIT_OK


def cmd_admin(args) -> int:
    from generator.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

    read = _records_read(args, "cms-admin")
    if isinstance(read, int):
        return read
    root, rs, findings, today = read
    try:
        ok = write_admin(args.out, root, today=today,
                         periods=_periods_asked(args),
                         backend=backend_of_args(args), local_backend=args.local_backend, lang=args.lang,
                         rs=rs, findings=findings)
    except ValueError as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
    sys.stderr.write(MSG["wrote"][args.lang].format(path=Path(args.out) / "index.html") + "\n")
    return EXIT_OK if ok else EXIT_FINDINGS


def register(sub) -> None:
    from generator.cli import common

    p = sub.add_parser("cms-config", help=say("根据 Schema 和记录生成网页表单配置 admin/config.yml",
                                                  "write the web form's configuration admin/config.yml from the schemas and records"))
    common(p, formats=("text",))
    backend_args(p)
    p.add_argument("--out", help=say("输出文件（默认输出到屏幕），如 build/admin/config.yml",
                                        "output file (default: the screen), e.g. build/admin/config.yml"))
    p.set_defaults(func=cmd_config)
    p = sub.add_parser("cms-admin", help=say("生成网页表单页面（index.html、config.yml、Decap）",
                                                 "write the web form's page (index.html, config.yml, the Decap bundle)"))
    common(p, formats=("text",))
    backend_args(p)
    p.add_argument("--out", default="build/admin", help=say("输出目录，默认 build/admin", "output folder, default build/admin"))
    p.set_defaults(func=cmd_admin)
