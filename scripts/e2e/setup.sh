#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently (fast when already done):
#   - Debian packages: chromium (browser for Playwright), libkrb5-dev (code-server native build), neovim
#   - code-server (= the real VS Code workbench + Node extension host) and playwright-core, from the npm
#     registry, into the git-ignored cache folder .e2e/tools (its own package.json, not the project's)
#   - the project's own node_modules when missing (npm ci)
# Downloads only from the npm registry and Debian apt. See test/e2e/README.md.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3      # VS Code 1.100.3; the last code-server line that runs on Node 20
PLAYWRIGHT_VERSION=1.65.1
RG_NPM_VERSION=1.18.0            # @vscode/ripgrep-<platform> ships the rg binary inside the npm package
RG_CACHE_DIR_NAME=vscode-ripgrep-cache-1.15.11   # what code-server 4.100.3's pinned @vscode/ripgrep looks for

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E="$ROOT/.e2e"
TOOLS="$E2E/tools"
STAMP="$TOOLS/.installed"
WANT_STAMP="code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION node@$(node -p 'process.versions.modules')"

log() { printf '[e2e-setup] %s\n' "$*" >&2; }
t0=$SECONDS

# ---------------------------------------------------------------- system packages (apt)
mkdir -p "$E2E"
need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_pkgs+=(libkrb5-dev)
command -v nvim >/dev/null 2>&1 || need_pkgs+=(neovim)
if ((${#need_pkgs[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "need root or sudo to apt-get install ${need_pkgs[*]}"; exit 1; }
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  log "apt-get install ${need_pkgs[*]}"
  if ! $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >"$E2E/apt.log" 2>&1; then
    log "apt-get update (package lists missing or stale)"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >"$E2E/apt.log" 2>&1 \
      || { cat "$E2E/apt.log" >&2; exit 1; }
  fi
fi

# ---------------------------------------------------------------- project dependencies
if [ ! -f "$ROOT/node_modules/.package-lock.json" ]; then
  log "npm ci (project dependencies)"
  (cd "$ROOT" && npm ci --no-fund --no-audit --loglevel=error)
fi

# ---------------------------------------------------------------- code-server + playwright-core
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT_STAMP" ] && [ -x "$TOOLS/node_modules/.bin/code-server" ] \
   && [ -f "$TOOLS/node_modules/playwright-core/package.json" ]; then
  log "tools already installed ($WANT_STAMP) — $((SECONDS - t0)) s"
  exit 0
fi

mkdir -p "$TOOLS" "$E2E/tmp" "$E2E/xdg/config" "$E2E/xdg/data"
# Keep code-server's / ripgrep's / npm's scratch files inside .e2e (same layout as test/e2e/run.mjs).
export TMPDIR="$E2E/tmp" XDG_CONFIG_HOME="$E2E/xdg/config" XDG_DATA_HOME="$E2E/xdg/data"

case "$(uname -m)" in
  x86_64)  RG_PKG=ripgrep-linux-x64;   RG_TRIPLE=x86_64-unknown-linux-musl ;;
  aarch64) RG_PKG=ripgrep-linux-arm64; RG_TRIPLE=aarch64-unknown-linux-musl ;;
  *) log "unsupported architecture $(uname -m)"; exit 1 ;;
esac

# Workaround: @vscode/ripgrep@1.15.11's postinstall downloads rg from GitHub. Seed the cache it checks
# first ($TMPDIR/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-<triple>.tar.gz) with the rg binary
# from the npm package @vscode/ripgrep-<platform>.
RG_TGZ="$TMPDIR/$RG_CACHE_DIR_NAME/ripgrep-v13.0.0-10-$RG_TRIPLE.tar.gz"
if [ ! -s "$RG_TGZ" ]; then
  log "seeding ripgrep cache from npm @vscode/$RG_PKG@$RG_NPM_VERSION"
  rgwork="$(mktemp -d "$TMPDIR/rg.XXXXXX")"
  (cd "$rgwork" && npm pack --silent --loglevel=error "@vscode/$RG_PKG@$RG_NPM_VERSION" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$(dirname "$RG_TGZ")"
  tar czf "$RG_TGZ" -C "$rgwork/package/bin" rg
  rm -rf "$rgwork"
fi

cat >"$TOOLS/package.json" <<JSON
{
  "name": "mlsd-e2e-tools",
  "private": true,
  "description": "Cache of e2e tools (git-ignored). Written by scripts/e2e/setup.sh.",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_VERSION"
  }
}
JSON

log "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION into .e2e/tools (builds native modules, ~1 min)"
# Workarounds: unsafe_perm (code-server's postinstall refuses to run as root without it),
# yes (node-pty's postinstall runs `npx node-gyp`; the machine's npmrc may say yes=false),
# libkrb5-dev (kerberos builds from source, installed above).
rm -f "$STAMP"
(cd "$TOOLS" && npm_config_unsafe_perm=true npm_config_yes=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
   npm install --no-fund --no-audit --loglevel=error >"$E2E/npm-install.log" 2>&1) \
  || { tail -60 "$E2E/npm-install.log" >&2; log "npm install failed (full log: .e2e/npm-install.log)"; exit 1; }

"$TOOLS/node_modules/.bin/code-server" --version >/dev/null
echo "$WANT_STAMP" >"$STAMP"
log "done in $((SECONDS - t0)) s"
