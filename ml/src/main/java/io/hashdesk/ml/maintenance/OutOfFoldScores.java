package io.hashdesk.ml.maintenance;

import io.hashdesk.ml.TrainingProgress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import smile.classification.RandomForest;

/**
 * Out-of-fold kind scores of training samples: each fold's samples scored by a forest trained on the other folds'
 * units only, folds grouped by unit ({@link #unitFolds}).
 *
 * @param forests forests the whole training run fits, for the progress report
 */
record OutOfFoldScores(List<TrainingSample> samples, int[] y, int[] fold, MaintenanceSettings settings,
                       TrainingProgress progress, int forests) {

    /**
     * @param trainsOn which samples the forests learn from (every sample is scored)
     * @param done     forests fitted before this pass, for the progress report
     */
    double[][] scores(IntPredicate trainsOn, int done) {
        int k = settings.calibrationFolds();
        double[][] kindScores = new double[samples.size()][];
        for (int f = 0; f < k; f++) {
            progress.checkCancelled();
            progress.report((double) (done + f) / forests, "Failure model: out-of-fold forest " + (done + f + 1)
                    + " of " + (forests - 1));
            List<Integer> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    held.add(i);
                } else if (trainsOn.test(i)) {
                    train.add(i);
                }
            }
            // The fold learns its own fan-stop level, so held-out units inform neither the level nor the forest.
            FanStopLevel foldStop = FanStopLevel.learn(train.stream().map(samples::get).toList(), settings);
            RandomForest foldForest = FailureRiskModel.forest(samples, y, train, foldStop,
                    settings.forest().outOfFold());
            for (int i : held) {
                kindScores[i] = FailureRiskModel.kindScores(foldForest, foldStop.complete(samples.get(i).row().values()));
            }
        }
        return kindScores;
    }

    /**
     * Fold of each sample: whole units go to one fold; units that fail are dealt out kind by kind and healthy units
     * apart, so every fold trains on every kind the history has, in an order shuffled by the seed.
     */
    static int[] unitFolds(List<TrainingSample> samples, int k, long seed) {
        TreeMap<String, String> groupOf = new TreeMap<>();
        for (TrainingSample s : samples) {
            groupOf.putIfAbsent(s.row().miner().value(), s.failureKind() == null ? "healthy" : s.failureKind().name());
        }
        long failingUnits = groupOf.values().stream().filter(g -> !g.equals("healthy")).count();
        long healthyUnits = groupOf.size() - failingUnits;
        if (failingUnits < k || healthyUnits < k) {
            throw new IllegalArgumentException("training needs at least " + k + " units that failed during the history"
                    + " and " + k + " that did not; the history has " + failingUnits + " and " + healthyUnits);
        }
        Random random = new Random(seed);
        Map<String, Integer> foldOf = new TreeMap<>();
        int dealt = 0;
        for (String group : new TreeSet<>(groupOf.values())) {
            List<String> units = new ArrayList<>(groupOf.entrySet().stream().filter(e -> e.getValue().equals(group))
                    .map(Map.Entry::getKey).toList());
            Collections.shuffle(units, random);
            // Carry the dealing position across groups so that small groups do not all start in fold 0.
            for (String unit : units) {
                foldOf.put(unit, dealt++ % k);
            }
        }
        return samples.stream().mapToInt(s -> foldOf.get(s.row().miner().value())).toArray();
    }
}
