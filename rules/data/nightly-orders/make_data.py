#!/usr/bin/env python3
"""Synthetic nightly batches for the history example (rules/nightly-orders.yaml): a shop's orders,
one folder per night from 2026-11-01 to 2026-11-14, against a reference month. basket_value drifts up a
little more every night from night 6; night 10 arrives half-empty (an upstream job lost a partition);
the other columns stay put. numpy seed 20261202; 800 orders per night, 3000 in the reference.

usage: python3 make_data.py   (writes reference.csv and <date>/current.csv here; needs numpy and pandas)
"""
from pathlib import Path

import numpy as np
import pandas as pd

rng = np.random.default_rng(20261202)
HERE = Path(__file__).parent


def orders(n, basket_shift):
    basket = np.round(rng.lognormal(3.6 + basket_shift, 0.45, n), 2)
    items = rng.poisson(2.2, n) + 1
    minutes = np.round(rng.gamma(3.0, 4.0, n), 1)
    channel = rng.choice(["web", "app", "store"], n, p=[0.5, 0.35, 0.15])
    return pd.DataFrame({"basket_value": basket, "items": items, "minutes_on_site": minutes, "channel": channel})


orders(3000, 0.0).to_csv(HERE / "reference.csv", index=False)
for night in range(1, 15):
    shift = 0.0 if night < 6 else 0.07 * (night - 5)
    day = HERE / f"2026-11-{night:02d}"
    day.mkdir(exist_ok=True)
    orders(400 if night == 10 else 800, shift).to_csv(day / "current.csv", index=False)
