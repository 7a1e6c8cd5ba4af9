package io.hashdesk.core.market;

/**
 * What is wrong with one cell or row of a market CSV file.
 *
 * @param row     the line number in the file, the header being line 1
 * @param column  the column at fault, empty when the whole row is
 * @param problem what is wrong, as a sentence fragment
 */
public record CsvProblem(int row, String column, String problem) {

    @Override
    public String toString() {
        return "row " + row + (column.isEmpty() ? "" : ", column " + column) + ": " + problem;
    }
}
