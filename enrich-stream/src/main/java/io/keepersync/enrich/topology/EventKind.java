package io.keepersync.enrich.topology;

/** What a GHL event type asks enrichment to do (CONTRACT §5.3). */
enum EventKind {
    CONTACT,
    CONTACT_DELETE,
    NOTE,
    TASK,
    APPOINTMENT,
    APP_LIFECYCLE,
    UNKNOWN;

    static EventKind of(final String eventType) {
        if (eventType == null) {
            return UNKNOWN;
        }
        return switch (eventType) {
            case "ContactCreate", "ContactUpdate", "ContactTagUpdate", "ContactDndUpdate" -> CONTACT;
            case "ContactDelete" -> CONTACT_DELETE;
            case "NoteCreate", "NoteUpdate", "NoteDelete" -> NOTE;
            case "TaskCreate", "TaskComplete", "TaskDelete" -> TASK;
            case "AppointmentCreate", "AppointmentUpdate", "AppointmentDelete" -> APPOINTMENT;
            case "INSTALL", "UNINSTALL" -> APP_LIFECYCLE;
            default -> UNKNOWN;
        };
    }
}
