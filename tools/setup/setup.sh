#!/usr/bin/env bash
# Prepares a fresh machine for this repo: the pinned pnpm, Debian's Chromium for the browser tests with a
# CJK font (fonts-noto-cjk: without it the Chinese titles in the screenshots are empty boxes), and the
# workspace's dependencies (Node 22 comes with them, as the `node` devDependency).
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$pnpm_version" ]; then
  echo "setup: installing pnpm@$pnpm_version"
  npm install --global --no-fund --no-audit "pnpm@$pnpm_version" >/dev/null
fi

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
missing=()
[ -x "$chromium" ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} (browser tests drive Chromium with playwright-core)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

pnpm install --frozen-lockfile

# The first phase of `pnpm test`'s timing table (tools/test-reporter/src/phases.ts): a fresh record per run.
mkdir -p .cache
echo "{\"phase\":\"setup (pnpm, chromium, install)\",\"seconds\":$((SECONDS - started))}" > .cache/test-phases.jsonl
