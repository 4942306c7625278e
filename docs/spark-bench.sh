#!/usr/bin/env bash
# The Spark rows of docs/BENCHMARKS.md: wall seconds of whole commands, local against --spark local[1]/local[2]
# (each checked byte-equal to the local output). Run on a quiet machine: docs/spark-bench.sh [REPS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
S="$ROOT/bin/score4j"
OUT="${OUT:-$(mktemp -d)}"
REPS="${1:-3}"
cd "$OUT"
t() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || echo "FAILED: $*" >&2; echo "$(date +%s.%N) - $s" | bc; }
echo '{"weights": [0.5, 0.5], "means": [[-2, 0], [2, 1]], "stds": [[0.5, 0.5], [0.5, 0.5]]}' > mix.json
"$S" sample --mixture mix.json --n 4000 --out data.csv -q 2>/dev/null
"$S" train --csv data.csv --objective denoising --hidden 64 --epochs 20 --out m.safetensors -q 2>/dev/null
"$S" sample --mixture mix.json --n 100000 --steps 200 --out pts.csv -q 2>/dev/null
"$S" sample --model m.safetensors --n 1 --out warm.csv -q --spark 'local[1]' 2>/dev/null   # builds score4j-spark once
echo "# $(nproc) cores; JDK: $(${SCORE4J_JAVA:-java} -version 2>&1 | head -1); $(uptime)"
for rep in $(seq "$REPS"); do
  echo "start local    $(t "$S" sample --model m.safetensors --n 1 --steps 1 --out s0.csv -q)"
  echo "start local[1] $(t "$S" sample --model m.safetensors --n 1 --steps 1 --out s1.csv -q --spark 'local[1]')"
  echo "start local[2] $(t "$S" sample --model m.safetensors --n 1 --steps 1 --out s2.csv -q --spark 'local[2]')"
  for c in "--threads 1" "--threads 2" "--spark local[1] --partitions 1" "--spark local[2] --partitions 2"; do
    # shellcheck disable=SC2086
    echo "sample 200000x100 $c: $(t "$S" sample --model m.safetensors --n 200000 --steps 100 --out "s.csv" -q $c)"
    [ "$c" = "--threads 1" ] && cp s.csv ref.csv || cmp -s ref.csv s.csv || echo "sample bytes differ: $c"
  done
  for c in "" "--spark local[1] --partitions 1" "--spark local[2] --partitions 2"; do
    # shellcheck disable=SC2086
    echo "score 100000 rows $c: $(t "$S" score --model m.safetensors --csv pts.csv --out e.csv $c)"
    [ -z "$c" ] && cp e.csv sref.csv || cmp -s sref.csv e.csv || echo "score bytes differ: $c"
  done
  uptime
done
