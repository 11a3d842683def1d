#!/usr/bin/env python3
"""Builds the flights_late_binary case: a binary classifier with a score, ties, nulls and delayed labels.

Source: ../../golden/flights_week_jan_vs_jun (vega-datasets flights, the golden drift case). Every 20th row
of each side; late = delay > 15. A LogisticRegression on (distance, hour) is trained on the rows of the
reference week with index % 20 == 10 (in no file here). p_late = round(predict_proba, 3) (ties, and scores
exactly on the 0.2 threshold), late_predicted = p_late >= 0.2. The reference has null labels and null scores;
the current predictions carry no label: it comes from labels.* joined by flight_id, with identical duplicate
rows, two ids with conflicting labels, label rows of unknown flights, and a third of the predictions unlabelled.
Expected values by scikit-learn 1.9.1 / numpy / scipy, in the format of ../../../../shared/golden-perf.

usage (from this folder, with scikit-learn, pandas, pyarrow): python3 make_case.py /path/to/flights_week_jan_vs_jun
"""
import json, sys, math
import numpy as np, pandas as pd, sklearn, scipy
from scipy import stats
from sklearn import metrics
from sklearn.linear_model import LogisticRegression

src = sys.argv[1]
ref_all = pd.read_csv(f"{src}/reference.csv")
cur_all = pd.read_csv(f"{src}/current.csv")


def prep(df, offset):
    df = df.copy()
    df["flight_id"] = np.arange(len(df)) + offset
    df["hour"] = pd.to_datetime(df["date"]).dt.hour
    return df


ref_all = prep(ref_all, 0)
cur_all = prep(cur_all, 10_000_000)
train = ref_all[ref_all.index % 20 == 10].dropna(subset=["delay"])
model = LogisticRegression().fit(train[["distance", "hour"]].to_numpy(float), (train["delay"] > 15).astype(int))


def side(df):
    df = df[df.index % 20 == 0].dropna(subset=["delay"]).copy()
    df["late"] = (df["delay"] > 15).astype("Int64")
    df["p_late"] = np.round(model.predict_proba(df[["distance", "hour"]].to_numpy(float))[:, 1], 3)
    df["late_predicted"] = (df["p_late"] >= 0.2).astype("Int64")
    return df[["flight_id", "date", "distance", "hour", "origin", "late", "late_predicted", "p_late"]].reset_index(drop=True)


ref = side(ref_all)
cur = side(cur_all)
rng = np.random.default_rng(20261201)
ref.loc[rng.choice(len(ref), 40, replace=False), "late"] = pd.NA
ref.loc[rng.choice(len(ref), 25, replace=False), "p_late"] = np.nan

# delayed labels: two thirds of the predictions, some twice (identical), two ids conflicting, some unknown ids
labelled = cur.sample(frac=2 / 3, random_state=7)
labels = labelled[["flight_id", "late"]].copy()
dups = labels.sample(n=30, random_state=8)
conflict_ids = labels["flight_id"].iloc[:2].tolist()
conflicts = labels[labels["flight_id"].isin(conflict_ids)].copy()
conflicts["late"] = 1 - conflicts["late"]
unknown = pd.DataFrame({"flight_id": [99_000_001, 99_000_002, 99_000_003, 99_000_003], "late": [1, 0, 1, 1]})
labels = pd.concat([labels, dups, conflicts, unknown]).sample(frac=1, random_state=9).reset_index(drop=True)
labels["late"] = labels["late"].astype("Int64")
current_file = cur.drop(columns=["late"])

joined_labels = labels.groupby("flight_id")["late"].agg(lambda s: s.iloc[0] if s.nunique() == 1 else pd.NA)
cur_joined = cur.drop(columns=["late"]).merge(joined_labels.rename("late").reset_index(), on="flight_id", how="left")


def perf(df):
    ok = df["late"].notna() & df["late_predicted"].notna() & df["p_late"].notna()
    y = df.loc[ok, "late"].astype(int).to_numpy()
    p = df.loc[ok, "late_predicted"].astype(int).to_numpy()
    s = df.loc[ok, "p_late"].to_numpy(float)
    cm = metrics.confusion_matrix(y, p, labels=[0, 1])
    out = {"rows": int(len(df)), "label_null": int(df["late"].isna().sum()), "prediction_null": int(df["late_predicted"].isna().sum()),
           "score_null": int(df["p_late"].isna().sum()), "n": int(ok.sum()),
           "accuracy": metrics.accuracy_score(y, p),
           "precision": metrics.precision_score(y, p, pos_label=1, zero_division=0),
           "recall": metrics.recall_score(y, p, pos_label=1, zero_division=0),
           "f1": metrics.f1_score(y, p, pos_label=1, zero_division=0),
           "specificity": metrics.recall_score(y, p, pos_label=0, zero_division=0),
           "balanced_accuracy": metrics.balanced_accuracy_score(y, p),
           "confusion_matrix": cm.tolist(),
           "positive_rate_labels": float(np.mean(y == 1)), "positive_rate_predictions": float(np.mean(p == 1)),
           "roc_auc": metrics.roc_auc_score(y, s), "pr_auc": metrics.average_precision_score(y, s, pos_label=1),
           "log_loss": metrics.log_loss(y, s, labels=[0, 1]), "brier": metrics.brier_score_loss(y, s, pos_label=1),
           "ks_separation": stats.ks_2samp(s[y == 1], s[y == 0]).statistic,
           "distinct_scores": int(len(np.unique(s)))}
    return {k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in out.items()}


def psi(r, c, bins=10):
    r = r[~np.isnan(r)]
    c = c[~np.isnan(c)]
    edges = np.percentile(r, np.linspace(0, 100, bins + 1))
    inner = edges[1:-1]
    rc = np.bincount(np.searchsorted(inner, r, side="right"), minlength=bins) / len(r)
    cc = np.bincount(np.searchsorted(inner, c, side="right"), minlength=bins) / len(c)
    rc = np.clip(rc, 1e-4, None)
    cc = np.clip(cc, 1e-4, None)
    return float(np.sum((cc - rc) * np.log(cc / rc)))


reference, current = perf(ref), perf(cur_joined)
change = {k: current[k] - reference[k] for k in reference if isinstance(reference[k], (int, float)) and k not in ("rows", "label_null", "prediction_null", "score_null", "distinct_scores")}
matched = labels[labels["flight_id"].isin(cur["flight_id"])]
delayed = {"predictions": int(cur["late_predicted"].notna().sum()),
           "predictions_with_label": int((cur_joined["late"].notna() & cur_joined["late_predicted"].notna()).sum()),
           "unmatched_label_rows": int((~labels["flight_id"].isin(cur["flight_id"])).sum()),
           "duplicate_label_rows": int(len(labels) - len(labels.drop_duplicates())),
           "conflicting_duplicate_ids": int((labels.groupby("flight_id")["late"].nunique() > 1).sum())}
delayed["label_coverage"] = delayed["predictions_with_label"] / delayed["predictions"]

columns = [{"name": "flight_id", "role": "id", "dtype": "int"}, {"name": "date", "role": "other", "dtype": "string"},
           {"name": "distance", "role": "numeric", "dtype": "int"}, {"name": "hour", "role": "numeric", "dtype": "int"},
           {"name": "origin", "role": "categorical", "dtype": "string"}, {"name": "late", "role": "label", "dtype": "int"},
           {"name": "late_predicted", "role": "prediction", "dtype": "int"}, {"name": "p_late", "role": "score", "dtype": "float"}]
schema = {"case": "flights_late_binary", "task": "binary", "id_column": "flight_id", "label_column": "late",
          "prediction_column": "late_predicted", "score_column": "p_late", "positive_label": 1, "columns": columns,
          "label_join": {"labels_file": "labels", "key": "flight_id"}, "rows": {"reference": len(ref), "current": len(cur)}}
expected = dict(schema)
expected.update({"description": __doc__.split("\n\n")[1], "reference": reference, "current": current, "change": change,
                 "delayed_labels": delayed,
                 "prediction_drift": {"psi": psi(ref["p_late"].to_numpy(float), cur["p_late"].to_numpy(float)), "psi_is_of": "p_late"},
                 "generated_with": {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__,
                                    "pandas": pd.__version__}})
for name, df in [("reference", ref), ("current", current_file), ("labels", labels)]:
    df.to_csv(f"{name}.csv", index=False)
    df.to_parquet(f"{name}.parquet", index=False)
json.dump(schema, open("schema.json", "w"), indent=1)
json.dump(expected, open("expected.json", "w"), indent=1)
print(json.dumps({"reference": reference, "current": current, "delayed": delayed, "psi": expected["prediction_drift"]}, indent=1))
