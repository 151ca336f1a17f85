#!/usr/bin/env bash
# App start to the first painted calendar with 100,000 cached appointments
# (docs/performance.md, "App start-up"), timed by Debian's hyperfine.
#
# Seeds a practice (bench_startup_seed: 30 providers, 100,000 appointments
# around today, the demo logins), runs the app once so that its cache holds
# them all (the initial sync, not timed), then times
#   mentalspace-scheduler --demo --data-dir DIR --quit-after-first-paint
# from exec to the exit that follows the first paint of the synced week:
# the office server's start, sign-in, the cache opened, the incremental
# sync, the week loaded and painted (offscreen).
#
# Usage: tests/benchmarks/bench_startup.sh [BUILD_DIR]   (default: build)
# Env:   RUNS (default 10), APPOINTMENTS (100000), PROVIDERS (30),
#        WORK_DIR (reuse a seeded and synced one)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
runs=${RUNS:-10}
app=$build/app/desktop/mentalspace-scheduler
seed=$build/tests/benchmarks/bench_startup_seed

command -v hyperfine >/dev/null || { echo "bench_startup: hyperfine is missing (scripts/bootstrap)" >&2; exit 2; }
[[ -x $app && -x $seed ]] || { echo "bench_startup: build $build first (MSS_BUILD_BENCHMARKS)" >&2; exit 2; }

work=${WORK_DIR:-$(mktemp -d)}
keep=${WORK_DIR:+1}
cleanup() { [[ -n $keep ]] || rm -rf "$work"; }
trap cleanup EXIT

# A home of its own: the app's cache and settings live there.
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
export QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
practice=$work/practice

if [[ ! -f $practice/mentalspace.db ]]; then
  mkdir -p "$practice"
  echo mentalspace-demo | "$seed" --data-dir "$practice" \
    --providers "${PROVIDERS:-30}" --appointments "${APPOINTMENTS:-100000}"
  echo "bench_startup: first start, syncing every appointment into the cache (not timed)"
  /usr/bin/time -f "  %e s" "$app" --demo --data-dir "$practice" --quit-after-first-paint
fi

cache=$(ls "$XDG_DATA_HOME"/MentalSpace/mentalspace-scheduler/cache-*.sqlite)
echo "bench_startup: cache $(du -h "$cache" | cut -f1), $(
  "$app" --demo --data-dir "$practice" --quit-after-first-paint | grep 'First paint')"

hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/startup.md" \
  "$app --demo --data-dir $practice --quit-after-first-paint"
cat "$work/startup.md"
