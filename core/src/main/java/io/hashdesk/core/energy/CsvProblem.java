package io.hashdesk.core.energy;

/**
 * What is wrong with one row of a price CSV.
 *
 * @param row    the line number in the file, the header being line 1
 * @param column the column's header name, or empty when the row as a whole is wrong
 * @param value  the offending text, empty when there is none
 */
public record CsvProblem(int row, String column, String value, String message) {

    @Override
    public String toString() {
        return "row " + row + (column.isEmpty() ? "" : ", column " + column)
                + (value.isEmpty() ? "" : ": '" + value + "'") + ": " + message;
    }
}
