#!/usr/bin/env bash
# Stress: K concurrent `msa demo --quick` processes x N rounds (exit codes, crashes, peak RSS),
# then the scoring soak (8 threads x 10,000 predictions through one loaded bundle, one
# PredictionEngine per thread; RSS at start, middle and end).
# Usage: K=2 N=50 THREADS=8 PREDICTIONS=10000 benchmarks/stress/stress.sh
# (Run it under `nice` on a shared machine: only crashes and memory are measured, not speed.)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
K=${K:-2}; N=${N:-50}; THREADS=${THREADS:-8}; PREDICTIONS=${PREDICTIONS:-10000}
work=$(mktemp -d /tmp/msaml-stress-XXXXXX)
# Published copies, so that a rebuild of the repository during a long run changes nothing.
dotnet publish -c Release "$root/src/Cli" -o "$work/msa" -v q -nologo >/dev/null || exit 1
dotnet publish -c Release "$root/benchmarks/MsaMl.Benchmarks" -o "$work/bench" -v q -nologo >/dev/null || exit 1
msa="$work/msa/msa.dll"
echo "stress: K=$K concurrent x N=$N rounds of 'msa demo --quick' ($(nproc) cores); work in $work"

for round in $(seq 1 "$N"); do
  for k in $(seq 1 "$K"); do
    run="$work/r$round-p$k"; mkdir -p "$run"
    ( cd "$run" && /usr/bin/time -f "%e %M" -o "$run/time" dotnet "$msa" demo --quick --corpus "$root/datasets/demo" --output "$run/out" > "$run/log" 2>&1
      echo $? > "$run/rc" ) &
  done
  wait
  line="round $round:"
  for k in $(seq 1 "$K"); do
    run="$work/r$round-p$k"
    line="$line exit $(cat "$run/rc") ($(awk '{printf "%.0f s, %.0f MB", $1, $2/1024}' "$run/time" 2>/dev/null || echo '?'))"
  done
  echo "$line"
done

runs=$(ls -d "$work"/r*-p* | wc -l)
crashes=$(cat "$work"/r*/rc | awk '$1 >= 128' | wc -l)
failures=$(cat "$work"/r*/rc | awk '$1 != 0' | wc -l)
echo "process runs: $runs; non-zero exits: $failures; crashes (signal): $crashes"
echo "exit codes: $(cat "$work"/r*/rc | sort -n | uniq -c | awk '{printf "%s x %s; ", $2, $1}')"
awk '{print $2/1024}' "$work"/r*/time 2>/dev/null | sort -n | awk '{a[NR]=$1} END {if (NR) printf "peak RSS per process: min %.0f MB, median %.0f MB, max %.0f MB\n", a[1], a[int((NR+1)/2)], a[NR]}'
for rc in "$work"/r*/rc; do [ "$(cat "$rc")" -ne 0 ] && { echo "--- $(dirname "$rc")/log (tail)"; tail -5 "$(dirname "$rc")/log"; }; done

bundle=$(ls "$work"/r1-p1/out/ote.zip 2>/dev/null || true)
if [ -n "$bundle" ]; then
  dotnet "$work/bench/MsaMl.Benchmarks.dll" soak --bundle "$bundle" \
    --corpus "$root/datasets/demo" --threads "$THREADS" --predictions "$PREDICTIONS"
  echo "soak exit: $?"
fi
