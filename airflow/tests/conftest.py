"""Shared set-up: an isolated AIRFLOW_HOME with a SQLite database, the driftwatch DAG and a stand-in
retraining DAG, Spark on local[2] through pyspark's real spark-submit."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "airflow" / "dags"
GOLDEN = REPO / "src" / "test" / "resources" / "golden"


@pytest.fixture(scope="session")
def airflow_env(tmp_path_factory):
    home = tmp_path_factory.mktemp("airflow_home")
    dags = home / "dags"
    dags.mkdir()
    shutil.copy(DAGS / "driftwatch_nightly.py", dags / "driftwatch_nightly.py")
    shutil.copy(Path(__file__).parent / "dags" / "model_retrain.py", dags / "model_retrain.py")
    # the DAG's defaults point at the repository; the copy is told where things are through Variables
    rules = home / "rules"
    rules.mkdir()
    reports = home / "reports"
    synthetic = GOLDEN / "synthetic_injected_drift"
    seattle = GOLDEN / "seattle_2012_vs_2015"
    (rules / "drifted.yaml").write_text(
        "monitor: drifted\n"
        f"reference: {{path: \"{synthetic / 'reference.parquet'}\"}}\n"
        f"current: {{path: \"{synthetic / 'current.parquet'}\"}}\n"
        "columns: {numerical: [x_stable, x_shift, x_scale], categorical: [cat_drift], label: label}\n"
        "actions:\n  retrain: {when: [psi_fail], dag_id: model_retrain}\n")
    # the drifted data again, but a blocking constraint fails: the data is unfit, so no retrain starts
    (rules / "broken.yaml").write_text(
        "monitor: broken\n"
        f"reference: {{path: \"{synthetic / 'reference.parquet'}\"}}\n"
        f"current: {{path: \"{synthetic / 'current.parquet'}\"}}\n"
        "columns: {numerical: [x_stable, x_shift, x_scale], categorical: [cat_drift], label: label}\n"
        "checks: {quality: [{name: shift_in_range, column: x_shift, range: {max: 1.0}, blocking: true}]}\n"
        "actions:\n  retrain: {when: [psi_fail], dag_id: model_retrain}\n")
    (rules / "stable.yaml").write_text(
        "monitor: stable\n"
        f"reference: {{path: \"{seattle / 'reference.csv'}\"}}\n"
        f"current: {{path: \"{seattle / 'reference.csv'}\"}}\n"
        "columns: {numerical: [temp_max, wind]}\n"
        "checks: {identical_rows: {enabled: false}}\n"
        "actions:\n  retrain: {dag_id: model_retrain}\n")
    venv_bin = Path(sys.executable).parent
    env = dict(os.environ)
    env.update({
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": "http://127.0.0.1:8080/execution/",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        "AIRFLOW_VAR_DRIFTWATCH_JAR": str(REPO / "target" / "driftwatch.jar"),
        "AIRFLOW_VAR_DRIFTWATCH_RULES_DIR": str(rules),
        "AIRFLOW_VAR_DRIFTWATCH_REPORTS_DIR": str(reports),
        "AIRFLOW_VAR_DRIFTWATCH_SPARK_CONF": json.dumps({"spark.driver.host": "127.0.0.1", "spark.ui.enabled": "false"}),
        "AIRFLOW_CONN_SPARK_DEFAULT": json.dumps({"conn_type": "spark", "host": "local[2]"}),
        "SPARK_LOCAL_IP": "127.0.0.1",
        "PATH": f"{venv_bin}{os.pathsep}{env.get('PATH', '')}",
    })
    env.pop("SPARK_HOME", None)
    assert (REPO / "target" / "driftwatch.jar").is_file(), "build the jar first: mvn -B package"
    run(["airflow", "db", "migrate"], env)
    return {"home": home, "env": env, "reports": reports}


def run(cmd, env, timeout=900):
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    log = Path(env["AIRFLOW_HOME"]) / "commands.log"
    with log.open("a") as f:
        f.write(f"$ {' '.join(cmd)}\n{p.stdout}\n{p.stderr}\n")
    if p.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {p.returncode}\n{p.stdout[-4000:]}\n{p.stderr[-6000:]}")
    return p
