package io.hashdesk.ml.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The training rows of one horizon: features at grid time {@code i} and the outcome log(hashprice at
 * {@code i + horizon} ÷ hashprice at {@code i}), for every {@code i} where both exist.
 */
final class HorizonRows {

    final int[] index;
    final double[][] x;
    final double[] y;
    final int aheadSteps;

    private HorizonRows(int[] index, double[][] x, double[] y, int aheadSteps) {
        this.index = index;
        this.x = x;
        this.y = y;
        this.aheadSteps = aheadSteps;
    }

    static HorizonRows of(MarketGrid grid, MarketFeatures features, Duration horizon) {
        int ahead = grid.steps(horizon);
        List<Integer> kept = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i + ahead < grid.size(); i++) {
            double future = grid.hashprice[i + ahead];
            if (!Double.isFinite(future)) {
                continue;
            }
            double[] x = features.at(i);
            if (x != null) {
                kept.add(i);
                xs.add(x);
                ys.add(Math.log(future / grid.hashprice[i]));
            }
        }
        return new HorizonRows(kept.stream().mapToInt(Integer::intValue).toArray(), xs.toArray(double[][]::new),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), ahead);
    }

    int size() {
        return y.length;
    }

    /** Rows {@code [0, end)} whose outcome was known by grid time {@code knownBy}: no look-ahead into a fold. */
    int knownBefore(int knownBy) {
        int count = 0;
        while (count < index.length && index[count] + aheadSteps <= knownBy) {
            count++;
        }
        return count;
    }
}
