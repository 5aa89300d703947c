#!/bin/sh
# generator/_quickscan.c (the quick path's reading of a usual file: generator/quickload.py) compiled
# for the virtual environment's Python with its own include folder and extension suffix (sysconfig),
# only when the source is newer than the built module.  No C compiler or Python headers: as root they
# are installed (Debian: gcc, and python3-dev only if the interpreter's headers are missing); otherwise
# the program runs without the module (rapidyaml reads every file, a cold check is slower) and this
# says how to get it.  `make test` does not pass without it (tests/test_quickscan.py).
set -e
PY=${1:-.venv/bin/python}
SRC=generator/_quickscan.c
SUFFIX=$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
INCLUDE=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
OUT=generator/_quickscan$SUFFIX
if [ -f "$OUT" ] && [ "$OUT" -nt "$SRC" ]; then exit 0; fi
CC=${CC:-cc}
if ! command -v "$CC" >/dev/null 2>&1 && command -v gcc >/dev/null 2>&1; then CC=gcc; fi
missing=""
if ! command -v "$CC" >/dev/null 2>&1; then missing="gcc"; CC=gcc; fi
if [ ! -f "$INCLUDE/Python.h" ]; then missing="$missing python3-dev"; fi
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "安装系统软件包 (installing system packages): $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || true
fi
if ! command -v "$CC" >/dev/null 2>&1 || [ ! -f "$INCLUDE/Python.h" ]; then
  echo "未能编译 $SRC（缺少 C 编译器或 Python 头文件 $INCLUDE/Python.h）：程序照常运行，但冷启动的检查较慢，make test 不会通过。" >&2
  echo "请安装后重新运行 make (install a C compiler and the Python headers, then run make again):" >&2
  echo "    sudo apt-get install -y gcc python3-dev" >&2
  exit 0
fi
"$CC" -O2 -Wall -shared -fPIC -I"$INCLUDE" "$SRC" -o "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
