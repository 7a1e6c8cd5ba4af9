package io.hashdesk.core.domain.catalog;

/**
 * The miner model catalog, or an operator's extra models file, could not be read or is inconsistent. The message
 * names the file and the field at fault so the operator can fix the file; the cause carries parser details.
 */
public class ModelCatalogException extends RuntimeException {

    private final String source;
    private final String field;

    public ModelCatalogException(String source, String field, String problem, Throwable cause) {
        super(source + (field.isEmpty() ? "" : " at " + field) + ": " + problem, cause);
        this.source = source;
        this.field = field;
    }

    public ModelCatalogException(String source, String field, String problem) {
        this(source, field, problem, null);
    }

    /** The file or bundled resource that was being read. */
    public String source() {
        return source;
    }

    /** Where in it the problem is, e.g. {@code models[2].safeLimits.voltageMaxVolts}; empty for the whole file. */
    public String field() {
        return field;
    }
}
