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
import io.hashdesk.ml.sim.SimulatedHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Anomaly detection against faults planted in the simulator ({@link AnomalyScenario}), coarse and subtle: the
 * detector is trained on feature tables of the days before the step faults (a worn fan and a dusty unit are already
 * there) and scored on tables every few hours after. A unit-instant is a positive once its fault has been visible for
 * at least {@link #SETTLE} (the 24-hour features need a few hours to move); between the fault's onset and then it is
 * left out of the count, neither hit nor miss. Visible means: from injection for step faults, from the start for the
 * worn fan, and for dust from when the simulator's ground truth puts its extra thermal resistance over
 * {@link AnomalyScenario#DUST_VISIBLE_GAIN}. The baseline is the rule an operator would write: hashrate under 90 % of
 * rated or hottest chip over 80 °C.
 */
public final class AnomalyEvaluation implements ModelEvaluation {

    static final Duration SETTLE = Duration.ofHours(6);
    private static final double RULE_MIN_HASHRATE_PCT = 90;
    private static final double RULE_MAX_CHIP_C = 80;
    private static final String MODEL = "Anomaly detection";

    /** A planted fault with when it counts as present. */
    record Truth(FaultKind kind, Instant onset, Instant visibleFrom) {
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

        Map<MinerId, Truth> truth = truths(scenario, history);
        DetectionTally model = new DetectionTally();
        DetectionTally rule = new DetectionTally();
        Map<FaultKind, String> example = new EnumMap<>(FaultKind.class);
        Map<FaultKind, List<Double>> delays = new EnumMap<>(FaultKind.class);
        Set<MinerId> seen = new HashSet<>();
        int unplanned = 0;
        Instant scoredFrom = scored.getFirst().asOf();
        for (FeatureTable table : scored) {
            List<Anomaly> verdicts = detector.score(table);
            for (int i = 0; i < table.size(); i++) {
                Anomaly verdict = verdicts.get(i);
                Truth fault = truth.get(verdict.miner());
                boolean other = history.labelsOf(verdict.miner()).stream().anyMatch(l -> l.activeAt(table.asOf()));
                if (fault == null && other) {
                    unplanned++;
                    continue;
                }
                boolean visible = fault != null && !table.asOf().isBefore(fault.visibleFrom());
                if (visible && verdict.anomalous() && seen.add(verdict.miner())) {
                    // a fault visible before scoring began is timed from the first scored table
                    Instant from = fault.visibleFrom().isAfter(scoredFrom) ? fault.visibleFrom() : scoredFrom;
                    delays.computeIfAbsent(fault.kind(), k -> new ArrayList<>()).add(
                            Duration.between(from, table.asOf()).toMinutes() / 60.0);
                }
                boolean onset = fault != null && !table.asOf().isBefore(fault.onset());
                boolean positive = onset && !table.asOf().isBefore(fault.visibleFrom().plus(SETTLE));
                if (onset && !positive) {
                    continue;
                }
                FaultKind kind = positive ? fault.kind() : null;
                model.add(kind, verdict.anomalous(), fault == null);
                rule.add(kind, ruleFires(table, i), fault == null);
                if (positive && verdict.anomalous()) {
                    example.putIfAbsent(kind, verdict.miner() + ": " + describe(verdict));
                }
            }
        }
        List<MetricRow> rows = rows(model, rule, delays);
        List<String> notes = notes(scenario, history, training, scored, detector, truth, model);
        notes.add(String.format(Locale.ROOT, "Feature tables took %.2f s (%.0f ms each), training %.2f s;"
                        + " %d unit-instants with an unplanned label left out.", featureSeconds,
                featureSeconds * 1000 / (training.size() + scored.size()), fitSeconds, unplanned));
        example.forEach((kind, text) -> notes.add("Example, " + kind.description() + " — " + text));
        return new Result(rows, notes);
    }

    private static List<MetricRow> rows(DetectionTally model, DetectionTally rule,
                                        Map<FaultKind, List<Double>> delays) {
        DetectionTally.Counts m = model.overall();
        DetectionTally.Counts r = rule.overall();
        List<MetricRow> rows = new ArrayList<>();
        rows.add(new MetricRow(MODEL, "F1 on planted faults (unit-instants)", m.f1(), "≥ 0.9", m.f1() >= 0.9,
                String.format(Locale.ROOT, "rule (hashrate < 90 %% of rated or chip > 80 °C): %.3f", r.f1())));
        rows.add(MetricRow.reported(MODEL, "precision", m.precision(),
                String.format(Locale.ROOT, "rule: %.3f", r.precision())));
        rows.add(MetricRow.reported(MODEL, "recall", m.recall(),
                String.format(Locale.ROOT, "rule: %.3f", r.recall())));
        rows.add(MetricRow.reported(MODEL, "false-alarm rate on never-faulted units", model.healthyFalseAlarmRate(),
                String.format(Locale.ROOT, "rule: %.4f (%d unit-instants)", rule.healthyFalseAlarmRate(),
                        rule.healthyRows())));
        for (FaultKind kind : FaultKind.values()) {
            if (!model.has(kind)) {
                continue;
            }
            DetectionTally.Counts k = model.of(kind);
            List<Double> delay = delays.getOrDefault(kind, List.of());
            rows.add(MetricRow.reported(MODEL, "F1, " + kind.description(), k.f1(), String.format(Locale.ROOT,
                    "recall %.3f (%d of %d); first flagged %s after visible (or after scoring began; tables every 4 h); rule F1 %.3f", k.recall(), k.tp(),
                    k.tp() + k.fn(), delay.isEmpty() ? "never" : String.format(Locale.ROOT, "%.0f h (median)",
                            median(delay)), rule.of(kind).f1())));
        }
        return rows;
    }

    private static List<String> notes(AnomalyScenario scenario, SimulatedHistory history, List<FeatureTable> training,
                                      List<FeatureTable> scored, AnomalyDetector detector, Map<MinerId, Truth> truth,
                                      DetectionTally model) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d simulated units (2 models × 2 rooms, one room with a 19–29 °C daily"
                        + " swing) over %d days at 5-minute polls, generated in %.1f s; %d units get a fault: a worn"
                        + " fan (fails %.0f days after the start, sagging meanwhile) and dust gathering %.0f× faster"
                        + " than normal from the start; from day %d, one every few hours: fan stopped, airflow blocked"
                        + " (thermal resistance × %.2f) and partly blocked (× %.2f), hashboard failed, manual voltage"
                        + " %d mV and %d mV under stock.", scenario.units(), scenario.history().duration().toDays(),
                history.stats().wallTime().toMillis() / 1000.0, scenario.planted().size(),
                AnomalyScenario.WORN_FAN_FAILS_IN_DAYS, AnomalyScenario.DUST_RATE_PER_DAY,
                Duration.between(scenario.history().start(), scenario.faultsFrom()).toDays(),
                AnomalyScenario.BLOCKED_AIRFLOW_FACTOR, AnomalyScenario.MILD_OVERHEATING_FACTOR,
                AnomalyScenario.BAD_VOLTAGE_DROP_10MV * 10, AnomalyScenario.MILD_VOLTAGE_DROP_10MV * 10));
        truth.forEach((miner, t) -> {
            if (t.kind() == FaultKind.DUST) {
                notes.add(String.format(Locale.ROOT, "Dust on %s passes %.0f %% extra thermal resistance (ground"
                                + " truth) %.1f days after the start; it counts from then.", miner,
                        AnomalyScenario.DUST_VISIBLE_GAIN * 100,
                        Duration.between(history.start(), t.visibleFrom()).toMinutes() / 1440.0));
            }
        });
        DetectionTally.Counts m = model.overall();
        notes.add(String.format(Locale.ROOT, "Trained on %d feature tables before the step faults (%d unit-instants"
                        + " kept, every %d h; left out as out of line with their peers most of the time: %s), scored"
                        + " on %d tables after; a fault counts once it has been visible for %d h. Thresholds for a"
                        + " %.0f %% false-alarm rate on training data: forest score %.3f, peer z %.2f. Counts: TP %d,"
                        + " FP %d, FN %d, negatives %d.", training.size(), detector.trainingRows(),
                scenario.tableStep().toHours(), detector.deviantInTraining().isEmpty() ? "none"
                        : String.join(", ", detector.deviantInTraining()), scored.size(), SETTLE.toHours(),
                AnomalyOptions.defaults().targetFalseAlarmRate() * 100, detector.forestThreshold(),
                detector.peerThreshold(), m.tp(), m.fp(), m.fn(), model.negatives()));
        return notes;
    }

    /**
     * When each planted fault counts as present. Dust gathers linearly (until a cap the scenario stays under), so the
     * moment its extra thermal resistance over a normal unit's crosses the line is found from the ground truth at the
     * end: the dusty unit's gain less the median gain of the units with no fault.
     */
    private static Map<MinerId, Truth> truths(AnomalyScenario scenario, SimulatedHistory history) {
        Set<String> faulted = new HashSet<>();
        scenario.planted().forEach(p -> faulted.add(p.unitId()));
        double[] normalGains = history.miners().stream().filter(m -> !faulted.contains(m.value()))
                .mapToDouble(m -> history.unit(m).groundTruth().dustThermalGain()).sorted().toArray();
        double normalGain = normalGains[normalGains.length / 2];
        Map<MinerId, Truth> out = new HashMap<>();
        for (AnomalyScenario.PlantedFault p : scenario.planted()) {
            MinerId id = MinerId.of(p.unitId());
            Instant visible = p.at();
            if (p.kind() == FaultKind.DUST) {
                double excess = history.unit(id).groundTruth().dustThermalGain() - normalGain;
                Duration span = Duration.between(history.start(), history.end());
                visible = excess <= AnomalyScenario.DUST_VISIBLE_GAIN ? history.end()
                        : history.start().plus(Duration.ofSeconds(
                                Math.round(span.toSeconds() * AnomalyScenario.DUST_VISIBLE_GAIN / excess)));
            }
            out.put(id, new Truth(p.kind(), p.at(), visible));
        }
        return out;
    }

    private static double median(List<Double> xs) {
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return RobustScale.median(sorted);
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
}
