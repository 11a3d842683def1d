"""The nightly DAG on real Airflow: it loads, and one run drives real spark-submit end to end."""
import json

from conftest import DAGS, run


def json_out(stdout):
    """The JSON document of an airflow CLI's output, past any log lines printed before it."""
    lines = [line for line in stdout.splitlines() if line.startswith("[") and not line.startswith("[20")]
    return json.loads(lines[-1])


def test_dag_loads_without_errors_and_has_the_expected_shape(airflow_env, monkeypatch):
    for k, v in airflow_env["env"].items():
        monkeypatch.setenv(k, v)
    try:
        from airflow.dag_processing.dagbag import DagBag  # Airflow 3.1+
    except ImportError:
        from airflow.models.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAGS))  # examples are off through AIRFLOW__CORE__LOAD_EXAMPLES
    assert bag.import_errors == {}
    dag = bag.get_dag("driftwatch_nightly")
    assert dag is not None
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    schedule = getattr(dag.timetable, "expression", None) or getattr(dag.timetable, "_expression", None)
    assert schedule == "0 3 * * *"
    ids = set(dag.task_ids)
    for t in ["rule_files", "monitor.spark_submit", "monitor.read_verdict", "monitor.choose",
              "monitor.retrain", "monitor.notify", "monitor.hold", "monitor.ok"]:
        assert t in ids, t
    submit = dag.get_task("monitor.spark_submit")
    assert submit.retries == 2 and submit.execution_timeout.total_seconds() == 7200
    assert submit._java_class == "org.driftwatch.cli.Main"


def test_one_nightly_run_retrains_the_drifted_model_holds_the_broken_one_and_leaves_the_stable_one(airflow_env):
    env = airflow_env["env"]
    run(["airflow", "dags", "reserialize"], env)
    run(["airflow", "dags", "test", "driftwatch_nightly", "2026-11-26"], env)

    reports = airflow_env["reports"]
    drifted = json.loads((reports / "drifted" / "2026-11-26" / "report.json").read_text())
    stable = json.loads((reports / "stable" / "2026-11-26" / "report.json").read_text())
    broken = json.loads((reports / "broken" / "2026-11-26" / "report.json").read_text())
    assert drifted["decision"]["verdict"] == "retrain"
    assert stable["decision"]["verdict"] == "ok"
    # the same drift on data that fails a blocking constraint: no retrain, the reasons held
    assert broken["decision"]["verdict"] == "alert"
    assert broken["decision"]["data_unfit"] is True
    assert broken["decision"]["reasons"][0]["kind"] == "data_unfit"
    assert [r["kind"] for r in broken["decision"]["held_reasons"]] == ["psi_fail"]

    runs = json_out(run(["airflow", "dags", "list-runs", "driftwatch_nightly", "-o", "json"], env).stdout)
    run_id = runs[0]["run_id"]
    states = json_out(run(["airflow", "tasks", "states-for-dag-run", "driftwatch_nightly", run_id, "-o", "json"], env).stdout)
    by_task = {(s["task_id"], int(s.get("map_index") or -1)): s["state"] for s in states}
    print(sorted(by_task.items()))
    # rule files are sorted: map index 0 = broken.yaml, 1 = drifted.yaml, 2 = stable.yaml
    assert by_task[("monitor.spark_submit", 0)] == "success"
    assert by_task[("monitor.hold", 0)] == "success"
    assert by_task[("monitor.retrain", 0)] == "skipped"
    assert by_task[("monitor.spark_submit", 1)] == "success"
    assert by_task[("monitor.retrain", 1)] == "success"
    assert by_task[("monitor.hold", 1)] == "skipped"
    assert by_task[("monitor.ok", 1)] == "skipped"
    assert by_task[("monitor.ok", 2)] == "success"
    assert by_task[("monitor.retrain", 2)] == "skipped"

    triggered = json_out(run(["airflow", "dags", "list-runs", "model_retrain", "-o", "json"], env).stdout)
    assert [r["run_id"] for r in triggered] == ["driftwatch__drifted__2026-11-26"]
