package io.hashdesk.ml.forecast;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.model.cart.Loss;
import smile.regression.GradientTreeBoost;

/**
 * Smile's gradient tree boosting on plain feature rows, with every hyper-parameter set from options. Least
 * absolute deviation loss, because the forecast is judged by its mean absolute error.
 */
final class BoostedRegression implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String TARGET = "target";

    private final GradientTreeBoost model;
    private final List<String> names;

    private BoostedRegression(GradientTreeBoost model, List<String> names) {
        this.model = model;
        this.names = List.copyOf(names);
    }

    static BoostedRegression fit(List<String> names, double[][] x, double[] y, HashpriceForecaster.Boost boost) {
        GradientTreeBoost.Options options = new GradientTreeBoost.Options(Loss.lad(), boost.trees(),
                boost.maxDepth(), boost.maxNodes(), boost.nodeSize(), boost.shrinkage(), boost.subsample(), null,
                null);
        return new BoostedRegression(GradientTreeBoost.fit(Formula.lhs(TARGET), frame(names, x, y), options), names);
    }

    double[] predict(double[][] x) {
        return model.predict(frame(names, x, new double[x.length]));
    }

    private static DataFrame frame(List<String> names, double[][] x, double[] y) {
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new double[names.size() + 1];
            System.arraycopy(x[i], 0, rows[i], 0, names.size());
            rows[i][names.size()] = y[i];
        }
        List<String> columns = new ArrayList<>(names);
        columns.add(TARGET);
        return DataFrame.of(rows, columns.toArray(String[]::new));
    }
}
