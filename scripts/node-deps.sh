#!/bin/sh
# Node packages of the web form (decap-cms, decap-server), pinned by package-lock.json:
# `npm ci` installs exactly the locked versions (from npm's cache when it has them).
# Only `make admin`, `make cms-trial` and `make test` need them; Python commands never do.
set -e
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "安装 Node.js (installing nodejs npm)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "网页表单需要 Node.js，请先运行 (the web form needs Node.js; run):" >&2
    echo "    sudo apt-get install -y nodejs npm" >&2
    exit 1
  fi
fi
npm ci --no-audit --no-fund --prefer-offline --loglevel=error
touch node_modules/.installed
