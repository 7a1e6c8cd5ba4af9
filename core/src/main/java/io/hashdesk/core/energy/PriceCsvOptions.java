package io.hashdesk.core.energy;

import io.hashdesk.core.settings.JsonSettings;
import java.time.Duration;

/**
 * How a market price CSV is read. Defaults live in {@code price-csv-defaults.json} beside this class.
 *
 * @param interval    how long each row's price lasts (PT1H for hourly day-ahead prices)
 * @param delimiter   the column separator
 * @param skipBadRows false (the default): one bad row refuses the whole file; true: bad rows are skipped and
 *                    reported, the good ones imported
 */
public record PriceCsvOptions(Duration interval, char delimiter, boolean skipBadRows) {

    private static final String DEFAULTS = "price-csv-defaults.json";

    public PriceCsvOptions {
        PriceSeries.requireInterval(interval, "the price CSV options");
        if (delimiter == '"' || Character.isLetterOrDigit(delimiter) || delimiter == '.' || delimiter == '-') {
            throw new IllegalArgumentException("The CSV delimiter cannot be '" + delimiter
                    + "': it would clash with quotes, numbers or dates");
        }
    }

    public static PriceCsvOptions defaults() {
        return JsonSettings.defaults(PriceCsvOptions.class, DEFAULTS);
    }

    public PriceCsvOptions withSkipBadRows(boolean skip) {
        return new PriceCsvOptions(interval, delimiter, skip);
    }

    public PriceCsvOptions withInterval(Duration newInterval) {
        return new PriceCsvOptions(newInterval, delimiter, skipBadRows);
    }

    public PriceCsvOptions withDelimiter(char newDelimiter) {
        return new PriceCsvOptions(interval, newDelimiter, skipBadRows);
    }
}
