"""Counts synthetic cells outside their column: a value the data never has (text, binary), outside the
data's [min, max], an integer with decimals, more decimals than the data, or a gap where the data has none.
Usage: python3 check_table.py REAL.csv SYNTH.csv"""
import csv, sys, re
real = list(csv.DictReader(open(sys.argv[1])))
syn = list(csv.DictReader(open(sys.argv[2])))
cols = list(real[0].keys())
assert list(syn[0].keys()) == cols, "header"
gap = lambda v: v in ("", "NA")
def dec(v): return len(v.split(".")[1]) if "." in v else 0
bad = {c: 0 for c in cols}
for c in cols:
    vals = [r[c] for r in real if not gap(r[c])]
    try:
        nums = [float(v) for v in vals]; numeric = True
    except ValueError:
        numeric = False
    levels = set(vals)
    gaps_ok = any(gap(r[c]) for r in real)
    if numeric:
        lo, hi = min(nums), max(nums); d = max(dec(v) for v in vals)
        integral = all(dec(v) == 0 for v in vals)
    for r in syn:
        v = r[c]
        if gap(v):
            bad[c] += 0 if gaps_ok else 1; continue
        if not numeric or len(levels) <= 2:
            bad[c] += v not in levels; continue
        x = float(v)
        ok = lo <= x <= hi and (re.fullmatch(r"-?\d+", v) if integral else dec(v) <= d)
        bad[c] += 0 if ok else 1
print("rows", len(syn), "violations per column", bad, "cells violating:", sum(bad.values()))
