package io.keepersync.bench.backfill;

import java.util.List;

/**
 * Figures of one backfill benchmark run: every location backfilled at once, each against its own GHL budget.
 *
 * @param locations locations backfilled in parallel
 * @param contactsPerLocation contacts each location had
 * @param locationRuns the figures of each location
 * @param throttled 429s GHL sent during the run
 * @param aggregateContactsPerMinute enriched contacts per minute over all locations
 */
public record BackfillRun(int locations, int contactsPerLocation, List<LocationRun> locationRuns, long throttled,
                          double aggregateContactsPerMinute) {

    /**
     * One location's backfill.
     *
     * @param seconds from the backfill's start until every contact was enriched (state DONE)
     * @param calls GHL requests for the location in that time: the backfill's searches and enrichment's reads
     * @param callsPer10s average requests per 10 s
     * @param busiest10s most requests in any 10 s
     * @param fractionOfBudget {@code callsPer10s} over GHL's 100 per 10 s
     * @param contactsEnriched contacts whose enriched record appeared
     * @param contactsPerMinute of those, per minute
     */
    public record LocationRun(double seconds, long calls, double callsPer10s, long busiest10s, double fractionOfBudget,
                              long contactsEnriched, double contactsPerMinute) {
    }
}
