package io.hashdesk.core.energy;

import io.hashdesk.core.csv.CsvProblem;
import java.util.List;

/** A price CSV was refused; {@link #problems()} lists every bad row, the message the first few. */
public final class PriceCsvException extends IllegalArgumentException {

    private static final int LISTED = 10;

    private final transient List<CsvProblem> problems;

    PriceCsvException(String source, List<CsvProblem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<CsvProblem> problems() {
        return problems;
    }

    private static String message(String source, List<CsvProblem> problems) {
        StringBuilder out = new StringBuilder(source).append(" was not imported: ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        problems.stream().limit(LISTED).forEach(p -> out.append("\n  ").append(p));
        if (problems.size() > LISTED) {
            out.append("\n  … and ").append(problems.size() - LISTED).append(" more");
        }
        return out.toString();
    }
}
