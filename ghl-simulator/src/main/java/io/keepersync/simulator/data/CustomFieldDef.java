package io.keepersync.simulator.data;

/** A custom field defined for a location; {@code kind} decides the JSON type of its values. */
public record CustomFieldDef(String id, String key, Kind kind) {

    /** The field types GHL reads back with different JSON value types (CONTRACT §4.2). */
    public enum Kind {
        /** A JSON string. */
        TEXT,
        /** A JSON integer. */
        NUMBER,
        /** A JSON number with a fraction. */
        MONETARY,
        /** A JSON array of strings. */
        CHECKBOX,
        /** A JSON object keyed by upload UUID. */
        FILE_UPLOAD
    }
}
