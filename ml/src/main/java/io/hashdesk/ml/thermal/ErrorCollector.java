package io.hashdesk.ml.thermal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers a fitted vector's scaled prediction errors on samples, by steps ahead within a chain and for the steady
 * state, into growable arrays; {@link #build} turns them into {@link PredictionErrors}.
 */
final class ErrorCollector {

    private final double maxSeconds;
    private final double noiseC;
    private final List<Column> errorsByStep = new ArrayList<>();
    private final List<Column> secondsByStep = new ArrayList<>();
    private final Column steady = new Column();
    private double oneStepSquares;
    private int oneStepCount;

    ErrorCollector(double maxSeconds, double noiseC) {
        this.maxSeconds = maxSeconds;
        this.noiseC = noiseC;
    }

    /** Predicts each sample from each earlier one in its chain up to the horizon, and each alone at steady state. */
    void add(ThermalSamples s, double[] theta) {
        double inverseTau = Math.exp(-theta[4]);
        double[] steadyC = new double[s.size()];
        for (int k = 0; k < s.size(); k++) {
            steadyC[k] = ThermalParameters.steadyStateC(theta, s.ambientC[k], s.powerWatts[k], s.airflow[k]);
            steady.add((s.chipTempC[k] - steadyC[k]) / PredictionErrors.scale(steadyC[k], s.ambientC[k], noiseC));
        }
        for (int k = 0; k < s.size(); k++) {
            for (int j = 1; k + j < s.size() && s.chained[k + j]; j++) {
                int target = k + j;
                double ahead = s.seconds[target] - s.seconds[k];
                if (ahead > maxSeconds) {
                    break;
                }
                double predicted = steadyC[target] + (s.chipTempC[k] - steadyC[target]) * Math.exp(-ahead * inverseTau);
                while (errorsByStep.size() < j) {
                    errorsByStep.add(new Column());
                    secondsByStep.add(new Column());
                }
                errorsByStep.get(j - 1).add((s.chipTempC[target] - predicted)
                        / PredictionErrors.scale(predicted, s.ambientC[target], noiseC + Math.abs(predicted
                        - s.chipTempC[k])));
                secondsByStep.get(j - 1).add(ahead);
                if (j == 1) {
                    oneStepSquares += (s.chipTempC[target] - predicted) * (s.chipTempC[target] - predicted);
                    oneStepCount++;
                }
            }
        }
    }

    boolean isEmpty() {
        return steady.size == 0;
    }

    PredictionErrors build(double coverage, int origins) {
        double tail = (1 - coverage) / 2;
        List<double[]> kept = new ArrayList<>();
        double previousSeconds = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < errorsByStep.size(); j++) {
            double seconds = quantile(secondsByStep.get(j).sorted(), 0.5);
            // Irregular series can put two step counts at one median time; the nearer step already speaks for it.
            if (seconds > previousSeconds) {
                double[] sorted = errorsByStep.get(j).sorted();
                kept.add(new double[]{seconds, quantile(sorted, tail), quantile(sorted, 1 - tail)});
                previousSeconds = seconds;
            }
        }
        double[] sortedSteady = steady.sorted();
        return new PredictionErrors(kept.stream().mapToDouble(r -> r[0]).toArray(),
                kept.stream().mapToDouble(r -> r[1]).toArray(), kept.stream().mapToDouble(r -> r[2]).toArray(),
                quantile(sortedSteady, tail), quantile(sortedSteady, 1 - tail), noiseC, coverage, origins,
                oneStepCount == 0 ? 0 : Math.sqrt(oneStepSquares / oneStepCount), oneStepCount);
    }

    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /** A growable column of doubles. */
    private static final class Column {
        double[] values = new double[64];
        int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        double[] sorted() {
            double[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }
}
