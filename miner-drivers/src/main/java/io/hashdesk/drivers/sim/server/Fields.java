package io.hashdesk.drivers.sim.server;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed, range-checked reads of optional fields in a settings write; errors name the field by its JSON path. */
final class Fields {

    private Fields() {
    }

    static void requireObject(JsonNode node, String at) throws SettingsPatch.InvalidSettingsException {
        if (!node.isObject()) {
            throw new SettingsPatch.InvalidSettingsException(at + ": expected an object");
        }
    }

    /** The integer at {@code field}, or null when absent or null. */
    static Integer integer(JsonNode node, String field, String at) throws SettingsPatch.InvalidSettingsException {
        JsonNode value = SettingsPatch.present(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new SettingsPatch.InvalidSettingsException(at + "." + field + ": expected an integer, got " + value);
        }
        return value.intValue();
    }

    /** The integer at {@code field} within [min, max], or {@code fallback} when absent. */
    static int integer(JsonNode node, String field, String at, int min, int max, int fallback)
            throws SettingsPatch.InvalidSettingsException {
        Integer value = integer(node, field, at);
        return value == null ? fallback : require(value, at + "." + field, min, max);
    }

    static int require(Integer value, String path, int min, int max) throws SettingsPatch.InvalidSettingsException {
        if (value == null) {
            throw new SettingsPatch.InvalidSettingsException(path + ": required");
        }
        if (value < min || value > max) {
            throw new SettingsPatch.InvalidSettingsException(path + ": must be within " + min + ".." + max + ", got "
                    + value);
        }
        return value;
    }

    static Boolean bool(JsonNode node, String field, String at) throws SettingsPatch.InvalidSettingsException {
        JsonNode value = SettingsPatch.present(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new SettingsPatch.InvalidSettingsException(at + "." + field + ": expected true or false, got "
                    + value);
        }
        return value.booleanValue();
    }

    static String string(JsonNode node, String field, String at) throws SettingsPatch.InvalidSettingsException {
        JsonNode value = SettingsPatch.present(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new SettingsPatch.InvalidSettingsException(at + "." + field + ": expected a string, got " + value);
        }
        return value.textValue();
    }
}
