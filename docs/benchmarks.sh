#!/usr/bin/env bash
# Reproduces the tables of docs/BENCHMARKS.md on this machine. Run on a quiet machine:
#   docs/benchmarks.sh > /tmp/bench.md          (about 15 minutes with the PyTorch peer)
# Needs: bin/score4j (builds itself); for the peer: /usr/bin/python3 with python3-torch.
# SCORE4J_JAVA selects the JDK (default: java on PATH); NO_TORCH=1 skips the PyTorch peer.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
S4J="$ROOT/bin/score4j"
OUT="${OUT:-$(mktemp -d)}"
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); JDK: $(${SCORE4J_JAVA:-java} -version 2>&1 | head -1)"

echo "## demo, 3 runs (wall seconds, peak RSS)"
for i in 1 2 3; do
  /usr/bin/time -f "demo run $i: %e s wall, %M KiB peak RSS" "$S4J" demo -q --out "$OUT/demo$i" 2>&1 | grep -v '^WARNING: Using incubator'
  python3 -c "import json;m=json.load(open('$OUT/demo$i/metrics.json'));print('  train %.2f s, sample %.2f s, fisher %.4f, fraction_positive %.3f, sample_std %.3f'%(m['train_seconds'],m['sample_seconds'],m['fisher_divergence'],m['fraction_positive'],m['sample_std']))"
done

echo "## bench: founding phases"
"$S4J" bench --runs 5 --json "$OUT/bench.json" 2>&1 | grep -v '^WARNING'

echo "## scaling: hidden width (train phase, batch 2048, D 1)"
for h in 64 256 1024 4096; do "$S4J" bench --phases train --runs 5 --hidden $h 2>&1 | grep '^train'; done
echo "## scaling: batch (hidden 1024)"
for b in 256 1024 2048 8192; do "$S4J" bench --phases train --runs 5 --batch $b 2>&1 | grep '^train'; done
echo "## scaling: threads (fused train step and score)"
for t in 1 2; do "$S4J" bench --phases train,score --runs 5 --threads $t 2>&1 | grep -E '^(train|score)'; done
echo "## scaling: dimension D (hidden 256, batch 512): fused (trace O(1)) and generic autodiff (trace O(D))"
for d in 1 2 8 32 64; do "$S4J" bench --phases train,train-generic --runs 3 --hidden 256 --batch 512 --dim $d --steps 40 2>&1 | grep -E '^train' | sed "s/^/D=$d /"; done
echo "## objectives by dimension (hidden 256, batch 512)"
for o in exact sliced denoising; do
  for d in 1 2 8 32 128; do "$S4J" bench --phases train --runs 3 --hidden 256 --batch 512 --dim $d --steps 40 --objective $o 2>&1 | grep -E '^train' | sed "s/^/$o D=$d /"; done
done

if [ "${NO_TORCH:-0}" != "1" ]; then
  echo "## PyTorch peer (../shared/anchors/torch_seed.py), seed settings"
  for v in nograd autograd functorch; do
    /usr/bin/python3 "$ROOT/../shared/anchors/torch_seed.py" --variant $v --out "$OUT/torch_$v.json" > /dev/null
    python3 -c "import json;m=json.load(open('$OUT/torch_$v.json'));print('torch %s: train %.1f s (step median %.1f ms), sample %.1f s, total %.1f s, fisher %.4f, frac_pos %.3f'%('$v',m['train_total_s'],m['step_median_ms'],m['sample_total_s'],m['train_total_s']+m['sample_total_s'],m['fisher'],m['frac_pos']))"
  done
fi
