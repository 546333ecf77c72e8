package io.keepersync.gateway.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The GHL marketplace event types the gateway publishes, each knowing where its body names the
 * contact and the entity the event is about (CONTRACT §5.3).
 */
enum EventType {

    CONTACT_CREATE("ContactCreate", Family.CONTACT),
    CONTACT_UPDATE("ContactUpdate", Family.CONTACT),
    CONTACT_DELETE("ContactDelete", Family.CONTACT),
    CONTACT_TAG_UPDATE("ContactTagUpdate", Family.CONTACT),
    CONTACT_DND_UPDATE("ContactDndUpdate", Family.CONTACT),
    NOTE_CREATE("NoteCreate", Family.CONTACT_CHILD),
    NOTE_UPDATE("NoteUpdate", Family.CONTACT_CHILD),
    NOTE_DELETE("NoteDelete", Family.CONTACT_CHILD),
    TASK_CREATE("TaskCreate", Family.CONTACT_CHILD),
    TASK_COMPLETE("TaskComplete", Family.CONTACT_CHILD),
    TASK_DELETE("TaskDelete", Family.CONTACT_CHILD),
    APPOINTMENT_CREATE("AppointmentCreate", Family.APPOINTMENT),
    APPOINTMENT_UPDATE("AppointmentUpdate", Family.APPOINTMENT),
    APPOINTMENT_DELETE("AppointmentDelete", Family.APPOINTMENT),
    INSTALL("INSTALL", Family.APP_LIFECYCLE),
    UNINSTALL("UNINSTALL", Family.APP_LIFECYCLE);

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(EventType::ghlName, Function.identity()));

    private final String ghlName;
    private final Family family;

    EventType(final String ghlName, final Family family) {
        this.ghlName = ghlName;
        this.family = family;
    }

    /** The handled type with this exact GHL {@code type} value, if any. */
    static Optional<EventType> fromGhlName(final String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The {@code type} value GHL sends. */
    String ghlName() {
        return ghlName;
    }

    /** Whether the body must name the entity the event is about. */
    boolean requiresEntityId() {
        return family != Family.APP_LIFECYCLE;
    }

    /** Id of the contact, note, task or appointment; empty when absent or for app lifecycle events. */
    Optional<String> entityId(final JsonNode body) {
        return switch (family) {
            case CONTACT, CONTACT_CHILD -> text(body, "id");
            case APPOINTMENT -> text(body.path("appointment"), "id");
            case APP_LIFECYCLE -> Optional.empty();
        };
    }

    /** Id of the contact concerned; may be absent (TaskCreate without contactId, PITFALLS 5). */
    Optional<String> contactId(final JsonNode body) {
        return switch (family) {
            case CONTACT -> text(body, "id");
            case CONTACT_CHILD -> text(body, "contactId");
            case APPOINTMENT -> text(body.path("appointment"), "contactId");
            case APP_LIFECYCLE -> Optional.empty();
        };
    }

    /** A non-blank string field of the node. */
    static Optional<String> text(final JsonNode node, final String field) {
        final JsonNode value = node.path(field);
        return value.isTextual() && !value.textValue().isBlank() ? Optional.of(value.textValue()) : Optional.empty();
    }

    private enum Family { CONTACT, CONTACT_CHILD, APPOINTMENT, APP_LIFECYCLE }
}
