#!/usr/bin/env bash
# Installs the npm test peers (see docs/TESTING.md): the pinned packages of package-lock.json (npm ci) and OHIF v3's
# pre-built viewer (package.json "ohifViewer": fetched with npm pack, integrity checked, dist/ unpacked into
# ohif-dist/). Idempotent and quick when already done; npm's cache makes a repeat install work offline.
# Browsers are never downloaded: the tests drive Debian's /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { echo "peers/npm: $*" >&2; }
command -v npm >/dev/null 2>&1 || { say "npm is missing (Debian: apt-get install npm)"; exit 1; }

# npm ci again only when the lockfile changed since the last install
installed=node_modules/.hrnode-installed
if [[ ! -f "$installed" || package-lock.json -nt "$installed" ]]; then
  say "npm ci"
  npm ci --prefer-offline --no-audit --no-fund --ignore-scripts --loglevel=error
  touch "$installed"
fi

read -r ohif_package ohif_version ohif_integrity < <(node -e '
  const v = require("./package.json").ohifViewer;
  console.log(v.package, v.version, v.integrity);')
stamp=ohif-dist/.integrity
if [[ -f "$stamp" && "$(cat "$stamp")" == "$ohif_integrity" ]]; then
  exit 0
fi
say "fetching $ohif_package@$ohif_version (pre-built OHIF viewer)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm pack "$ohif_package@$ohif_version" --prefer-offline --pack-destination "$work" --json --loglevel=error \
  > "$work/pack.json"
got="$(node -e 'console.log(require(process.argv[1])[0].integrity)' "$work/pack.json")"
if [[ "$got" != "$ohif_integrity" ]]; then
  say "integrity of $ohif_package@$ohif_version is $got, package.json pins $ohif_integrity"
  exit 1
fi
tarball="$work/$(node -e 'console.log(require(process.argv[1])[0].filename)' "$work/pack.json")"
mkdir "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked" package/dist
rm -rf ohif-dist
mv "$work/unpacked/package/dist" ohif-dist
echo "$ohif_integrity" > "$stamp"
say "OHIF $ohif_version ready in $(pwd)/ohif-dist"
