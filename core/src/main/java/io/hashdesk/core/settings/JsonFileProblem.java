package io.hashdesk.core.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's failure to read an operator's JSON file into words for that operator: which field
 * ({@code models[2].safeLimits.voltageMaxVolts}), what is wrong with it, and on which line.
 */
public final class JsonFileProblem {

    private static final String MISSING_CREATOR_PROPERTY = "Missing creator property";
    private static final String NULL_PRIMITIVE = "Cannot map `null` into type";

    private JsonFileProblem() {
    }

    /** The path of the offending field, empty when the file is not even JSON. */
    public static String field(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What is wrong, with where in the file: our own validation sentence when a record refused the value. */
    public static String describe(JsonProcessingException e) {
        return problem(e) + location(e);
    }

    private static String problem(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            return cause.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "' (expected one of " + unknown.getKnownPropertyIds() + ")";
        }
        if (e instanceof MismatchedInputException && (e.getOriginalMessage().startsWith(MISSING_CREATOR_PROPERTY)
                || e.getOriginalMessage().startsWith(NULL_PRIMITIVE))) {
            return "required field is missing";
        }
        if (e instanceof InvalidTypeIdException type) {
            return "unknown type '" + type.getTypeId() + "'";
        }
        if (e instanceof StreamReadException || e.getCause() instanceof StreamReadException) {
            return "not valid JSON: " + e.getOriginalMessage();
        }
        return e.getOriginalMessage();
    }

    private static String location(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
