package io.hashdesk.core.energy;

import static io.hashdesk.core.energy.Tariffs.BERLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hashdesk.core.csv.CsvProblem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceSeriesCsvTest {

    private static final double EXACT = 1e-12;
    private static final PriceCsvOptions DEFAULTS = PriceCsvOptions.defaults();
    private static final Instant APRIL_FIRST_UTC = Instant.parse("2026-04-01T00:00:00Z");

    @TempDir
    Path dir;

    private static PriceSeriesImport read(String csv, PriceCsvOptions options) throws IOException {
        return new PriceSeriesCsv("epex-de", "EUR", BERLIN, options).read(new StringReader(csv), "prices.csv");
    }

    private static PriceCsvException refused(String csv, PriceCsvOptions options) {
        return assertThrows(PriceCsvException.class, () -> read(csv, options));
    }

    private static List<Instant> starts(PriceSeries series) {
        return series.points().stream().map(PricePoint::start).toList();
    }

    private static Instant utcHour(int hour) {
        return APRIL_FIRST_UTC.plus(Duration.ofHours(hour));
    }

    @Test
    void theDefaultsAreHourlyCommaSeparatedAndAllOrNothing() {
        assertEquals(new PriceCsvOptions(Duration.ofHours(1), ',', false), DEFAULTS);
    }

    @Test
    void timesWithOffsetsAndLocalTimesAreReadInAnyColumnOrderAndSorted() throws IOException {
        String csv = """
                note,price_per_kwh,time
                a,0.12,2026-04-01T04:00+02:00
                b,0.10,2026-04-01T00:00Z
                c,0.11,2026-04-01 03:00
                """;

        PriceSeriesImport imported = read(csv, DEFAULTS);

        assertEquals(List.of(utcHour(0), utcHour(1), utcHour(2)), starts(imported.series()));
        assertEquals(List.of(0.10, 0.11, 0.12),
                imported.series().points().stream().map(PricePoint::pricePerKwh).toList());
        assertEquals(List.of(), imported.gaps());
        assertEquals(List.of(), imported.skipped());
        assertEquals("EUR", imported.series().currency());
    }

    @Test
    void pricesPerMegawattHourAreConvertedAndNegativePricesKept() throws IOException {
        String csv = """
                time,price_per_mwh
                2026-04-01T00:00Z,85.5
                2026-04-01T01:00Z,-12.0
                """;

        List<PricePoint> points = read(csv, DEFAULTS).series().points();

        assertEquals(0.0855, points.get(0).pricePerKwh(), EXACT);
        assertEquals(-0.012, points.get(1).pricePerKwh(), EXACT);
    }

    @Test
    void theHourRepeatedWhenClocksGoBackIsTakenInFileOrder() throws IOException {
        String csv = """
                time,price_per_kwh
                2026-10-25 01:00,0.10
                2026-10-25 02:00,0.11
                2026-10-25 02:00,0.12
                2026-10-25 03:00,0.13
                """;

        PriceSeries series = read(csv, DEFAULTS).series();

        assertEquals(List.of(Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-25T00:00:00Z"),
                Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T02:00:00Z")), starts(series));
        assertEquals(List.of(), series.gaps());
    }

    @Test
    void aLocalTimeThatClocksSkipIsAnErrorNamingTheJump() {
        String csv = """
                time,price_per_kwh
                2026-03-29 01:00,0.10
                2026-03-29 02:00,0.11
                2026-03-29 03:00,0.12
                """;

        PriceCsvException e = refused(csv, DEFAULTS);

        assertEquals(List.of(new CsvProblem(3, "time", "2026-03-29 02:00",
                "2026-03-29T02:00 does not exist in Europe/Berlin: clocks jump from 02:00 to 03:00 that day")), e.problems());
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndColumnAndNothingIsImported() {
        String csv = """
                time,price_per_kwh
                2026-04-01T00:00Z,0.10
                01.04.2026 01:00,0.11
                2026-04-01T02:00Z,0,12
                2026-04-01T03:00Z,abc

                2026-04-01T04:00Z
                2026-04-01T00:00Z,0.15
                2026-04-01T05:30Z,0.16
                """;

        PriceCsvException e = refused(csv, DEFAULTS);

        assertEquals(List.of(
                new CsvProblem(3, "time", "01.04.2026 01:00", "not an ISO-8601 time; expected e.g."
                        + " 2026-03-29T01:00+01:00, 2026-03-29T00:00Z or a local time such as 2026-03-29 01:00"
                        + " (Europe/Berlin)"),
                new CsvProblem(4, "", "2026-04-01T02:00Z,0,12", "expected 2 columns as in the header, found 3"
                        + " (a comma inside an unquoted value, e.g. a decimal comma?)"),
                new CsvProblem(5, "price_per_kwh", "abc", "not a number"),
                new CsvProblem(7, "", "2026-04-01T04:00Z", "expected 2 columns as in the header, found 1"),
                new CsvProblem(8, "time", "2026-04-01T00:00Z", "the same interval (2026-04-01T00:00:00Z) as row 2"),
                new CsvProblem(9, "time", "2026-04-01T05:30Z", "does not start a 60-minute interval (07:30 local time in"
                        + " Europe/Berlin)")), e.problems());
        assertEquals("prices.csv was not imported: 6 problems", e.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void aDecimalCommaIsPointedOutWhenTheDelimiterIsASemicolon() {
        String csv = """
                time;price_per_kwh
                2026-04-01T00:00Z;"0,10"
                """;

        PriceCsvException e = refused(csv, DEFAULTS.withDelimiter(';'));

        assertEquals("not a number (use a dot as the decimal separator)", e.problems().getFirst().message());
    }

    @Test
    void withSkippingTheGoodRowsAreImportedAndTheBadOnesAndTheGapsReported() throws IOException {
        String csv = """
                time,price_per_kwh
                2026-04-01T00:00Z,0.10
                2026-04-01T01:00Z,n/a
                2026-04-01T02:00Z,0.12
                2026-04-01T05:00Z,0.15
                """;

        PriceSeriesImport imported = read(csv, DEFAULTS.withSkipBadRows(true));

        assertEquals(List.of(utcHour(0), utcHour(2), utcHour(5)), starts(imported.series()));
        assertEquals(List.of(new CsvProblem(3, "price_per_kwh", "n/a", "not a number")), imported.skipped());
        assertEquals(List.of(new PriceGap(utcHour(1), utcHour(2)), new PriceGap(utcHour(3), utcHour(5))),
                imported.gaps());
    }

    @Test
    void quarterHourRowsAreAcceptedWhenTheIntervalIsFifteenMinutes() throws IOException {
        String csv = """
                time,price_per_kwh
                2026-04-01T00:00Z,0.10
                2026-04-01T00:15Z,0.11
                2026-04-01T00:30Z,0.12
                """;

        PriceSeries series = read(csv, DEFAULTS.withInterval(Duration.ofMinutes(15))).series();

        assertEquals(Duration.ofMinutes(15), series.interval());
        assertEquals(3, series.points().size());
        assertEquals(2, refused(csv, DEFAULTS).problems().size()); // 00:15 and 00:30 start no hour
    }

    @Test
    void aHeaderWithoutThePriceColumnRefusesTheFileEvenWhenSkippingBadRows() {
        String csv = """
                time,price
                2026-04-01T00:00Z,0.10
                """;

        PriceCsvException e = refused(csv, DEFAULTS.withSkipBadRows(true));

        assertEquals(List.of(new CsvProblem(1, "", "time,price", "no 'price_per_kwh' or 'price_per_mwh' column")),
                e.problems());
    }

    @Test
    void anEmptyFileOrOneWithOnlyBadRowsIsRefused() {
        assertEquals("the file is empty; expected a header line such as time,price_per_kwh",
                refused("", DEFAULTS).problems().getFirst().message());
        PriceCsvException onlyBad = refused("time,price_per_kwh\n2026-04-01T00:00Z,x\n", DEFAULTS.withSkipBadRows(true));
        assertEquals("the file has no usable price rows", onlyBad.problems().getLast().message());
    }

    @Test
    void aUtf8FileWithAByteOrderMarkAndQuotedFieldsIsRead() throws IOException {
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, "\uFEFF\"time\",\"price_per_kwh\"\r\n\"2026-04-01T00:00Z\",\"0.10\"\r\n",
                StandardCharsets.UTF_8);

        PriceSeriesImport imported = new PriceSeriesCsv("epex-de", "EUR", BERLIN, DEFAULTS).read(file);

        assertEquals(List.of(new PricePoint(utcHour(0), 0.10)), imported.series().points());
    }
}
