package io.hashdesk.core.energy;

import io.hashdesk.core.csv.CsvProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads market prices from CSV. The first line is a header naming the columns (any order, other columns ignored):
 * <ul>
 *   <li>{@code time}: when the interval starts, ISO-8601 with an offset ({@code 2026-03-29T01:00+01:00},
 *       {@code 2026-03-29T00:00Z}) or local to the site ({@code 2026-03-29T01:00} or {@code 2026-03-29 01:00}). A
 *       local time repeated when clocks go back is taken as the earlier hour the first time and the later hour the
 *       second time; a local time skipped when clocks go forward is an error.</li>
 *   <li>{@code price_per_kwh}, or {@code price_per_mwh} as exchanges publish it (divided by 1000): a number with a
 *       dot as the decimal separator; negative prices are accepted.</li>
 * </ul>
 * Every row has as many columns as the header. Every bad row is reported with its line number and column; by default
 * one bad row refuses the file.
 */
public final class PriceSeriesCsv {

    public static final String TIME = "time";
    public static final String PRICE_PER_KWH = "price_per_kwh";
    public static final String PRICE_PER_MWH = "price_per_mwh";
    private static final double KWH_PER_MWH = 1000.0;
    private static final char QUOTE = '"';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String seriesName;
    private final String currency;
    private final ZoneId zone;
    private final PriceCsvOptions options;

    /**
     * @param seriesName the name the imported series gets
     * @param currency   ISO 4217 code of the file's prices
     * @param zone       the zone of local times in the file, normally the site's
     */
    public PriceSeriesCsv(String seriesName, String currency, ZoneId zone, PriceCsvOptions options) {
        this.seriesName = seriesName;
        this.currency = Tariff.requireCurrency(currency, "price series '" + seriesName + "'");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Reads a UTF-8 file. */
    public PriceSeriesImport read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    /**
     * @param source how the input is named in messages, e.g. its file name
     * @throws PriceCsvException when the header is wrong, no row has a price, or a row is bad and bad rows are not
     *                           being skipped
     */
    public PriceSeriesImport read(Reader reader, String source) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String header = lines.readLine();
        if (header == null || header.isBlank()) {
            throw new PriceCsvException(source, List.of(new CsvProblem(1, "", "",
                    "the file is empty; expected a header line such as time," + PRICE_PER_KWH)));
        }
        Columns columns = Columns.of(split(stripBom(header)), source);
        Rows rows = new Rows(columns);
        int row = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            row++;
            if (!line.isBlank()) {
                rows.read(row, split(line));
            }
        }
        if (!rows.problems.isEmpty() && !options.skipBadRows()) {
            throw new PriceCsvException(source, rows.problems);
        }
        if (rows.points.isEmpty()) {
            List<CsvProblem> all = new ArrayList<>(rows.problems);
            all.add(new CsvProblem(row, "", "", "the file has no usable price rows"));
            throw new PriceCsvException(source, all);
        }
        PriceSeries series = PriceSeries.sorted(seriesName, currency, options.interval(), rows.points);
        return new PriceSeriesImport(series, rows.problems, series.gaps());
    }

    /** Where the columns are; the header's problems refuse the file whatever the options say. */
    private record Columns(int count, int time, int price, String priceName, double divisor) {

        static Columns of(List<String> header, String source) {
            List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int time = names.indexOf(TIME);
            int kwh = names.indexOf(PRICE_PER_KWH);
            int mwh = names.indexOf(PRICE_PER_MWH);
            List<CsvProblem> problems = new ArrayList<>();
            if (time < 0) {
                problems.add(new CsvProblem(1, "", String.join(",", header), "no '" + TIME + "' column"));
            }
            if (kwh < 0 && mwh < 0) {
                problems.add(new CsvProblem(1, "", String.join(",", header),
                        "no '" + PRICE_PER_KWH + "' or '" + PRICE_PER_MWH + "' column"));
            }
            if (kwh >= 0 && mwh >= 0) {
                problems.add(new CsvProblem(1, "", String.join(",", header),
                        "both '" + PRICE_PER_KWH + "' and '" + PRICE_PER_MWH + "' columns; keep one"));
            }
            if (!problems.isEmpty()) {
                throw new PriceCsvException(source, problems);
            }
            return kwh >= 0
                    ? new Columns(names.size(), time, kwh, PRICE_PER_KWH, 1.0)
                    : new Columns(names.size(), time, mwh, PRICE_PER_MWH, KWH_PER_MWH);
        }
    }

    /** The rows read so far: the good points, the problems, and what duplicate and DST checks need to remember. */
    private final class Rows {

        private final Columns columns;
        private final List<PricePoint> points = new ArrayList<>();
        private final List<CsvProblem> problems = new ArrayList<>();
        private final Map<Instant, Integer> rowOf = new HashMap<>();
        private final Map<LocalDateTime, Integer> repeats = new HashMap<>();

        Rows(Columns columns) {
            this.columns = columns;
        }

        void read(int row, List<String> fields) {
            if (fields.size() != columns.count()) {
                // more fields than the header most often means a decimal comma split a number in two
                String hint = fields.size() > columns.count()
                        ? " (a " + delimiterName() + " inside an unquoted value, e.g. a decimal comma?)" : "";
                problems.add(new CsvProblem(row, "", String.join(String.valueOf(options.delimiter()), fields),
                        "expected " + columns.count() + " columns as in the header, found " + fields.size() + hint));
                return;
            }
            String timeText = fields.get(columns.time()).strip();
            String priceText = fields.get(columns.price()).strip();
            Instant start = time(row, timeText);
            Double price = price(row, priceText);
            if (start == null || price == null) {
                return;
            }
            Integer earlier = rowOf.putIfAbsent(start, row);
            if (earlier != null) {
                problems.add(new CsvProblem(row, TIME, timeText, "the same interval (" + start + ") as row " + earlier));
                return;
            }
            points.add(new PricePoint(start, price / columns.divisor()));
        }

        private Instant time(int row, String text) {
            Instant start;
            try {
                start = parseTime(text);
            } catch (DateTimeParseException e) {
                problems.add(new CsvProblem(row, TIME, text, "not an ISO-8601 time; expected e.g. 2026-03-29T01:00+01:00,"
                        + " 2026-03-29T00:00Z or a local time such as 2026-03-29 01:00 (" + zone + ")"));
                return null;
            } catch (DateTimeException e) {
                problems.add(new CsvProblem(row, TIME, text, e.getMessage()));
                return null;
            }
            ZonedDateTime local = start.atZone(zone);
            long minutes = options.interval().toMinutes();
            if (local.getSecond() != 0 || local.getNano() != 0 || local.getMinute() % minutes != 0) {
                problems.add(new CsvProblem(row, TIME, text, "does not start a " + minutes + "-minute interval ("
                        + local.toLocalTime() + " local time in " + zone + ")"));
                return null;
            }
            return start;
        }

        private Instant parseTime(String text) {
            String iso = text.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d)", "$1T$2");
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException notOffset) {
                return local(LocalDateTime.parse(iso));
            }
        }

        /** A local time of the file's zone, resolving the hour repeated in autumn by the order the rows come in. */
        private Instant local(LocalDateTime time) {
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(time);
            if (offsets.isEmpty()) {
                ZoneOffsetTransition gap = zone.getRules().getTransition(time);
                throw new DateTimeException(time + " does not exist in " + zone + ": clocks jump from "
                        + gap.getDateTimeBefore().toLocalTime() + " to " + gap.getDateTimeAfter().toLocalTime()
                        + " that day");
            }
            if (offsets.size() == 1) {
                return time.atOffset(offsets.getFirst()).toInstant();
            }
            int seen = repeats.merge(time, 1, Integer::sum);
            if (seen > 2) {
                throw new DateTimeException(time + " occurs a third time; clocks going back repeat an hour only once"
                        + " (write an offset, e.g. " + time.atOffset(offsets.getLast()) + ", to be exact)");
            }
            // the earlier offset is the one in force before clocks go back
            ZoneOffset offset = seen == 1 ? offsets.getFirst() : offsets.getLast();
            return time.atOffset(offset).toInstant();
        }

        private Double price(int row, String text) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                String hint = text.contains(",") ? " (use a dot as the decimal separator)" : "";
                problems.add(new CsvProblem(row, columns.priceName(), text, "not a number" + hint));
                return null;
            }
            if (!Double.isFinite(value)) {
                problems.add(new CsvProblem(row, columns.priceName(), text, "not a finite number"));
                return null;
            }
            return value;
        }
    }

    /** Splits a line at the delimiter, honouring double quotes ({@code ""} inside quotes is a quote). */
    private List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == QUOTE && i + 1 < line.length() && line.charAt(i + 1) == QUOTE) {
                    field.append(QUOTE);
                    i++;
                } else if (c == QUOTE) {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == QUOTE) {
                quoted = true;
            } else if (c == options.delimiter()) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private String delimiterName() {
        return switch (options.delimiter()) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "'" + options.delimiter() + "'";
        };
    }

    private static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    }
}
