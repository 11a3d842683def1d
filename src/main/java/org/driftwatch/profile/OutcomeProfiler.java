package org.driftwatch.profile;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.DataException;
import org.driftwatch.data.ModelPlan;
import org.driftwatch.profile.model.ModelOutcomes;
import org.driftwatch.profile.shuffle.ExactMedian;
import org.driftwatch.profile.shuffle.ScoreRankingAggregation;
import org.driftwatch.stats.ScoreRanking;

/**
 * Finishes a side's model outcomes after its scan: checks that scores are probabilities, ranks the scores
 * from the scan's table (or, above what a scan holds, in Spark) and finds the exact median absolute error
 * the same way. Without raw data (a saved profile) the outcomes stay as they were saved.
 */
final class OutcomeProfiler {
    private OutcomeProfiler() {
    }

    static ModelOutcomes finish(ModelOutcomes outcomes, Dataset<Row> data, ModelPlan model, String side) {
        if (outcomes == null) {
            return null;
        }
        ModelOutcomes.Scores scores = outcomes.scores();
        if (scores != null && scores.min() != null && (scores.min() < 0 || scores.max() > 1)) {
            double bad = scores.min() < 0 ? scores.min() : scores.max();
            throw new DataException(side + " column '" + model.score() + "' (columns.score) holds " + bad
                + ", outside [0, 1]: a score must be the probability of the positive class '" + model.positiveClass() + "'");
        }
        if (scores != null && scores.ranking() == null) {
            ModelOutcomes.Ranking ranking;
            if (scores.table() != null) {
                ModelOutcomes.ScoreTable t = scores.table();
                ScoreRanking.Result r = ScoreRanking.of(t.scores(), t.negatives(), t.positives());
                ranking = new ModelOutcomes.Ranking(r.rocAuc(), r.averagePrecision(), r.ksSeparation(), t.scores().length, r.rocPoints());
            } else {
                long positives = positives(outcomes.confusion(), model.positiveClass());
                ranking = ScoreRankingAggregation.compute(data, model, positives, outcomes.counts().evaluated() - positives);
            }
            scores = scores.withRanking(ranking);
        }
        ModelOutcomes.Errors errors = outcomes.errors();
        if (errors != null && errors.medianAbsoluteError() == null && outcomes.counts().evaluated() > 0 && data != null) {
            errors = errors.withMedian(ExactMedian.absoluteError(data, model, outcomes.counts().evaluated()));
        }
        return outcomes.with(scores, errors);
    }

    private static long positives(Map<String, Map<String, Long>> confusion, String positive) {
        if (confusion == null) {
            return 0;
        }
        return confusion.getOrDefault(positive, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }
}
