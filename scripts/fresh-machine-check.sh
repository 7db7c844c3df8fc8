#!/usr/bin/env bash
# The README's two commands as a new user's machine runs them: a fresh clone of the committed HEAD,
# and a PATH that leaves out what only some machines have (php, chromium/chrome, redis), with
# CHROMIUM_PATH and PHP_BINARY unset, so PHP and Chromium must come from npm. `npm test` must pass
# with no test skipped. CI runs it (.ci/run); so can anyone: bash scripts/fresh-machine-check.sh
set -uo pipefail
top=$(git rev-parse --show-toplevel) || exit 2
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
git clone -q "$top" "$D/p" || exit 2
echo "fresh clone of $(git -C "$D/p" rev-parse --short HEAD)"

# A PATH of symlinks to every command on this PATH but those.
mkdir -p "$D/bin"
IFS=: read -ra dirs <<<"$PATH"
for d in "${dirs[@]}"; do
  for f in "$d"/*; do
    n=$(basename "$f")
    case "$n" in php* | chromium* | chrome* | google-chrome* | redis*) continue ;; esac
    [ -e "$D/bin/$n" ] || ln -s "$f" "$D/bin/$n"
  done
done
cd "$D/p" && export PATH="$D/bin" && unset CHROMIUM_PATH PHP_BINARY
for cmd in php chromium chromium-browser google-chrome redis-server; do
  command -v "$cmd" >/dev/null && { echo "FAIL: $cmd is still on PATH"; exit 1; }
done

echo "== npm ci && npm run demo"
t0=$(date +%s)
npm ci --no-audit --no-fund >"$D/ci.log" 2>&1 || { tail -20 "$D/ci.log"; echo "FAIL: npm ci"; exit 1; }
echo "   npm ci took $(($(date +%s) - t0)) s, node_modules is $(du -sm node_modules | cut -f1) MB"
npm run demo >"$D/demo.log" 2>&1 || { tail -20 "$D/demo.log"; echo "FAIL: npm run demo"; exit 1; }
grep -E 'examples passed' "$D/demo.log" | sed 's/^/   /'

echo "== npm test"
t0=$(date +%s)
npm test >"$D/test.log" 2>&1
rc=$?
sed 's/\x1b\[[0-9;]*m//g' "$D/test.log" >"$D/plain.log"
grep -E '^ *(Test Files|Tests) ' "$D/plain.log"
if [ $rc -ne 0 ]; then
  grep -E '^ *FAIL |^(Error|[A-Za-z]*Error): |cannot run on this machine' "$D/plain.log" | head -20
  echo "FAIL: npm test (exit $rc)"
  exit 1
fi
grep -Eq '^ *(Test Files|Tests) .*[0-9]+ (skipped|todo)' "$D/plain.log" && { echo "FAIL: tests were skipped"; exit 1; }
echo "PASS: both commands on a fresh clone without php, chromium or redis ($(($(date +%s) - t0)) s of tests)"
