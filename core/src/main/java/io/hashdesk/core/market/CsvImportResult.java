package io.hashdesk.core.market;

import io.hashdesk.core.csv.CsvProblem;
import java.util.List;

/**
 * What a market CSV import did.
 *
 * @param fileName     the file's name (the snapshots' source is {@code csv:} followed by it)
 * @param mode         all-or-nothing or good rows only
 * @param rowsRead     data rows in the file (blank lines not counted)
 * @param rowsImported rows stored
 * @param rowsSkipped  rows not stored: the bad ones in good-rows mode, every row when an all-or-nothing import
 *                     found a problem
 * @param badRows      rows with at least one problem
 * @param problems     the problems found, at most the configured number (see {@link #moreProblems()})
 * @param moreProblems problems found but not listed
 */
public record CsvImportResult(String fileName, MarketCsvImport.Mode mode, int rowsRead, int rowsImported,
                              int rowsSkipped, int badRows, List<CsvProblem> problems, int moreProblems) {

    public CsvImportResult {
        problems = List.copyOf(problems);
    }

    /** Whether anything was stored. */
    public boolean applied() {
        return rowsImported > 0;
    }

    /** One or two sentences for the operator. */
    public String summary() {
        if (badRows == 0) {
            return "Imported " + rows(rowsImported) + " from " + fileName + ".";
        }
        String first = problems.isEmpty() ? "" : " First: " + problems.getFirst() + ".";
        if (mode == MarketCsvImport.Mode.ALL_OR_NOTHING) {
            return "Nothing imported from " + fileName + ": " + badRows + " of " + rows(rowsRead)
                    + (badRows == 1 ? " has" : " have") + " problems. Fix the file, or import only the good rows."
                    + first;
        }
        return "Imported " + rows(rowsImported) + " from " + fileName + "; skipped " + rows(rowsSkipped)
                + " with problems." + first;
    }

    private static String rows(int n) {
        return n == 1 ? "1 row" : n + " rows";
    }
}
