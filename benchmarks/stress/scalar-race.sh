#!/usr/bin/env bash
# The TorchSharp 0.107 Scalar-lifetime race, reproduced: add_(Tensor) (a temporary Scalar inside
# TorchSharp) against add_(Tensor, kept-alive Scalar), each in its own process while a second
# thread forces garbage collections. Usage: benchmarks/stress/scalar-race.sh [runs] [seconds]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}; seconds=${2:-15}
dotnet build -c Release "$root/benchmarks/MsaMl.Benchmarks" -v q -nologo >/dev/null
bench="$root/benchmarks/MsaMl.Benchmarks/bin/Release/net10.0/MsaMl.Benchmarks.dll"
for mode in unsafe safe; do
  died=0
  for run in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    out=$(timeout $((seconds + 60)) dotnet "$bench" scalar-race "$mode" "$seconds" 2>&1); rc=$?
    took=$(echo "$(date +%s.%N) - $start" | bc)
    why=$(echo "$out" | grep -m1 -oE 'toFloat|Segmentation fault' || true)
    [ "$rc" -ne 0 ] && died=$((died + 1))
    printf '%-6s run %d: exit %d after %.1f s %s\n' "$mode" "$run" "$rc" "$took" "$why"
  done
  echo "$mode: $died of $runs processes died"
done
