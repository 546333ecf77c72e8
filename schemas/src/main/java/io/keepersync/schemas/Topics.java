package io.keepersync.schemas;

/**
 * Names of the topics the pipeline uses. Every service of one deployment must use the same names;
 * tests give each run its own prefix.
 *
 * @param contactEvents accepted GHL webhooks and reconciliation hints ({@link ContactEvent}), keyed by contact
 * @param quarantine signed, well-formed webhooks the pipeline does not sync ({@link QuarantinedEvent})
 * @param enrichedContacts compacted; the latest {@link EnrichedContact} per contact, a tombstone once deleted
 * @param locations compacted; every GHL location enrichment has seen, keyed and valued by its id
 * @param sweepCursors compacted; per location, the {@code dateUpdated} up to which reconciliation has swept
 * @param deadLetters refreshes enrichment gave up on after its retry bound ({@link DeadLetter}), keyed by contact
 * @param backfillProgress compacted; per location, how far its last backfill has come
 */
public record Topics(String contactEvents, String quarantine, String enrichedContacts, String locations,
                     String sweepCursors, String deadLetters, String backfillProgress) {

    /** The names used when nothing else is configured. */
    public static Topics defaults() {
        return withPrefix("");
    }

    /** The default names, each prefixed (for example with a test's own name). */
    public static Topics withPrefix(final String prefix) {
        return new Topics(prefix + "ghl.contact-events", prefix + "ghl.quarantine", prefix + "keeper.contacts.enriched",
            prefix + "keeper.locations", prefix + "keeper.sweep-cursors", prefix + "keeper.dead-letters",
            prefix + "keeper.backfill-progress");
    }
}
