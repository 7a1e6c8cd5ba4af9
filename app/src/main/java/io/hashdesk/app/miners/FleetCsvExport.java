package io.hashdesk.app.miners;

import io.hashdesk.app.common.JobContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Writes fleet table rows to a CSV file in the order given: raw numbers in the units named in the header (TH/s for
 * every algorithm, as the store keeps them), ISO-8601 times, one miner per line. The file appears whole or not at
 * all: it is written beside the target and moved over it at the end.
 */
public final class FleetCsvExport {

    static final String HEADER = "miner_id,status,model_id,model,room,position,hashrate_ths,percent_of_rated,"
            + "power_watts,efficiency_j_per_th,chip_temp_max_c,fan_percent,rejects_percent,pool,coin,preset,"
            + "uptime_seconds,last_seen_utc,stale";
    /** Rows between progress reports and cancel checks: often enough to stop within a blink on 10,000 miners. */
    private static final int STEP = 500;

    /**
     * Writes {@code rows} to {@code file}, replacing it.
     *
     * @return how many miners were written
     * @throws IOException naming the file when it cannot be written
     */
    public int write(List<MinerRow> rows, Path file, JobContext context) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.write('\n');
                for (int i = 0; i < rows.size(); i++) {
                    if (i % STEP == 0) {
                        context.checkCancelled();
                        context.progress((double) i / rows.size(), "Writing miner " + (i + 1) + " of " + rows.size());
                    }
                    out.write(line(rows.get(i)));
                    out.write('\n');
                }
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows.size();
        } catch (IOException e) {
            throw new IOException("Could not write " + absolute + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String line(MinerRow row) {
        StringJoiner line = new StringJoiner(",");
        line.add(quote(row.id().value())).add(quote(row.status().label())).add(quote(row.modelId()))
                .add(quote(row.modelName())).add(quote(row.roomId())).add(quote(row.position()))
                .add(number(row.hashrateThs())).add(number(row.percentOfRated())).add(number(row.powerWatts()))
                .add(number(row.efficiencyJPerTh())).add(number(row.chipTempMaxC())).add(number(row.fanPercent()))
                .add(number(row.rejectsPercent())).add(quote(row.poolName())).add(quote(row.coin()))
                .add(quote(row.preset())).add(row.uptime() == null ? "" : Long.toString(row.uptime().toSeconds()))
                .add(row.lastSeen() == null ? "" : row.lastSeen().toString()).add(Boolean.toString(row.stale()));
        return line.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value).replaceAll("\\.?0+$", "");
    }

    /** RFC 4180 quoting, and a leading quote mark for text a spreadsheet would run as a formula. */
    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
