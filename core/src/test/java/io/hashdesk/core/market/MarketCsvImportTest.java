package io.hashdesk.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.csv.CsvProblem;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketCsvImportTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String HEADER = "time,coin,price_usd,difficulty,network_hashrate_hps,block_reward,"
            + "fees_per_block\n";

    @TempDir
    Path dir;
    private SqliteFarmStore farm;
    private MarketCsvImport importer;

    @BeforeEach
    void open() {
        MutableClock clock = new MutableClock(NOW);
        farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), clock);
        importer = new MarketCsvImport(CoinCatalog.bundled(), farm.market(), MarketSettings.defaults(), clock);
    }

    @AfterEach
    void close() {
        farm.close();
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<MarketSnapshot> all(String coin) {
        return farm.market().history(coin, Instant.EPOCH, NOW.plusSeconds(1));
    }

    @Test
    void aGoodFileIsImportedWithEmptyCellsLeftUnknown() throws Exception {
        Path file = csv("prices.csv", HEADER
                + "2026-11-24T00:00:00Z,BTC,91234.5,1.4921e14,1.068e21,3.125,0.0193\n"
                + "2026-11-24 06:00,ltc,84.62,,,,\n"
                + "\n"
                + "2026-11-24T12:00+03:00,DOGE,0.15338,3.61e7,,10000,\n");

        CsvImportResult result = importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING);

        assertThat(result.summary()).isEqualTo("Imported 3 rows from prices.csv.");
        assertThat(result.rowsRead()).isEqualTo(3);
        assertThat(result.applied()).isTrue();
        assertThat(all("BTC")).containsExactly(new MarketSnapshot("BTC", Instant.parse("2026-11-24T00:00:00Z"),
                "csv:prices.csv", 91_234.5, 1.4921e14, 1.068e21, 3.125, 0.0193));
        assertThat(all("LTC")).containsExactly(new MarketSnapshot("LTC", Instant.parse("2026-11-24T06:00:00Z"),
                "csv:prices.csv", 84.62, null, null, null, null));
        assertThat(all("DOGE")).singleElement().extracting(MarketSnapshot::fetchedAt)
                .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void columnsMayComeInAnyOrderAndCaseWithQuotesACrlfAndASpreadsheetsByteOrderMark() throws Exception {
        Path file = dir.resolve("excel.csv");
        Files.write(file, ("\uFEFFCoin,\"Price_USD\",TIME\r\n\"BCH\",\"512.37\",2026-11-24T00:00:00Z\r\n")
                .getBytes(StandardCharsets.UTF_8));

        CsvImportResult result = importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING);

        assertThat(result.rowsImported()).isEqualTo(1);
        assertThat(all("BCH")).singleElement().extracting(MarketSnapshot::priceUsd).isEqualTo(512.37);
    }

    @Test
    void timesWithoutAZoneAreReadInTheGivenZone() throws Exception {
        Path file = csv("almaty.csv", "time,coin,price_usd\n2026-11-24 10:00,BTC,91000\n");

        importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING, ZoneId.of("Asia/Almaty"));

        assertThat(all("BTC")).singleElement().extracting(MarketSnapshot::fetchedAt)
                .isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
    }

    @Test
    void eachKindOfBadRowIsReportedWithItsRowAndColumn() throws Exception {
        Path file = csv("bad.csv", HEADER
                + "2026-11-24T00:00:00Z,BTC,91234.5,,,,\n"            // line 2: good
                + "24/11/2026,BTC,91234.5,,,,\n"                     // 3: time format
                + "2026-12-24T00:00:00Z,BTC,91234.5,,,,\n"           // 4: future
                + ",BTC,91234.5,,,,\n"                               // 5: no time
                + "2026-11-24T00:00:00Z,XMR,150,,,,\n"               // 6: unknown coin
                + "2026-11-24T00:00:00Z,,150,,,,\n"                  // 7: no coin
                + "2026-11-24T00:00:00Z,BTC,91 234,,,,\n"            // 8: not a number
                + "2026-11-24T00:00:00Z,BTC,-5,,,,\n"                // 9: negative price
                + "2026-11-24T00:00:00Z,BTC,,0,,,\n"                 // 10: zero difficulty
                + "2026-11-24T00:00:00Z,BTC,,,,3.125,-0.01\n"        // 11: negative fees
                + "2026-11-24T00:00:00Z,BTC,91,234.5,,,,\n"          // 12: thousands separator: 8 cells
                + "2026-11-24T00:00:00Z,BTC,\"91234.5,,,,\n"         // 13: unclosed quote
                + "2026-11-24T00:00:00Z,BTC,,,,,\n"                  // 14: no figures
                + "2026-11-24 00:00,BTC,91300,,,,\n");               // 15: same coin and time as row 2

        CsvImportResult result = importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING);

        assertThat(result.problems()).extracting(CsvProblem::toString).containsExactly(
                "row 3, column time: '24/11/2026' is not a time; use ISO-8601 such as 2026-11-25T14:00:00Z or"
                        + " yyyy-MM-dd HH:mm such as 2026-11-25 14:00",
                "row 4, column time: '2026-12-24T00:00:00Z' is in the future",
                "row 5, column time: is empty; every row needs the time its figures were current",
                "row 6, column coin: 'XMR' is not a known coin (known: BTC, BCH, BSV, LTC, DOGE)",
                "row 7, column coin: is empty; give the coin's ticker, e.g. BTC",
                "row 8, column price_usd: '91 234' is not a number (use '.' for decimals and no thousands"
                        + " separators, e.g. 67250.5 or 1.2e18)",
                "row 9, column price_usd: must be above 0, got -5",
                "row 10, column difficulty: must be above 0, got 0",
                "row 11, column fees_per_block: must not be negative, got -0.01",
                "row 12: has 8 cells but the header has 7 (a comma inside a number, or a missing cell?)",
                "row 13: a quoted cell is not closed (a '\"' is missing)",
                "row 14: has no figures; fill at least one of price_usd, difficulty, network_hashrate_hps,"
                        + " block_reward, fees_per_block",
                "row 15: has the same coin and time as row 2");
        assertThat(result.badRows()).isEqualTo(13);
    }

    @Test
    void allOrNothingStoresNothingWhenAnyRowIsBad() throws Exception {
        Path file = csv("mixed.csv", HEADER
                + "2026-11-24T00:00:00Z,BTC,91234.5,,,,\n"
                + "2026-11-24T01:00:00Z,BTC,-1,,,,\n"
                + "2026-11-24T02:00:00Z,LTC,84.62,,,,\n");

        CsvImportResult result = importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING);

        assertThat(result.applied()).isFalse();
        assertThat(result.rowsImported()).isZero();
        assertThat(result.rowsSkipped()).isEqualTo(3);
        assertThat(result.summary()).isEqualTo("Nothing imported from mixed.csv: 1 of 3 rows has problems. Fix the"
                + " file, or import only the good rows. First: row 3, column price_usd: must be above 0, got -1.");
        assertThat(farm.market().latest()).isEmpty();
    }

    @Test
    void goodRowsModeStoresTheGoodRowsAndCountsTheSkippedOnes() throws Exception {
        Path file = csv("mixed.csv", HEADER
                + "2026-11-24T00:00:00Z,BTC,91234.5,,,,\n"
                + "2026-11-24T01:00:00Z,BTC,-1,,,,\n"
                + "2026-11-24T02:00:00Z,LTC,84.62,,,,\n");

        CsvImportResult result = importer.importFile(file, MarketCsvImport.Mode.GOOD_ROWS);

        assertThat(result.rowsImported()).isEqualTo(2);
        assertThat(result.rowsSkipped()).isEqualTo(1);
        assertThat(result.summary()).isEqualTo("Imported 2 rows from mixed.csv; skipped 1 row with problems."
                + " First: row 3, column price_usd: must be above 0, got -1.");
        assertThat(all("BTC")).extracting(MarketSnapshot::priceUsd).containsExactly(91_234.5);
        assertThat(all("LTC")).hasSize(1);
    }

    @Test
    void importingAFileAgainReplacesItsRowsInsteadOfDuplicatingThem() throws Exception {
        Path file = csv("prices.csv", HEADER + "2026-11-24T00:00:00Z,BTC,91234.5,,,,\n");
        importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING);
        Files.writeString(file, HEADER + "2026-11-24T00:00:00Z,BTC,91250,,,,\n");

        importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING);

        assertThat(all("BTC")).extracting(MarketSnapshot::priceUsd).containsExactly(91_250.0);
    }

    @Test
    void onlyTheConfiguredNumberOfProblemsIsListedAndTheRestCounted() throws Exception {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 250; i++) {
            text.append("2026-11-24T00:00:00Z,BTC,-").append(i + 1).append(",,,,\n");
        }

        CsvImportResult result = importer.importFile(csv("many.csv", text.toString()), MarketCsvImport.Mode.GOOD_ROWS);

        assertThat(result.problems()).hasSize(200);
        assertThat(result.moreProblems()).isEqualTo(50);
        assertThat(result.badRows()).isEqualTo(250);
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path file = csv("empty.csv", "  \n\n");

        assertThatThrownBy(() -> importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING))
                .isInstanceOf(CsvFileException.class)
                .hasMessage("empty.csv is empty; a market CSV file starts with a header line such as time,coin,"
                        + "price_usd,difficulty,network_hashrate_hps,block_reward,fees_per_block");
    }

    @Test
    void aBinaryFileIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("photo.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0,
                0, 0, 13, 'I', 'H', 'D', 'R'});

        assertThatThrownBy(() -> importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING))
                .isInstanceOf(CsvFileException.class)
                .hasMessage("photo.csv is not a CSV text file: it holds binary data (a zero byte at byte 9)");
    }

    @Test
    void aFileInALegacyEncodingIsRefusedWithAHint() throws Exception {
        // a spreadsheet's "CSV" in Windows-1252: the euro sign is byte 0x80, which UTF-8 never starts a character with
        String text = "time,coin,price_usd\n2026-11-24T00:00:00Z,BTC,91234.5 \u20ac\n";
        Path file = Files.write(dir.resolve("windows.csv"), text.getBytes("windows-1252"));

        assertThatThrownBy(() -> importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING))
                .isInstanceOf(CsvFileException.class)
                .hasMessage("windows.csv is not UTF-8 text (byte " + (text.indexOf('\u20ac') + 1) + " is not UTF-8);"
                        + " save it from the spreadsheet as \"CSV UTF-8\"");
    }

    @Test
    void aFileWithoutTheExpectedHeaderIsRefusedQuotingItsFirstLine() throws Exception {
        Path file = csv("export.csv", "date,symbol,close\n2026-11-24,BTC,91234.5\n");

        assertThatThrownBy(() -> importer.importFile(file, MarketCsvImport.Mode.ALL_OR_NOTHING))
                .isInstanceOf(CsvFileException.class)
                .hasMessage("export.csv: the first line is not a market CSV header (unknown column 'date')."
                        + " Expected 'time', 'coin' and any of price_usd, difficulty, network_hashrate_hps,"
                        + " block_reward, fees_per_block, e.g. time,coin,price_usd,difficulty,network_hashrate_hps,"
                        + "block_reward,fees_per_block; the first line reads 'date,symbol,close'");
    }

    @Test
    void aHeaderWithoutFiguresOrWithADuplicateIsRefused() throws Exception {
        Path noFigures = csv("a.csv", "time,coin\n2026-11-24T00:00:00Z,BTC\n");
        Path twice = csv("b.csv", "time,coin,price_usd,PRICE_USD\n");

        assertThatThrownBy(() -> importer.importFile(noFigures, MarketCsvImport.Mode.ALL_OR_NOTHING))
                .hasMessageStartingWith("a.csv: the first line is not a market CSV header (no figure column)");
        assertThatThrownBy(() -> importer.importFile(twice, MarketCsvImport.Mode.ALL_OR_NOTHING))
                .hasMessageStartingWith("b.csv: the first line is not a market CSV header (column 'price_usd' appears"
                        + " twice)");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
        MarketSettings small = new MarketSettings(MarketSettings.defaults().staleAfter(),
                MarketSettings.defaults().coinGecko(), MarketSettings.defaults().whatToMine(),
                MarketSettings.defaults().prohashing(), Duration.ofMinutes(5), 1024, 10, 200);
        MarketCsvImport limited = new MarketCsvImport(CoinCatalog.bundled(), farm.market(), small,
                new MutableClock(NOW));
        Path big = csv("big.csv", HEADER + "2026-11-24T00:00:00Z,BTC,91234.5,,,,\n".repeat(100));
        Path manyRows = csv("rows.csv", "time,coin,price_usd\n" + "2026-11-24T00:00:00Z,BTC,1\n".repeat(11));

        assertThatThrownBy(() -> limited.importFile(big, MarketCsvImport.Mode.ALL_OR_NOTHING))
                .isInstanceOf(CsvFileException.class)
                .hasMessage("big.csv is 3.7 KB, over the 1.0 KB limit for a market CSV file; split it into smaller"
                        + " files");
        assertThatThrownBy(() -> limited.importFile(manyRows, MarketCsvImport.Mode.ALL_OR_NOTHING))
                .hasMessage("rows.csv has 11 data rows, more than the 10 a market CSV import takes; split it into"
                        + " smaller files");
    }

    @Test
    void aMissingFileIsRefused() {
        Path missing = dir.resolve("nowhere.csv");

        assertThatThrownBy(() -> importer.importFile(missing, MarketCsvImport.Mode.ALL_OR_NOTHING))
                .isInstanceOf(CsvFileException.class)
                .hasMessageStartingWith("nowhere.csv does not exist");
    }
}
