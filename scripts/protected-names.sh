#!/bin/sh
# make protected-names: the protected students' names (R16, site/guide/privacy.md) from the CI secret in
# PROTECTED_STUDENT_NAMES, one name a line, written to a file outside the checkout (mode 600) that
# CONTACT_LEDGER_PROTECTED_NAMES names for the job's later steps (appended to GITHUB_ENV; printed as an
# export line where there is none). Without the secret (none set, a fork's pull request): nothing.
# It prints how many lines the list has, never a name.
set -eu
if [ -z "${PROTECTED_STUDENT_NAMES:-}" ]; then
  echo "没有受保护的学生姓名名单（机密 PROTECTED_STUDENT_NAMES 未设置）：本次不按学生姓名检查 (no protected names: not checked by name)"
  exit 0
fi
umask 077
file=$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/protected-names.XXXXXX")
printf '%s\n' "$PROTECTED_STUDENT_NAMES" > "$file"
lines=$(grep -c . "$file" || true)
if [ -n "${GITHUB_ENV:-}" ]; then
  echo "CONTACT_LEDGER_PROTECTED_NAMES=$file" >> "$GITHUB_ENV"
else
  echo "export CONTACT_LEDGER_PROTECTED_NAMES=$file"
fi
echo "受保护的学生姓名名单：$lines 行，已写入检出目录之外的文件 (protected names: $lines lines, in a file outside the checkout)"
