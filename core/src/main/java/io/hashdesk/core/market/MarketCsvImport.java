package io.hashdesk.core.market;

import io.hashdesk.core.csv.CsvProblem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports market figures from a CSV file, for farms without internet access or with a price history of their own.
 *
 * <p>The file: UTF-8 text (as spreadsheets save "CSV UTF-8"), comma separated, one snapshot per line; cells may be
 * in double quotes. The first line is the header; columns may come in any order, names in any case:
 * <ul>
 * <li>{@code time} (required): when the figures were current, as ISO-8601 with a zone or offset
 * ({@code 2026-11-25T14:00:00Z}, {@code 2026-11-25T14:00+03:00}) or as {@code yyyy-MM-dd HH:mm} or
 * {@code yyyy-MM-ddTHH:mm} without one, read in the zone given to the import (UTC unless said otherwise). Not in the
 * future.</li>
 * <li>{@code coin} (required): the ticker of a catalogued coin, e.g. {@code BTC}, {@code LTC}, {@code DOGE}.</li>
 * <li>{@code price_usd}: price of one coin in US dollars, above 0.</li>
 * <li>{@code difficulty}: the network's proof-of-work difficulty, above 0.</li>
 * <li>{@code network_hashrate_hps}: the network's hashrate in hashes per second (1 EH/s = 1e18), above 0.</li>
 * <li>{@code block_reward}: the block subsidy in coins (new coins per block, without fees), above 0.</li>
 * <li>{@code fees_per_block}: average transaction fees per block in coins, 0 or more.</li>
 * </ul>
 * At least one of the last five columns must be in the header. An empty cell means "unknown" and leaves that figure
 * to other sources; a row needs at least one figure. Numbers use '.' for decimals, no thousands separators;
 * {@code 1.2e18} is fine. Blank lines are ignored. Two rows of the same coin and time are an error; importing a
 * file again replaces the rows it imported before instead of adding them twice.
 *
 * <p>Every bad row is reported with its line number (the header is line 1), the column, and what is wrong. By
 * default the import is all or nothing: one bad row and nothing is stored. {@link Mode#GOOD_ROWS} stores the good
 * rows and counts the skipped ones. A file that cannot be a market CSV at all (missing, empty, binary, not UTF-8,
 * too large, wrong header) is refused with a {@link CsvFileException}.
 */
public final class MarketCsvImport {

    /** What to do when some rows are bad. */
    public enum Mode {
        /** Store nothing if any row is bad. */
        ALL_OR_NOTHING,
        /** Store the good rows, skip the bad ones. */
        GOOD_ROWS
    }

    static final String TIME = "time";
    static final String COIN = "coin";
    static final String EXAMPLE_HEADER = "time,coin,price_usd,difficulty,network_hashrate_hps,block_reward,"
            + "fees_per_block";

    private static final DateTimeFormatter SPACED_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int MAX_SOURCE_NAME = 190;

    private final CoinCatalog catalog;
    private final MarketStore store;
    private final MarketSettings settings;
    private final Clock clock;

    public MarketCsvImport(CoinCatalog catalog, MarketStore store, MarketSettings settings, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Imports {@code file} with times without a zone read as UTC. */
    public CsvImportResult importFile(Path file, Mode mode) throws CsvFileException {
        return importFile(file, mode, ZoneId.of("UTC"));
    }

    /**
     * Imports {@code file}; times without a zone are read in {@code localZone} (the site's zone, say).
     *
     * @throws CsvFileException when the file cannot be a market CSV at all; nothing is stored then
     */
    public CsvImportResult importFile(Path file, Mode mode, ZoneId localZone) throws CsvFileException {
        String name = file.getFileName().toString();
        List<CsvText.Line> lines = CsvText.read(file, settings.csvMaxFileBytes());
        int rowsRead = lines.size() - 1;
        if (rowsRead > settings.csvMaxRows()) {
            throw new CsvFileException(name + " has " + rowsRead + " data rows, more than the "
                    + settings.csvMaxRows() + " a market CSV import takes; split it into smaller files");
        }
        Header header = Header.parse(name, lines.getFirst());
        String source = MarketSnapshot.CSV_PREFIX + (name.length() > MAX_SOURCE_NAME
                ? name.substring(0, MAX_SOURCE_NAME) : name);
        Checked checked = check(lines.subList(1, lines.size()), header, source, localZone);
        boolean apply = checked.badRows() == 0 || mode == Mode.GOOD_ROWS;
        if (apply) {
            store.append(checked.good());
        }
        List<CsvProblem> problems = checked.problems();
        int listed = Math.min(problems.size(), settings.csvMaxProblemsListed());
        return new CsvImportResult(name, mode, rowsRead, apply ? checked.good().size() : 0,
                apply ? checked.badRows() : rowsRead, checked.badRows(), problems.subList(0, listed),
                problems.size() - listed);
    }

    /** The data rows checked: the snapshots of the good ones, the problems of the bad ones. */
    private record Checked(List<MarketSnapshot> good, List<CsvProblem> problems, int badRows) {
    }

    private Checked check(List<CsvText.Line> rows, Header header, String source, ZoneId zone) {
        Instant latestAllowed = clock.instant().plus(settings.maxClockSkew());
        List<MarketSnapshot> good = new ArrayList<>();
        List<CsvProblem> problems = new ArrayList<>();
        Map<String, Integer> rowOfCoinAndTime = new HashMap<>();
        int badRows = 0;
        for (CsvText.Line line : rows) {
            List<CsvProblem> rowProblems = new ArrayList<>();
            Optional<MarketSnapshot> snapshot = row(line, header, source, zone, latestAllowed, rowProblems);
            snapshot.ifPresent(s -> {
                Integer first = rowOfCoinAndTime.putIfAbsent(s.coin() + "@" + s.fetchedAt(), line.number());
                if (first != null) {
                    rowProblems.add(CsvProblem.of(line.number(), "", "has the same coin and time as row " + first));
                }
            });
            if (rowProblems.isEmpty()) {
                snapshot.ifPresent(good::add);
            } else {
                badRows++;
                problems.addAll(rowProblems);
            }
        }
        return new Checked(good, problems, badRows);
    }

    private Optional<MarketSnapshot> row(CsvText.Line line, Header header, String source, ZoneId zone,
                                         Instant latestAllowed, List<CsvProblem> problems) {
        int row = line.number();
        if (line.cells() == null) {
            problems.add(CsvProblem.of(row, "", "a quoted cell is not closed (a '\"' is missing)"));
            return Optional.empty();
        }
        if (line.cells().size() != header.size()) {
            problems.add(CsvProblem.of(row, "", "has " + line.cells().size() + " cells but the header has "
                    + header.size() + " (a comma inside a number, or a missing cell?)"));
            return Optional.empty();
        }
        Instant time = time(line.cells().get(header.time()), row, zone, latestAllowed, problems);
        Optional<Coin> coin = coin(line.cells().get(header.coin()), row, problems);
        Map<MarketField, Double> figures = new EnumMap<>(MarketField.class);
        header.figures().forEach((field, index) -> figure(field, line.cells().get(index), row, problems)
                .ifPresent(value -> figures.put(field, value)));
        if (problems.isEmpty() && figures.isEmpty()) {
            problems.add(CsvProblem.of(row, "", "has no figures; fill at least one of "
                    + String.join(", ", header.figures().keySet().stream().map(MarketField::csvColumn).toList())));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MarketSnapshot(coin.orElseThrow().symbol(), time, source,
                figures.get(MarketField.PRICE_USD), figures.get(MarketField.NETWORK_DIFFICULTY),
                figures.get(MarketField.NETWORK_HASHRATE_HPS), figures.get(MarketField.BLOCK_REWARD_COINS),
                figures.get(MarketField.FEES_PER_BLOCK_COINS)));
    }

    private static Instant time(String cell, int row, ZoneId zone, Instant latestAllowed, List<CsvProblem> problems) {
        if (cell.isEmpty()) {
            problems.add(CsvProblem.of(row, TIME, "is empty; every row needs the time its figures were current"));
            return null;
        }
        Instant time = parseTime(cell, zone);
        if (time == null) {
            problems.add(CsvProblem.of(row, TIME, CsvText.quoteCell(cell) + " is not a time; use ISO-8601 such as"
                    + " 2026-11-25T14:00:00Z or yyyy-MM-dd HH:mm such as 2026-11-25 14:00"));
        } else if (time.isAfter(latestAllowed)) {
            problems.add(CsvProblem.of(row, TIME, CsvText.quoteCell(cell) + " is in the future"));
        }
        return time;
    }

    private static Instant parseTime(String cell, ZoneId zone) {
        try {
            return OffsetDateTime.parse(cell).toInstant();
        } catch (DateTimeException notOffset) {
            try {
                return Instant.parse(cell);
            } catch (DateTimeException notInstant) {
                try {
                    return LocalDateTime.parse(cell).atZone(zone).toInstant();
                } catch (DateTimeException notIsoLocal) {
                    try {
                        return LocalDateTime.parse(cell, SPACED_LOCAL).atZone(zone).toInstant();
                    } catch (DateTimeException notSpaced) {
                        return null;
                    }
                }
            }
        }
    }

    private Optional<Coin> coin(String cell, int row, List<CsvProblem> problems) {
        if (cell.isEmpty()) {
            problems.add(CsvProblem.of(row, COIN, "is empty; give the coin's ticker, e.g. BTC"));
            return Optional.empty();
        }
        Optional<Coin> coin = catalog.bySymbol(cell);
        if (coin.isEmpty()) {
            problems.add(CsvProblem.of(row, COIN, CsvText.quoteCell(cell) + " is not a known coin (known: "
                    + catalog.all().stream().map(Coin::symbol).collect(Collectors.joining(", ")) + ")"));
        }
        return coin;
    }

    private static Optional<Double> figure(MarketField field, String cell, int row, List<CsvProblem> problems) {
        if (cell.isEmpty()) {
            return Optional.empty();
        }
        if (!NUMBER.matcher(cell).matches()) {
            problems.add(CsvProblem.of(row, field.csvColumn(), CsvText.quoteCell(cell) + " is not a number (use '.'"
                    + " for decimals and no thousands separators, e.g. 67250.5 or 1.2e18)"));
            return Optional.empty();
        }
        double value = Double.parseDouble(cell);
        Optional<String> problem = field.problemWith(value);
        problem.ifPresent(p -> problems.add(CsvProblem.of(row, field.csvColumn(), p)));
        return problem.isPresent() ? Optional.empty() : Optional.of(value);
    }

    /** Which column holds what, from the header line. */
    private record Header(int size, int time, int coin, Map<MarketField, Integer> figures) {

        static Header parse(String name, CsvText.Line line) throws CsvFileException {
            if (line.cells() == null) {
                throw new CsvFileException(name + ": the header line has an unclosed quote");
            }
            Map<String, MarketField> byColumn = Arrays.stream(MarketField.values())
                    .collect(Collectors.toMap(MarketField::csvColumn, f -> f));
            Map<String, Integer> seen = new HashMap<>();
            Map<MarketField, Integer> figures = new EnumMap<>(MarketField.class);
            for (int i = 0; i < line.cells().size(); i++) {
                String column = line.cells().get(i).toLowerCase(Locale.ROOT);
                if (seen.putIfAbsent(column, i) != null) {
                    throw wrong(name, line, "column '" + column + "' appears twice");
                }
                if (byColumn.containsKey(column)) {
                    figures.put(byColumn.get(column), i);
                } else if (!column.equals(TIME) && !column.equals(COIN)) {
                    throw wrong(name, line, column.isEmpty() ? "column " + (i + 1) + " has no name"
                            : "unknown column '" + column + "'");
                }
            }
            if (!seen.containsKey(TIME) || !seen.containsKey(COIN)) {
                throw wrong(name, line, "the columns 'time' and 'coin' are required");
            }
            if (figures.isEmpty()) {
                throw wrong(name, line, "no figure column");
            }
            return new Header(line.cells().size(), seen.get(TIME), seen.get(COIN), figures);
        }

        private static CsvFileException wrong(String name, CsvText.Line line, String problem) {
            return new CsvFileException(name + ": the first line is not a market CSV header (" + problem
                    + "). Expected 'time', 'coin' and any of " + String.join(", ", Arrays.stream(MarketField.values())
                    .map(MarketField::csvColumn).toList()) + ", e.g. " + EXAMPLE_HEADER + "; the first line reads "
                    + CsvText.quoteCell(String.join(",", line.cells())));
        }
    }
}
