"""driftwatch nightly: one drift run per rule file; each run's verdict decides what happens next.

For every ``*.yaml`` in the rules folder, a mapped task group:

    spark_submit (driftwatch.jar run --rules FILE --date {{ ds }})
      -> read_verdict (report.json: decision.verdict)
      -> choose: retrain -> trigger the model's retraining DAG (actions.retrain.dag_id in the rule file)
                 hold    -> tonight's data failed an upstream check (decision.data_unfit): no retrain,
                            whatever drifted; the held retrain reasons are logged until the data is fixed
                 alert   -> notify
                 ok      -> done

Settings are Airflow Variables (with defaults that suit a checkout of the driftwatch repository):

    driftwatch_jar          path of target/driftwatch.jar on the Airflow workers
    driftwatch_rules_dir    folder of rule files (default: the repository's rules/)
    driftwatch_reports_dir  report root passed as --out (default: the repository's reports/)
    driftwatch_spark_conf   JSON object of Spark settings, e.g. {"spark.executor.memory": "4g"}

Read when the DAG file is parsed, so set as environment variables of the scheduler and workers:

    DRIFTWATCH_SPARK_CONN_ID   Spark connection id (default: spark_default)
    DRIFTWATCH_ALERT_EMAIL     comma-separated addresses for Airflow's failure emails (optional)

Works on Airflow 3 (airflow.sdk) and imports on Airflow 2.10.
"""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timedelta
from pathlib import Path

import yaml
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

try:  # Airflow 3
    from airflow.providers.standard.operators.empty import EmptyOperator
    from airflow.providers.standard.operators.trigger_dagrun import TriggerDagRunOperator
    from airflow.sdk import DAG, Variable, task, task_group
    from airflow.sdk.exceptions import AirflowSkipException
except ImportError:  # Airflow 2.10
    from airflow import DAG
    from airflow.decorators import task, task_group
    from airflow.exceptions import AirflowSkipException
    from airflow.models import Variable
    from airflow.operators.empty import EmptyOperator
    from airflow.operators.trigger_dagrun import TriggerDagRunOperator

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
DEFAULTS = {
    "driftwatch_jar": str(REPO / "target" / "driftwatch.jar"),
    "driftwatch_rules_dir": str(REPO / "rules"),
    "driftwatch_reports_dir": str(REPO / "reports"),
    "driftwatch_spark_conf": "{}",
}
GROUP = "monitor"


def setting(name: str) -> str:
    """An Airflow Variable, read at run time (never while the DAG file is parsed)."""
    return Variable.get(name, default=DEFAULTS[name])


def log_failure(context) -> None:
    """Failure callback: one clear line in the task log (Airflow's own failure email also goes out)."""
    ti = context["task_instance"]
    log.error("driftwatch task %s (map index %s) failed for %s: %s",
              ti.task_id, ti.map_index, context.get("ds"), context.get("exception"))


def _alert_emails() -> list[str]:
    raw = os.environ.get("DRIFTWATCH_ALERT_EMAIL", "")
    return [a.strip() for a in raw.split(",") if a.strip()]


def _failure_callbacks() -> list:
    """Log every failure; with DRIFTWATCH_ALERT_EMAIL set, also mail it (SmtpNotifier, the Airflow 3 way)."""
    callbacks = [log_failure]
    if _alert_emails():
        from airflow.providers.smtp.notifications.smtp import SmtpNotifier

        callbacks.append(SmtpNotifier(
            to=_alert_emails(),
            subject="[driftwatch] Airflow task {{ ti.task_id }} failed for {{ ds }}",
            html_content="driftwatch_nightly task {{ ti.task_id }} (map index {{ ti.map_index }}) failed: {{ exception }}"))
    return callbacks


def branch_of(verdict: dict) -> str:
    """hold (the data is unfit: never retrain on it), retrain (with a retraining DAG to start), notify (alert,
    or retrain without one) or ok."""
    if verdict.get("data_unfit"):
        return "hold"
    if verdict["verdict"] == "retrain" and verdict["retrain_dag"]:
        return "retrain"
    if verdict["verdict"] == "retrain":
        log.warning("%s: retrain recommended but the rule file names no actions.retrain.dag_id", verdict["monitor"])
    return "notify" if verdict["verdict"] in ("retrain", "alert") else "ok"


def only_on_branch(name: str):
    """Each branch target checks the verdict itself too: Airflow 3.2-3.3 runs the siblings a branch
    skipped when the branch sits inside a mapped task group (apache/airflow#67265)."""
    def check(context) -> None:
        verdict = context["ti"].xcom_pull(task_ids=f"{GROUP}.read_verdict", map_indexes=context["ti"].map_index)
        if branch_of(verdict) != name:
            raise AirflowSkipException(f"verdict {verdict['verdict']}: branch {branch_of(verdict)}, not {name}")
    return check


default_args = {
    "owner": "ml-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "execution_timeout": timedelta(hours=2),
    "on_failure_callback": _failure_callbacks(),
}

with DAG(
    dag_id="driftwatch_nightly",
    description="Drift and data-quality checks for every rule file; retrains models whose data moved",
    schedule="0 3 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["driftwatch", "ml-monitoring"],
    doc_md=__doc__,
) as dag:

    @task(retries=0)
    def rule_files(ds=None) -> list[dict]:
        """One entry per rule file: the spark-submit arguments and where its report will be."""
        rules_dir = Path(setting("driftwatch_rules_dir"))
        reports = setting("driftwatch_reports_dir")
        entries = []
        for path in sorted(rules_dir.glob("*.yaml")):
            doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            monitor = doc.get("monitor")
            if not monitor:
                raise ValueError(f"{path}: no 'monitor' key")
            retrain = (doc.get("actions") or {}).get("retrain") or {}
            entries.append({
                "rules": str(path),
                "monitor": monitor,
                "retrain_dag": retrain.get("dag_id") or (retrain.get("airflow") or {}).get("dag_id"),
                "args": ["run", "--rules", str(path), "--date", ds, "--out", reports],
                "report": str(Path(reports) / monitor / ds / "report.json"),
            })
        if not entries:
            raise ValueError(f"no rule files (*.yaml) in {rules_dir}")
        return entries

    @task_group(group_id=GROUP)
    def monitor(entry: dict):
        @task
        def spark_args(entry: dict) -> list[str]:
            return entry["args"]

        @task
        def spark_conf() -> dict:
            return json.loads(setting("driftwatch_spark_conf") or "{}")

        spark_submit = SparkSubmitOperator(
            task_id="spark_submit",
            application="{{ var.value.get('driftwatch_jar', '" + DEFAULTS["driftwatch_jar"] + "') }}",
            java_class="org.driftwatch.cli.Main",
            conn_id=os.environ.get("DRIFTWATCH_SPARK_CONN_ID", "spark_default"),
            conf=spark_conf(),
            name="driftwatch",
            application_args=spark_args(entry),
            execution_timeout=timedelta(hours=2),
        )

        @task
        def read_verdict(entry: dict) -> dict:
            report = json.loads(Path(entry["report"]).read_text(encoding="utf-8"))
            decision = report.get("decision") or {}
            verdict = decision.get("verdict", "alert")
            # the outcome is the word of the email subject and the report's banner (README: How to read the report)
            outcome = decision.get("outcome", verdict).upper().replace("_", " ")
            log.info("%s %s: %s (verdict %s, status %s); %s", report["monitor"], report["date"], outcome, verdict,
                     report["status"], "; ".join(r.get("message", "") for r in decision.get("reasons", [])[:5]))
            return {"monitor": report["monitor"], "date": report["date"], "verdict": verdict, "outcome": outcome,
                    "retrain_dag": entry.get("retrain_dag"), "report": entry["report"],
                    "retrain_columns": decision.get("retrain_columns", []),
                    "data_unfit": bool(decision.get("data_unfit", False)),
                    "unfit": [r.get("message", "") for r in decision.get("reasons", []) if r.get("kind") == "data_unfit"],
                    "held_reasons": [r.get("message", "") for r in decision.get("held_reasons", [])]}

        @task.branch
        def choose(verdict: dict) -> str:
            return f"{GROUP}.{branch_of(verdict)}"

        pull = "ti.xcom_pull(task_ids='" + GROUP + ".read_verdict', map_indexes=ti.map_index)"
        retrain = TriggerDagRunOperator(
            task_id="retrain",
            trigger_dag_id="{{ " + pull + "['retrain_dag'] }}",
            # the same run id driftwatch's own REST trigger uses: whichever comes first wins, the other is a no-op
            trigger_run_id="driftwatch__{{ " + pull + "['monitor'] }}__{{ ds }}",
            conf={"monitor": "{{ " + pull + "['monitor'] }}", "date": "{{ ds }}", "report_path": "{{ " + pull + "['report'] }}"},
            skip_when_already_exists=True,
            wait_for_completion=False,
            pre_execute=only_on_branch("retrain"),
        )

        @task
        def notify(verdict: dict) -> None:
            """The verdict needs people: driftwatch's own email/webhooks carry the report; this marks it in Airflow."""
            if branch_of(verdict) != "notify":
                raise AirflowSkipException(f"verdict {verdict['verdict']}: branch {branch_of(verdict)}")
            log.warning("driftwatch %s %s needs attention: %s, report %s",
                        verdict["monitor"], verdict["date"], verdict["outcome"], verdict["report"])

        @task
        def hold(verdict: dict) -> None:
            """Tonight's data is not fit to retrain on: no retrain starts; fix the data and rerun the night."""
            if branch_of(verdict) != "hold":
                raise AirflowSkipException(f"verdict {verdict['verdict']}: branch {branch_of(verdict)}")
            log.warning("driftwatch %s %s: the data must be fixed first (%s); retrain held until the data is good%s; report %s",
                        verdict["monitor"], verdict["date"], "; ".join(verdict["unfit"]),
                        ": " + "; ".join(verdict["held_reasons"]) if verdict["held_reasons"] else "", verdict["report"])

        ok = EmptyOperator(task_id="ok", pre_execute=only_on_branch("ok"))

        verdict = read_verdict(entry)
        spark_submit >> verdict
        choose(verdict) >> [retrain, notify(verdict), hold(verdict), ok]

    monitor.expand(entry=rule_files())
