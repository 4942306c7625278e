#!/usr/bin/env bash
# Side-by-side timing of the fused deep-network kernels against the PyTorch peer (issue 11, item 2):
# MLP [4, 256, 256, 4] silu, denoising score matching, batch 512, Adam; plain Langevin with 10 000
# particles. Each round runs the peer, then score4j at the preferred vector width and at 256 bits
# (-XX:UseAVX=2), so all three see the same machine load. THREADS (default 2) is passed to both sides.
# Usage: ROUNDS=3 THREADS=2 OUT=/tmp/deep docs/deep-bench.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-/tmp/score4j-deep-bench}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-2}"
PEER="${PEER:-$ROOT/../../shared/anchors/deep_torch.py}"
[ -f "$PEER" ] || PEER=/work/shared/anchors/deep_torch.py
mkdir -p "$OUT"
ARGS=(bench --dim 4 --hidden 256,256 --activation silu --objective denoising --batch 512 --steps 100
      --langevin-steps 20 --runs 3 --phases train,langevin --threads "$THREADS")
for r in $(seq 1 "$ROUNDS"); do
  echo "## round $r  $(date -u +%H:%M:%S)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/python3 "$PEER" --dim 4 --hidden 256 --batch 512 --train-steps 50 --langevin-steps 20 --threads "$THREADS" \
      --out "$OUT/torch-$r.json" | tail -1
  "$ROOT/bin/score4j" "${ARGS[@]}" --json "$OUT/s4j512-$r.json" | tail -2
  SCORE4J_JVM_OPTS="-XX:UseAVX=2" "$ROOT/bin/score4j" "${ARGS[@]}" --json "$OUT/s4j256-$r.json" | tail -2
done
python3 - "$OUT" "$ROUNDS" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def ms(f, phase):
    return next(p["per_step_ms"] for p in json.load(open(f))["phases"] if p["phase"] == phase)
t = [json.load(open(f"{out}/torch-{r}.json")) for r in range(1, rounds + 1)]
tt = statistics.median(x["train_step_ms"] for x in t); tl = statistics.median(x["langevin_step_ms"] for x in t)
print(f"torch {t[0]['torch']}: train {tt:.2f} ms, langevin {tl:.2f} ms (medians of {rounds} rounds)")
for w in ("512", "256"):
    st = statistics.median(ms(f"{out}/s4j{w}-{r}.json", "train") for r in range(1, rounds + 1))
    sl = statistics.median(ms(f"{out}/s4j{w}-{r}.json", "langevin") for r in range(1, rounds + 1))
    print(f"score4j {w}-bit: train {st:.3f} ms ({tt / st:.1f}x), langevin {sl:.2f} ms ({tl / sl:.1f}x)")
PY
