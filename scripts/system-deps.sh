#!/bin/sh
# Debian packages the browser tests need: chromium (headless), CJK fonts, and poppler-utils
# (pdftotext: the printed pages' text).
# As root (CI) they are installed; otherwise we stop with the command to run,
# because a skipped browser test must never pass for a green run.
set -e
PKGS="chromium fonts-noto-cjk poppler-utils"
missing=""
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing="$missing chromium"
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || [ -d /usr/share/fonts/opentype/noto ] || missing="$missing fonts-noto-cjk"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "安装系统软件包 (installing system packages):$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq $missing >/dev/null
  exit 0
fi
echo "浏览器测试需要系统软件包，请先运行 (the browser tests need system packages; run):" >&2
echo "    sudo apt-get install -y$missing" >&2
exit 1
