package io.hashdesk.ml.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation runner: every model trained on simulator history at full scale, scored against the simulator's
 * ground truth, written as one Markdown table per model. Run with {@code ./mvnw -B -ntp -pl ml -am -Peval verify}.
 */
public final class MlEvaluation {

    private MlEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: MlEvaluation <output markdown file>");
        }
        List<ModelEvaluation> evaluations = EvaluationSuite.all();
        StringBuilder doc = new StringBuilder();
        doc.append("# ML evaluation against the simulator's ground truth\n\n")
                .append("Written by `./mvnw -B -ntp -pl ml -am -Peval verify` (").append(machine())
                .append("). Every model is trained on history the Vnish simulator generated, and judged against what ")
                .append("the simulator knows and no API reveals (each unit's true optimum, injected faults, failure ")
                .append("times). Tests assert the same targets on a smaller scenario.\n");
        boolean allMet = true;
        for (ModelEvaluation evaluation : evaluations) {
            Instant started = Instant.now();
            ModelEvaluation.Result result = evaluation.evaluate(EvaluationScale.FULL);
            Duration took = Duration.between(started, Instant.now());
            allMet &= result.allTargetsMet();
            doc.append(section(evaluation.title(), result, took));
        }
        Path out = Path.of(args[0]);
        Files.writeString(out, doc.toString());
        if (!allMet) {
            throw new IllegalStateException("Some targets were missed; see " + out);
        }
    }

    static String section(String title, ModelEvaluation.Result result, Duration took) {
        StringBuilder s = new StringBuilder();
        s.append("\n## ").append(title).append("\n\n");
        for (String note : result.notes()) {
            s.append("- ").append(note).append('\n');
        }
        s.append(String.format(Locale.ROOT, "- Evaluation took %.1f s.%n%n", took.toMillis() / 1000.0));
        s.append("| metric | value | target | met | baseline |\n|---|---:|---|---|---|\n");
        for (MetricRow row : result.rows()) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", row.metric(), figure(row.value()),
                    row.target(), row.met() ? "yes" : "**no**", row.baseline()));
        }
        return s.toString();
    }

    private static String figure(double value) {
        double magnitude = Math.abs(value);
        return magnitude >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, magnitude >= 1 ? "%.2f" : "%.3f", value);
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, Java %s, max heap %d MiB", runtime.availableProcessors(),
                Runtime.version(), runtime.maxMemory() >> 20);
    }
}
