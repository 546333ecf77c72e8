package io.keepersync.backfill;

import io.keepersync.schemas.BackfillProgress;

/** Told of every checkpoint a backfill writes, on the backfill's thread; must return quickly. */
@FunctionalInterface
public interface BackfillListener {

    /** A listener that does nothing. */
    BackfillListener NONE = progress -> { };

    /** The backfill committed this checkpoint (after a page, periodically while waiting, and at the end). */
    void onCheckpoint(BackfillProgress progress);
}
