#!/usr/bin/env bash
# `npm run setup`: everything the test suite needs on a fresh Debian machine, and nothing else.
#   1. Chromium from the distribution (Debian's `chromium` package, /usr/bin/chromium), which the gallery's test
#      drives headless. Skipped when /usr/bin/chromium exists, or when CHROMIUM_PATH names another Chromium or
#      Chrome (Ubuntu ships Chromium only as a snap: point CHROMIUM_PATH at it, or at Google Chrome).
#   2. The npm packages package-lock.json lists, into node_modules/ (`npm ci`).
# Installing Chromium needs root, or sudo. Nothing else is installed; the end-to-end tests fetch Node.js 22 and 24
# from the npm registry into npm's cache when they first run (`npx -y node@22`, `npx -y node@24`).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "setup: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2; exit 1; }
  echo "setup: the gallery test will use $CHROMIUM_PATH."
elif [ -x /usr/bin/chromium ]; then
  echo "setup: Chromium is installed ($(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium))."
else
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "setup: installing Chromium needs root: run as root, or set CHROMIUM_PATH to a Chromium or Chrome." >&2
    exit 1
  fi
  echo "setup: installing Debian's chromium package (apt-get install chromium) for the gallery test…"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
  echo "setup: $(/usr/bin/chromium --version)"
fi

echo "setup: npm ci"
npm ci --no-audit --no-fund
