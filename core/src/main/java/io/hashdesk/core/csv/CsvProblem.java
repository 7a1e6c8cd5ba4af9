package io.hashdesk.core.csv;

/**
 * What is wrong with one row, or one cell of it, in a CSV file an operator imports (market figures, energy prices).
 *
 * @param row    the line number in the file, the header being line 1
 * @param column the column's header name, or empty when the row as a whole is wrong
 * @param value  the offending text, empty when there is none
 */
public record CsvProblem(int row, String column, String value, String message) {

    /** A problem with no offending text to quote (the message says it, or the whole row is wrong). */
    public static CsvProblem of(int row, String column, String message) {
        return new CsvProblem(row, column, "", message);
    }

    @Override
    public String toString() {
        return "row " + row + (column.isEmpty() ? "" : ", column " + column)
                + (value.isEmpty() ? "" : ": '" + value + "'") + ": " + message;
    }
}
