#!/usr/bin/env python3
"""Synthetic orders for the segments example (rules/regional-orders.yaml): one region's drift that the whole
data hides. Standard library only (random, seed 20261207); 10000 orders per side, CSV.

Eight regions with their own shares. Tonight (current) the region `north` (about 9 % of the orders) has a
pricing bug: its basket values are 60 % higher; the other regions are
unchanged. Over all regions the basket value barely moves (PSI below 0.1, normed Wasserstein below 0.1),
so only the segment `region=north` shows it. A model predicts whether an order is returned (p_return,
returned_predicted); its labels are in both files.
usage: python3 make_data.py   (writes reference.csv and current.csv here)
"""
import csv
import math
import random

rng = random.Random(20261207)
N = 10000
REGIONS = [("west", 0.22), ("east", 0.20), ("south", 0.17), ("central", 0.12), ("north", 0.09), ("coast", 0.08),
           ("mountain", 0.07), ("islands", 0.05)]


def region():
    u = rng.random()
    for name, p in REGIONS:
        if u < p:
            return name
        u -= p
    return REGIONS[-1][0]


def orders(offset, bug):
    rows = []
    for i in range(N):
        r = region()
        items = 1 + int(rng.expovariate(1 / 2.0))
        value = round(rng.lognormvariate(3.4, 0.45) * (1 + 0.15 * items), 2)
        if bug and r == "north":
            value = round(value * 1.6, 2)
        channel = rng.choices(["web", "app", "phone"], [0.55, 0.38, 0.07])[0]
        logit = -2.2 + 0.07 * (value - 45) + (1.5 if channel == "phone" else 0.0)
        p = 1 / (1 + math.exp(-logit))
        returned = 1 if rng.random() < p else 0
        rows.append({"order_id": offset + i, "region": r, "basket_value": value, "items": items, "channel": channel,
                     "returned": returned, "p_return": round(p, 4), "returned_predicted": 1 if p >= 0.3 else 0})
    return rows


for name, offset, bug in [("reference", 0, False), ("current", 1_000_000, True)]:
    data = orders(offset, bug)
    with open(name + ".csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(data[0].keys()))
        w.writeheader()
        w.writerows(data)
    north = [d for d in data if d["region"] == "north"]
    print(name, len(data), "north", len(north), "mean basket %.2f, north %.2f" % (
        sum(d["basket_value"] for d in data) / len(data), sum(d["basket_value"] for d in north) / len(north)))
