#!/usr/bin/env bash
# End-to-end browser tests of the LabelProp page: installs what is missing (Node/npm and Debian chromium
# with apt-get when root, playwright-core with npm ci), builds labelprop with bin/build (Maven package, tests
# skipped, never installed) and runs node's test runner on web/test/*.test.js against `labelprop serve`.
# Screenshots and files of each step: web/test-results/ (git-ignored).
# Environment: SKIP_BUILD=1 reuses an existing build; CHROMIUM=/path/to/chromium overrides the browser.
set -euo pipefail
WEB="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$WEB/.." && pwd)"

"$ROOT/bin/ensure-packages" java mvn node
[ -n "${CHROMIUM:-}" ] || "$ROOT/bin/ensure-packages" chromium

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "web tests need Node.js 20 or newer (playwright-core 1.65, node --test-concurrency); found $(node --version)" >&2
  exit 1
fi

cd "$WEB"
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # playwright-core only: no browser download, the tests drive the system's chromium
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${SKIP_BUILD:-0}" != 1 ] || ! ls "$ROOT"/cli/target/labelprop-cli-*.jar >/dev/null 2>&1; then
  "$ROOT/bin/build" >&2 # mvn package of all modules, tests skipped; the tests run `labelprop serve` from it
fi

rm -rf "$WEB/test-results"
mkdir -p "$WEB/test-results"
exec node --test --test-concurrency=1 test/*.test.js
