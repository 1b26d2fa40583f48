#!/usr/bin/env bash
# Installs what the VS Code end-to-end test (test/vscode/code-server.test.ts) needs, following
# code-server recipe: Debian's chromium + ripgrep + build headers, and code-server 4.100.3
# (the newest that runs on Node 20) into a cache outside the repository, reused between runs.
#
#   test/vscode/setup.sh          install if missing, print the code-server path
#
# Cache: ${FSCONF_CODE_SERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fsconf/code-server-4.100.3}
# Fails loudly (non-zero exit, message on stderr) when anything cannot be installed.
set -euo pipefail

VERSION=4.100.3
RG_CACHE_VERSION=1.15.11          # @vscode/ripgrep version bundled by code-server 4.100.3
RG_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CACHE="${FSCONF_CODE_SERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fsconf/code-server-$VERSION}"
BIN="$CACHE/node_modules/code-server/out/node/entry.js"

fail() { echo "test/vscode/setup.sh: $*" >&2; exit 1; }

apt_install() {
  echo "setup: installing Debian packages: $*" >&2
  [ "$(id -u)" = 0 ] || fail "need root to apt-get install $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || fail "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null || fail "apt-get install $* failed"
}

# 1. The browser that drives VS Code.
command -v chromium >/dev/null || apt_install chromium
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after installing chromium"

# 2. code-server, cached: nothing more to do when it is there.
if [ -f "$CACHE/.complete" ] && [ -f "$BIN" ]; then
  echo "$BIN"
  exit 0
fi

# 3. What installing code-server needs: ripgrep (see below) and headers for its native modules.
need=()
command -v rg >/dev/null || need+=(ripgrep)
for pkg in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"

arch="$(uname -m)"
[ "$arch" = x86_64 ] || fail "only x86_64 is supported by this recipe (got $arch)"
[ -f /usr/include/node/node_version.h ] || fail "Node headers missing at /usr/include/node (needed by node-gyp)"

parent="$(dirname "$CACHE")"
mkdir -p "$parent"
work="$(mktemp -d "$parent/.install-XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tmp" "$work/pkg"

# ripgrep: code-server's @vscode/ripgrep postinstall downloads from GitHub unless this archive is cached.
rgdir="$work/tmp/vscode-ripgrep-cache-$RG_CACHE_VERSION"
mkdir -p "$rgdir/stage"
cp "$(command -v rg)" "$rgdir/stage/rg"
tar -C "$rgdir/stage" -czf "$rgdir/$RG_ARCHIVE" rg
rm -rf "$rgdir/stage"

echo '{ "name": "fsconf-code-server-cache", "private": true }' > "$work/pkg/package.json"
echo "setup: installing code-server@$VERSION into $CACHE (about a minute)" >&2
if ! ( cd "$work/pkg" && TMPDIR="$work/tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
      npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$VERSION" >"$work/install.log" 2>&1 ); then
  tail -40 "$work/install.log" >&2
  fail "npm install code-server@$VERSION failed (full log above)"
fi
[ -f "$work/pkg/node_modules/code-server/out/node/entry.js" ] || fail "code-server installed but entry.js is missing"
[ -f "$work/pkg/node_modules/@vscode/ripgrep/bin/rg" ] || [ -f "$work/pkg/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
  || echo "setup: warning: bundled ripgrep binary not found (search may not work; the test does not need it)" >&2
touch "$work/pkg/.complete"
rm -rf "$CACHE"
mv "$work/pkg" "$CACHE"
echo "$BIN"
