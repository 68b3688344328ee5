#!/usr/bin/env bash
# Prepares this machine for the real-editor tests: Debian packages, the ripgrep cache and code-server.
# Idempotent and quiet on success; on failure it says which step failed and shows that step's log.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
SYSTEM_PACKAGES=(chromium libkrb5-dev ripgrep)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="$repo_root/.vscode-test/code-server"
log_file="$(mktemp -t bc-setup-XXXXXX.log)"
trap 'rm -f "$log_file"' EXIT

fail() {
  echo "setup-test-env: $1" >&2
  if [[ -s "$log_file" ]]; then
    echo "---- last lines of the step's output ----" >&2
    tail -n 40 "$log_file" >&2
  fi
  exit 1
}

# Runs a step with its output captured, so success stays silent.
run_step() {
  local description="$1"
  shift
  : >"$log_file"
  "$@" >>"$log_file" 2>&1 || fail "$description failed (exit $?)."
}

install_system_packages() {
  local missing=()
  for package in "${SYSTEM_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0

  if [[ "$(id -u)" -ne 0 ]]; then
    fail "missing Debian packages: ${missing[*]}. Run as root, or install them first: apt-get install -y ${missing[*]}"
  fi
  command -v apt-get >/dev/null || fail "apt-get not found: this script expects Debian 12. Missing: ${missing[*]}"
  echo "setup-test-env: installing Debian packages: ${missing[*]}"
  run_step "apt-get update" apt-get update
  run_step "apt-get install ${missing[*]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

# @vscode/ripgrep downloads rg from GitHub unless its cache already holds the archive.
place_ripgrep_cache() {
  local tmp_dir cache_dir archive staging
  tmp_dir="$(node -p "require('os').tmpdir()")"
  cache_dir="$tmp_dir/vscode-ripgrep-cache-1.15.11"
  archive="$cache_dir/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  [[ -s "$archive" ]] && return 0

  local rg_path
  rg_path="$(command -v rg)" || fail "rg not found after installing ripgrep."
  mkdir -p "$cache_dir"
  staging="$(mktemp -d)"
  cp "$rg_path" "$staging/rg"
  tar -czf "$archive.partial" -C "$staging" rg || fail "could not write $archive."
  mv "$archive.partial" "$archive"
  rm -rf "$staging"
}

installed_code_server_version() {
  local manifest="$install_dir/node_modules/code-server/package.json"
  [[ -f "$manifest" && -x "$install_dir/node_modules/.bin/code-server" ]] || return 0
  node -p "require(process.argv[1]).version" "$manifest" 2>/dev/null || true
}

install_code_server() {
  [[ "$(installed_code_server_version)" == "$CODE_SERVER_VERSION" ]] && return 0

  echo "setup-test-env: installing code-server $CODE_SERVER_VERSION into .vscode-test/code-server (a few minutes)"
  rm -rf "$install_dir"
  mkdir -p "$install_dir"
  # Its own package.json keeps npm from treating the project above as the install root.
  printf '{ "name": "bc-code-server", "private": true }\n' >"$install_dir/package.json"
  run_step "npm install code-server@$CODE_SERVER_VERSION" env \
    npm_config_yes=true npm_config_unsafe_perm=true npm_config_fund=false npm_config_audit=false \
    npm install --no-save --prefix "$install_dir" "code-server@$CODE_SERVER_VERSION"
  [[ "$(installed_code_server_version)" == "$CODE_SERVER_VERSION" ]] ||
    fail "code-server $CODE_SERVER_VERSION is not in $install_dir after npm install."
}

command -v node >/dev/null || fail "node not found: Node 20 is required."
install_system_packages
[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing although the chromium package is installed."
place_ripgrep_cache
install_code_server
