package io.hashdesk.drivers.sim;

/**
 * A fleet definition that cannot be used, with the file and the JSON path of the offending field
 * (e.g. {@code rooms[1].groups[0].model}) so the author can fix it.
 */
public final class FleetDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;

    public FleetDefinitionException(String source, String field, String problem, Throwable cause) {
        super(source + (field.isEmpty() ? "" : ", field " + field) + ": " + problem, cause);
        this.source = source;
        this.field = field;
    }

    public FleetDefinitionException(String source, String field, String problem) {
        this(source, field, problem, null);
    }

    public String source() {
        return source;
    }

    /** JSON path of the field at fault, empty when the problem is with the file as a whole. */
    public String field() {
        return field;
    }
}
