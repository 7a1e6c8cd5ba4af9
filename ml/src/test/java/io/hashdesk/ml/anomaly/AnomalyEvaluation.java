package io.hashdesk.ml.anomaly;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.eval.EvaluationScale;
import io.hashdesk.ml.eval.MetricRow;
import io.hashdesk.ml.eval.ModelEvaluation;
import io.hashdesk.ml.features.Feature;
import io.hashdesk.ml.features.FeatureBuilder;
import io.hashdesk.ml.features.FeatureSettings;
import io.hashdesk.ml.features.FeatureTable;
import io.hashdesk.ml.sim.Condition;
import io.hashdesk.ml.sim.FaultLabel;
import io.hashdesk.ml.sim.SimulatedHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Anomaly detection against faults injected into the simulator ({@link AnomalyScenario}): the detector is trained on
 * feature tables of the healthy days and scored on tables every few hours after the faults begin. A unit-instant is a
 * positive when a labelled fault has been active for at least {@link #SETTLE} (the 24-hour features need a few hours
 * to move); a fault younger than that is left out of the count, neither hit nor miss. The baseline is the rule an
 * operator would write: hashrate under 90 % of rated or hottest chip over 80 °C.
 */
public final class AnomalyEvaluation implements ModelEvaluation {

    static final Duration SETTLE = Duration.ofHours(6);
    private static final double RULE_MIN_HASHRATE_PCT = 90;
    private static final double RULE_MAX_CHIP_C = 80;
    private static final String MODEL = "Anomaly detection";

    /** Counts of one way of deciding, over the scored unit-instants. */
    record Counts(int tp, int fp, int fn, int tn, int healthyAlarms, int healthyRows) {
        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double healthyFalseAlarmRate() {
            return healthyRows == 0 ? 0 : (double) healthyAlarms / healthyRows;
        }
    }

    @Override
    public String title() {
        return MODEL;
    }

    @Override
    public Result evaluate(EvaluationScale scale) throws IOException {
        AnomalyScenario scenario = AnomalyScenario.of(scale);
        Path dir = Files.createTempDirectory("hashdesk-anomaly-eval");
        try (SimulatedHistory history = SimulatedHistory.generate(scenario.history(), dir)) {
            return evaluate(scenario, history);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Result evaluate(AnomalyScenario scenario, SimulatedHistory history) {
        FeatureBuilder builder = new FeatureBuilder(history.telemetry(), history.store().registry(),
                MinerModelCatalog.bundled(), FeatureSettings.defaults());
        long started = System.nanoTime();
        List<FeatureTable> training = tables(builder, history, scenario.trainFrom(), scenario.faultsFrom(),
                scenario.tableStep());
        List<FeatureTable> scored = tables(builder, history, scenario.faultsFrom().plus(scenario.tableStep()),
                history.end().plusSeconds(1), scenario.tableStep());
        double featureSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        AnomalyDetector detector = AnomalyDetector.fit(training, AnomalyOptions.defaults(), TrainingProgress.NONE);
        double fitSeconds = (System.nanoTime() - started) / 1e9;

        Set<MinerId> everFaulted = new HashSet<>();
        history.labels().forEach(l -> everFaulted.add(l.miner()));
        Tally model = new Tally();
        Tally rule = new Tally();
        Map<Condition, int[]> byCondition = new EnumMap<>(Condition.class);
        Map<Condition, String> example = new EnumMap<>(Condition.class);
        for (FeatureTable table : scored) {
            List<Anomaly> verdicts = detector.score(table);
            for (int i = 0; i < table.size(); i++) {
                Anomaly verdict = verdicts.get(i);
                Optional<FaultLabel> label = history.labelsOf(verdict.miner()).stream()
                        .filter(l -> l.activeAt(table.asOf())).findFirst();
                if (label.isPresent() && label.get().from().isAfter(table.asOf().minus(SETTLE))) {
                    continue;
                }
                boolean positive = label.isPresent();
                boolean healthyUnit = !everFaulted.contains(verdict.miner());
                model.add(positive, verdict.anomalous(), healthyUnit);
                rule.add(positive, ruleFires(table, i), healthyUnit);
                if (positive) {
                    int[] hits = byCondition.computeIfAbsent(label.get().condition(), c -> new int[2]);
                    hits[0] += verdict.anomalous() ? 1 : 0;
                    hits[1]++;
                    if (verdict.anomalous()) {
                        example.putIfAbsent(label.get().condition(), verdict.miner() + ": " + describe(verdict));
                    }
                }
            }
        }
        Counts m = model.counts();
        Counts r = rule.counts();
        List<MetricRow> rows = new ArrayList<>();
        String ruleBaseline = String.format(Locale.ROOT, "rule (hashrate < 90 %% of rated or chip > 80 °C): %.3f",
                r.f1());
        rows.add(new MetricRow(MODEL, "F1 on injected faults (unit-instants)", m.f1(), "≥ 0.9", m.f1() >= 0.9,
                ruleBaseline));
        rows.add(MetricRow.reported(MODEL, "precision", m.precision(),
                String.format(Locale.ROOT, "rule: %.3f", r.precision())));
        rows.add(MetricRow.reported(MODEL, "recall", m.recall(),
                String.format(Locale.ROOT, "rule: %.3f", r.recall())));
        rows.add(MetricRow.reported(MODEL, "false-alarm rate on never-faulted units", m.healthyFalseAlarmRate(),
                String.format(Locale.ROOT, "rule: %.4f", r.healthyFalseAlarmRate())));
        byCondition.forEach((condition, hits) -> rows.add(MetricRow.reported(MODEL,
                "recall, " + condition.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                hits[1] == 0 ? 0 : (double) hits[0] / hits[1], "")));
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d simulated units (2 models × 2 rooms, one room with a 19–29 °C daily"
                        + " swing) over %d days at 5-minute polls, generated in %.1f s; %d units get a fault, one every"
                        + " few hours from day %d: fan stopped, airflow blocked (thermal resistance × %.1f), hashboard"
                        + " failed, manual voltage %d mV under stock.", scenario.units(),
                scenario.history().duration().toDays(), history.stats().wallTime().toMillis() / 1000.0,
                scenario.faultedUnits(), Duration.between(scenario.history().start(), scenario.faultsFrom()).toDays(),
                AnomalyScenario.BLOCKED_AIRFLOW_FACTOR, AnomalyScenario.BAD_VOLTAGE_DROP_10MV * 10));
        notes.add(String.format(Locale.ROOT, "Trained on %d feature tables of the healthy days (%d unit-instants, every"
                        + " %d h), scored on %d tables after the faults begin; a fault counts once it is %d h old."
                        + " Thresholds for a %.0f %% false-alarm rate on training data: forest score %.3f, peer z %.2f.",
                training.size(), detector.trainingRows(), scenario.tableStep().toHours(), scored.size(),
                SETTLE.toHours(), AnomalyOptions.defaults().targetFalseAlarmRate() * 100, detector.forestThreshold(),
                detector.peerThreshold()));
        notes.add(String.format(Locale.ROOT, "Feature tables took %.2f s (%.0f ms each), training %.2f s; counts:"
                        + " TP %d, FP %d, FN %d, TN %d.", featureSeconds,
                featureSeconds * 1000 / (training.size() + scored.size()), fitSeconds, m.tp(), m.fp(), m.fn(), m.tn()));
        example.forEach((condition, text) -> notes.add("Example, " + condition + " — " + text));
        return new Result(rows, notes);
    }

    private static List<FeatureTable> tables(FeatureBuilder builder, SimulatedHistory history, Instant from,
                                             Instant until, Duration step) {
        List<FeatureTable> out = new ArrayList<>();
        for (Instant at = from; at.isBefore(until); at = at.plus(step)) {
            out.add(builder.build(at, (room, start, end) -> meanAmbient(history, room, start, end), a -> null,
                    TrainingProgress.NONE));
        }
        return out;
    }

    /** The room's mean over the window, sampled every 5 minutes like the polls. */
    private static double meanAmbient(SimulatedHistory history, String room, Instant from, Instant to) {
        double sum = 0;
        int n = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(5))) {
            sum += history.ambientC(room, t);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static boolean ruleFires(FeatureTable table, int i) {
        double hashrate = table.value(i, Feature.HASHRATE_PCT_OF_RATED_1H);
        double chip = table.value(i, Feature.CHIP_TEMP_MAX_24H);
        return !(hashrate >= RULE_MIN_HASHRATE_PCT) || chip > RULE_MAX_CHIP_C;
    }

    private static String describe(Anomaly a) {
        StringBuilder s = new StringBuilder();
        for (Anomaly.Reason r : a.reasons()) {
            s.append(s.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%s %.3g vs %.3g (z %.1f)",
                    r.feature(), r.value(), r.reference(), r.robustZ()));
        }
        return s.toString();
    }

    private static final class Tally {
        int tp;
        int fp;
        int fn;
        int tn;
        int healthyAlarms;
        int healthyRows;

        void add(boolean positive, boolean flagged, boolean healthyUnit) {
            if (positive) {
                tp += flagged ? 1 : 0;
                fn += flagged ? 0 : 1;
            } else {
                fp += flagged ? 1 : 0;
                tn += flagged ? 0 : 1;
            }
            if (healthyUnit) {
                healthyRows++;
                healthyAlarms += flagged ? 1 : 0;
            }
        }

        Counts counts() {
            return new Counts(tp, fp, fn, tn, healthyAlarms, healthyRows);
        }
    }
}
