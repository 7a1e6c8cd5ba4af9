package io.hashdesk.app.miners;

import static io.hashdesk.app.miners.FleetFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.app.common.JobContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCsvExportTest {

    private static final JobContext RUNNING = new JobContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    @TempDir
    Path folder;

    @Test
    void writesOneLinePerMinerInTheGivenOrderWithUnitsInTheHeader() throws IOException {
        Path file = folder.resolve("fleet.csv");
        int written = new FleetCsvExport().write(List.of(
                row("z-9", RowStatus.MINING, "hall-a", "Antminer S21", 200.0, false),
                row("a-1", RowStatus.OFFLINE, "hall-b", "Antminer S19", null, true)), file, RUNNING);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, written);
        assertEquals(FleetCsvExport.HEADER, lines.get(0));
        assertTrue(lines.get(0).contains("hashrate_ths") && lines.get(0).contains("power_watts"));
        assertEquals("z-9,Mining,antminer-s21,Antminer S21,hall-a,hall-a / R1 / 1-1,200,200,3000,30,70,60,0.5,"
                + "ViaBTC,BTC,3100,7200,2026-05-01T11:59:50Z,false", lines.get(1));
        assertTrue(lines.get(2).startsWith("a-1,Offline,"));
        assertTrue(lines.get(2).contains(",,,3000,"), "a missing hashrate is an empty field, not 0");
        assertTrue(lines.get(2).endsWith(",true"));
    }

    @Test
    void quotesCommasAndDefusesSpreadsheetFormulas() {
        MinerRow tricky = new MinerRow(row("m", RowStatus.MINING, "r", "M", 1.0, false).id(), RowStatus.MINING, "m",
                "Model, \"special\"", null, "r", "r", null, null, null, null, null, null, null, "=HYPERLINK(1)",
                null, null, null, null, null, false);

        String line = FleetCsvExport.line(tricky);

        assertTrue(line.contains(",\"Model, \"\"special\"\"\","), line);
        assertTrue(line.contains(",'=HYPERLINK(1),"), line);
    }

    @Test
    void aCancelledExportLeavesNoFileBehind() throws IOException {
        Path file = folder.resolve("fleet.csv");
        JobContext cancelled = new JobContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };

        assertThrows(CancellationException.class, () -> new FleetCsvExport().write(
                List.of(row("a", RowStatus.MINING, "r", "M", 1.0, false)), file, cancelled));
        assertFalse(Files.exists(file));
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count(), "no partial file either");
        }
    }

    @Test
    void anUnwritableTargetIsReportedWithItsPath() {
        Path file = folder.resolve("missing-folder").resolve("fleet.csv");

        IOException e = assertThrows(IOException.class, () -> new FleetCsvExport().write(List.of(), file, RUNNING));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    }
}
