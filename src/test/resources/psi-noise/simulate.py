#!/usr/bin/env python3
"""No-drift PSI by simulation, against the chi-square approximation driftwatch reports (Yurdakul 2018:
under no drift PSI / (1/n + 1/m) is about chi-square with B - 1 degrees of freedom).

For each (n, m): 10,000 pairs of samples from the same standard normal; PSI with the seed's definition
(10 bins on the reference's deciles, left-closed, shares clipped at 1e-4); the empirical 95th and 99th
percentiles next to chi2.ppf(q, 9) * (1/n + 1/m). Writes simulated.json beside this file.
usage: python3 simulate.py   (numpy, scipy; seed 20261202)
"""
import json, os
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261202)
out = {"trials": 10000, "bins": 10, "seed": 20261202, "cases": []}
for n, m in [(500, 500), (2000, 5000)]:
    psis = []
    for _ in range(10000):
        r = rng.standard_normal(n)
        c = rng.standard_normal(m)
        inner = np.percentile(r, np.linspace(0, 100, 11))[1:-1]
        rs = np.clip(np.bincount(np.searchsorted(inner, r, side="right"), minlength=10) / n, 1e-4, None)
        cs = np.clip(np.bincount(np.searchsorted(inner, c, side="right"), minlength=10) / m, 1e-4, None)
        psis.append(float(np.sum((cs - rs) * np.log(cs / rs))))
    psis = np.array(psis)
    scale = 1 / n + 1 / m
    out["cases"].append({"n": n, "m": m, "empirical_p95": float(np.percentile(psis, 95)), "empirical_p99": float(np.percentile(psis, 99)),
                         "chi2_p95": float(stats.chi2.ppf(0.95, 9) * scale), "chi2_p99": float(stats.chi2.ppf(0.99, 9) * scale),
                         "share_above_chi2_p95": float(np.mean(psis > stats.chi2.ppf(0.95, 9) * scale))})
json.dump(out, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "simulated.json"), "w"), indent=1)
print(json.dumps(out, indent=1))
