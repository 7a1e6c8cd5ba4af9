package io.hashdesk.core.energy;

import io.hashdesk.core.csv.CsvProblem;
import java.util.List;

/**
 * The outcome of reading a price CSV.
 *
 * @param series  the prices read
 * @param skipped the bad rows left out (only when the options allow skipping; otherwise the import fails instead)
 * @param gaps    the stretches between the first and last price that no row covers; they are priced by the tariff's
 *                fallback
 */
public record PriceSeriesImport(PriceSeries series, List<CsvProblem> skipped, List<PriceGap> gaps) {

    public PriceSeriesImport {
        skipped = List.copyOf(skipped);
        gaps = List.copyOf(gaps);
    }
}
