#!/usr/bin/env python3
"""Synthetic flights for the concept-drift example (rules/late-flights.yaml): the features keep their
distribution, but what makes a flight late changes (P(Y|X)), so a model that learnt the old rule loses
accuracy while no feature drifts. numpy seed 20261201; 6000 flights per side.

reference: evening departures on long routes run late; current: morning departures run late instead,
at about the same overall rate. The model (the reference's rule) scores p_late and predicts late at 0.3.
usage: python3 make_data.py   (writes reference.parquet and current.parquet here; needs numpy, pandas, pyarrow)
"""
import numpy as np
import pandas as pd

rng = np.random.default_rng(20261201)
N = 6000


def flights(offset, late_rule):
    hour = rng.integers(5, 23, N)
    distance = np.round(rng.gamma(4.0, 250.0, N)).astype(int) + 80
    carrier = rng.choice(["AA", "DL", "UA", "WN", "B6"], N, p=[0.25, 0.25, 0.2, 0.2, 0.1])
    logit_model = -1.4 + 0.22 * (hour - 14) + 0.0009 * (distance - 1000)
    p_late = np.round(1 / (1 + np.exp(-logit_model)), 3)
    true_logit = late_rule(hour, distance)
    late = (rng.random(N) < 1 / (1 + np.exp(-true_logit))).astype(int)
    return pd.DataFrame({"flight_id": np.arange(N) + offset, "hour": hour, "distance": distance, "carrier": carrier,
                         "late": late, "late_predicted": (p_late >= 0.3).astype(int), "p_late": p_late})


reference = flights(0, lambda h, d: -1.4 + 0.22 * (h - 14) + 0.0009 * (d - 1000))
current = flights(1_000_000, lambda h, d: -1.4 - 0.22 * (h - 14) + 0.0009 * (d - 1000))
reference.to_parquet("reference.parquet", index=False)
current.to_parquet("current.parquet", index=False)
for name, df in [("reference", reference), ("current", current)]:
    print(name, len(df), "late rate %.3f" % df.late.mean(), "predicted %.3f" % df.late_predicted.mean())
