#!/bin/bash
# bench/instructions.sh <dist A> [dist B] [-- per-file.js options, e.g. --migrated]: the machine instructions (valgrind's count) bench/per-file.js takes with
# two builds of dockmod (dist/ folders; B defaults to this checkout's dist/), run side by side. Unlike times, the
# count barely moves with the host's load, so a change's cost shows even on a busy virtual machine: run it before
# and after a step of the speed work. One warm-up round and one measured round over 300 Dockerfiles, plus start-up
# (the same for both). Needs valgrind (apt-get install valgrind); about a minute.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
A=${1:?usage: bench/instructions.sh <dist A> [dist B] [-- --migrated]}
shift
B=$HERE/../dist
if [ $# -gt 0 ] && [ "$1" != -- ]; then B=$1; shift; fi
[ "${1:-}" = -- ] && shift
EXTRA=("$@")
count() { valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null node --single-threaded "$HERE/per-file.js" 1 "--dist=$1" "${EXTRA[@]}" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,; }
count "$A" > /tmp/dockmod-instructions-a & count "$B" > /tmp/dockmod-instructions-b; wait
a=$(cat /tmp/dockmod-instructions-a); b=$(cat /tmp/dockmod-instructions-b)
echo "A $A: $a instructions"
echo "B $B: $b instructions ($(node -e "console.log(((${b} / ${a} - 1) * 100).toFixed(1))")% against A)"
