package org.driftwatch.checks;

/** One finding of one check, for one column or for the dataset (column null). */
public record CheckResult(String name, String column, Status status, Double value, Double threshold, String message) {
}
