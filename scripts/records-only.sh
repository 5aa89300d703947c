#!/bin/sh
# Did a pull request change records only?  Exit 0 when every file changed since the commit BASE
# ($1; what the pull request adds to it: BASE...HEAD) is a record: under records/, or CODEOWNERS,
# which `python -m generator codeowners` writes from the records.  Exit 1 otherwise, and whenever
# that cannot be told (no BASE, not a Git repository, an unknown commit, nothing changed): then
# `make pr-test` runs the program's tests.  Used by `make pr-test`.
base="${1:-}"
[ -n "$base" ] || exit 1
# (--no-renames: a program file moved into records/ shows as its old name too; nothing changed
# gives one empty line, which is not a record either.)
changed=$(git -c core.quotePath=false diff --name-only --no-renames "$base...HEAD" 2>/dev/null) || exit 1
if printf '%s\n' "$changed" | grep -q -v -e '^records/' -e '^CODEOWNERS$'; then
  exit 1
fi
exit 0
