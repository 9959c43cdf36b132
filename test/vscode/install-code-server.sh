#!/usr/bin/env bash
# Install code-server (VS Code 1.100.3 as a server + web workbench) from the npm registry, with no other internet.
# It lets test/vscode/run-extension-tests.js run the extension's mocha suite in a real VS Code extension host.
#
# Usage: test/vscode/install-code-server.sh [DEST]     (default DEST: <repo>/.cache/code-server, git-ignored)
# Prints the path of the code-server binary as its last line. Exits 0 at once if DEST already holds a
# verified install of the pinned version.
#
# Needs (Debian): apt-get install -y libkrb5-dev ripgrep python3 make g++   (+ chromium to run the tests)
# and Node 20 (code-server 4.100.3 is the last release built for Node 20). About 45 s and 300 MB.
#
# What it works around:
#  - code-server's postinstall.sh refuses to run as root unless npm_config_unsafe_perm=true.
#  - node-pty's postinstall runs `npx node-gyp`; an npmrc with yes=false makes npx refuse: npm_config_yes=true.
#  - @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache (os.tmpdir()/vscode-ripgrep-cache-VER)
#    already holds the release archive: we seed that cache with Debian's /usr/bin/rg.
#  - node-gyp downloads Node headers from nodejs.org unless nodedir points at local ones: use /usr/include/node.
#  - npm 11's install-script policy (allowScripts): DEST/package.json approves the scripts of code-server and of
#    its direct dependency argon2 (npm 11.19 only warns about unapproved scripts today; a later npm will block them), and
#    npm_config_strict_allow_scripts=false keeps the nested installs that code-server's postinstall runs (lib/vscode,
#    node-pty, kerberos, @vscode/ripgrep, ...) in npm's default "run, but warn" mode even if a user's npmrc is strict.
#    npm_config_ignore_scripts=false undoes an ignore-scripts=true npmrc. Every result is checked below.
set -euo pipefail

VER=4.100.3          # code-server version -> VS Code 1.100.3
RGVER=1.15.11        # @vscode/ripgrep pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json)
RG_RELEASE=v13.0.0-10  # the ripgrep release that @vscode/ripgrep 1.15.11 downloads

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
DEST=${1:-$repo/.cache/code-server}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
BIN=$DEST/node_modules/.bin/code-server
MARKER=$DEST/.installed-code-server-$VER

die() { echo "install-code-server: $*" >&2; exit 1; }

installed_version() {
  node -e 'try{process.stdout.write(require(process.argv[1]).version)}catch{}' \
    "$DEST/node_modules/code-server/package.json" 2>/dev/null || true
}

# Fast path: already installed and verified at the pinned version.
if [ -f "$MARKER" ] && [ -x "$BIN" ] && [ "$(installed_version)" = "$VER" ]; then
  echo "$BIN"
  exit 0
fi

# ---- prerequisites: fail loudly rather than half-install ----
command -v node >/dev/null || die "node not found"
command -v npm >/dev/null || die "npm not found"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || die "code-server $VER needs Node 20 (found $(node -v))"
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing: apt-get install -y ripgrep"
{ [ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/krb5.h ]; } && command -v krb5-config >/dev/null \
  || die "Kerberos headers missing (kerberos native module): apt-get install -y libkrb5-dev"
for t in python3 make g++ tar gzip; do command -v "$t" >/dev/null || die "$t missing: apt-get install -y python3 make g++"; done
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64|arm64) rg_target=aarch64-unknown-linux-musl ;;
  *) die "unsupported architecture $(uname -m)" ;;
esac

echo "install-code-server: installing code-server@$VER into $DEST (about a minute) ..." >&2
rm -f "$MARKER"
mkdir -p "$DEST/tmp"
export TMPDIR=$DEST/tmp

# Seed @vscode/ripgrep's download cache with Debian's rg, under the exact archive name it looks for.
mkdir -p "$TMPDIR/rgseed" "$TMPDIR/vscode-ripgrep-cache-$RGVER"
cp /usr/bin/rg "$TMPDIR/rgseed/rg"
tar czf "$TMPDIR/vscode-ripgrep-cache-$RGVER/ripgrep-$RG_RELEASE-$rg_target.tar.gz" -C "$TMPDIR/rgseed" rg

cd "$DEST"
cat > package.json <<JSON
{
  "name": "kube-hardening-code-server-host",
  "private": true,
  "description": "Holds code-server for test/vscode/run-extension-tests.js; written by install-code-server.sh",
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON

if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ] && [ -f /usr/include/node/common.gypi ]; then
  export npm_config_nodedir=/usr   # local Node headers for node-gyp; no download from nodejs.org
fi
export npm_config_unsafe_perm=true npm_config_yes=true
export npm_config_ignore_scripts=false npm_config_strict_allow_scripts=false
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
npm install --no-save --no-package-lock "code-server@$VER" >&2 || die "npm install code-server@$VER failed"

# ---- verify that every install script really ran ----
vs=$DEST/node_modules/code-server/lib/vscode
[ "$(installed_version)" = "$VER" ] || die "code-server $VER not in node_modules"
[ -x "$BIN" ] || die "$BIN missing"
[ -d "$vs/node_modules" ] || die "code-server's postinstall did not install lib/vscode's dependencies (scripts blocked?)"
[ -x "$vs/node_modules/@vscode/ripgrep/bin/rg" ] || die "@vscode/ripgrep's postinstall did not install rg"
for m in node-pty/build/Release/pty.node kerberos/build/Release/kerberos.node @vscode/spdlog/build/Release/spdlog.node; do
  [ -f "$vs/node_modules/$m" ] || die "native module $m not built (install scripts blocked or build failed)"
done
# code-server writes ~/.config/code-server/config.yaml on any start: give it a throwaway HOME.
got=$(HOME=$TMPDIR XDG_CONFIG_HOME=$TMPDIR/.config XDG_DATA_HOME=$TMPDIR/.local/share "$BIN" --version 2>&1 | tail -1) \
  || die "code-server --version failed: $got"
case "$got" in "$VER "*) ;; *) die "unexpected code-server --version: $got" ;; esac

rm -rf "$TMPDIR"
touch "$MARKER"
echo "$BIN"
