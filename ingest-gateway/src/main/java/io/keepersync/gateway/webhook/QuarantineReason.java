package io.keepersync.gateway.webhook;

/** Why a signed, well-formed JSON object is quarantined instead of published as a contact event. */
public enum QuarantineReason {

    /** A workflow "Webhook" action body (user-shaped, e.g. {@code contact_id}, {@code workflow}), PITFALLS 20. */
    WORKFLOW_WEBHOOK("workflow_webhook"),
    /** No string {@code type}. */
    MISSING_TYPE("missing_type"),
    /** A {@code type} the pipeline does not sync. */
    UNKNOWN_TYPE("unknown_type"),
    /** Entity fields wrapped in {@code data} instead of flat, as in the guide's wrong example (PITFALLS 6). */
    NESTED_UNDER_DATA("nested_under_data"),
    /** No string {@code webhookId}. */
    MISSING_WEBHOOK_ID("missing_webhook_id"),
    /** No string {@code locationId} (agency-level installs have none). */
    MISSING_LOCATION_ID("missing_location_id"),
    /** A handled type whose body does not name the entity it is about. */
    MISSING_ENTITY_ID("missing_entity_id");

    private final String code;

    QuarantineReason(final String code) {
        this.code = code;
    }

    /** Stable snake_case code stored in {@code QuarantinedEvent.reason} and used as a metric tag. */
    public String code() {
        return code;
    }
}
