#!/bin/sh
# Print the first Python >= 3.11 on PATH (the Makefile builds .venv with it).
for p in python3.13 python3.12 python3.11 python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    command -v "$p"; exit 0
  fi
done
echo "需要 Python 3.11 或更新版本 (Python >= 3.11 is required)" >&2
exit 1
