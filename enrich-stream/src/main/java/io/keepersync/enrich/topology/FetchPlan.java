package io.keepersync.enrich.topology;

/** Which parts of a contact an event makes enrichment re-read from GHL. */
record FetchPlan(boolean contact, boolean tasks, boolean notes, boolean appointments) {

    static final FetchPlan FULL = new FetchPlan(true, true, true, true);

    static FetchPlan forKind(final EventKind kind) {
        return switch (kind) {
            case CONTACT -> new FetchPlan(true, false, false, false);
            case NOTE -> new FetchPlan(false, false, true, false);
            case TASK -> new FetchPlan(false, true, false, false);
            case APPOINTMENT -> new FetchPlan(false, false, false, true);
            default -> FULL;
        };
    }
}
