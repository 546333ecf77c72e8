package io.keepersync.schemas;

/**
 * Types of the {@link ContactEvent}s Keeper Sync makes itself, next to GHL's webhook types on the events
 * topic. Each carries the contact's id; its {@code webhookId} is chosen so that a repeat of the same work
 * is dropped as a duplicate.
 */
public final class KeeperEventTypes {

    /**
     * One contact found by a backfill. The body is the contact object GHL's search returned; enrichment
     * applies it unless it holds a newer one, and reads the contact's tasks, notes and appointments at
     * backfill priority.
     */
    public static final String BACKFILL = "KeeperBackfill";

    /** A dead-lettered refresh sent through enrichment again; the body is {@code {}}. Re-reads everything. */
    public static final String REDRIVE = "KeeperRedrive";

    private KeeperEventTypes() {
    }
}
