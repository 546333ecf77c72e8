package io.keepersync.enrich.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.keepersync.schemas.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a GHL custom field value, which may be any JSON type (PITFALLS 10), into the matching branch of
 * the Avro union: string, long, double, boolean, list of strings, or the JSON text of anything else.
 */
final class CustomFieldValues {

    private CustomFieldValues() {
    }

    static Object fromJson(final JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (isListOfStrings(value)) {
            final List<String> items = new ArrayList<>(value.size());
            value.forEach(item -> items.add(item.textValue()));
            return items;
        }
        return new JsonValue(value.toString());
    }

    private static boolean isListOfStrings(final JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (final JsonNode item : value) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
