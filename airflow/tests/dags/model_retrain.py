"""Stand-in for a model's retraining DAG, the target of driftwatch_nightly's retrain branch in tests."""
from datetime import datetime

try:
    from airflow.providers.standard.operators.empty import EmptyOperator
    from airflow.sdk import DAG
except ImportError:  # Airflow 2.10
    from airflow import DAG
    from airflow.operators.empty import EmptyOperator

with DAG(dag_id="model_retrain", schedule=None, start_date=datetime(2026, 1, 1), catchup=False):
    EmptyOperator(task_id="retrain_model")
