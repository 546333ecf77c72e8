package io.keepersync.enrich.topology;

import io.keepersync.enrich.reconcile.ReconcileEvents;
import io.keepersync.schemas.KeeperEventTypes;

/** What an event type asks enrichment to do: GHL's types (CONTRACT §5.3) and our reconciliation hints. */
enum EventKind {
    CONTACT_CREATE,
    CONTACT,
    CONTACT_DELETE,
    NOTE,
    TASK,
    APPOINTMENT,
    RECONCILE,
    RECONCILE_FULL,
    RECONCILE_END,
    BACKFILL,
    REDRIVE,
    APP_LIFECYCLE,
    UNKNOWN;

    static EventKind of(final String eventType) {
        if (eventType == null) {
            return UNKNOWN;
        }
        return switch (eventType) {
            case "ContactCreate" -> CONTACT_CREATE;
            case "ContactUpdate", "ContactTagUpdate", "ContactDndUpdate" -> CONTACT;
            case "ContactDelete" -> CONTACT_DELETE;
            case "NoteCreate", "NoteUpdate", "NoteDelete" -> NOTE;
            case "TaskCreate", "TaskComplete", "TaskDelete" -> TASK;
            case "AppointmentCreate", "AppointmentUpdate", "AppointmentDelete" -> APPOINTMENT;
            case ReconcileEvents.CHANGED -> RECONCILE;
            case ReconcileEvents.FULL -> RECONCILE_FULL;
            case ReconcileEvents.END -> RECONCILE_END;
            case KeeperEventTypes.BACKFILL -> BACKFILL;
            case KeeperEventTypes.REDRIVE -> REDRIVE;
            case "INSTALL", "UNINSTALL" -> APP_LIFECYCLE;
            default -> UNKNOWN;
        };
    }

    /** Whether events of this kind concern one contact. */
    boolean concernsContact() {
        return this != APP_LIFECYCLE && this != UNKNOWN && this != RECONCILE_END;
    }
}
