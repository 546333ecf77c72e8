package io.keepersync.ghl.ratelimit;

/** Who gets the next permit of a location's {@link RateBudget} when several callers wait for it. */
public enum Priority {

    /** Work for an event that just arrived; served before any waiting {@link #BACKFILL}. */
    LIVE,

    /** Catch-up work (re-reads, imports) that may wait as long as live work needs the budget. */
    BACKFILL
}
