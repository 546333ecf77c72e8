package io.keepersync.backfill;

import io.keepersync.backfill.kafka.LatestRecords;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The locations to backfill when asked for all of them: those the compacted locations topic lists as
 * {@code active}. Enrichment adds a location there once it has seen an event of it, and marks it
 * {@code uninstalled} on GHL's UNINSTALL. Blocks while the topic is read.
 */
public final class ActiveLocations {

    /** The state enrichment writes for a location it syncs. */
    public static final String ACTIVE = "active";

    private ActiveLocations() {
    }

    /** The active location ids, sorted. */
    public static List<String> read(final Map<String, Object> kafka, final String locationsTopic) {
        return LatestRecords.read(kafka, locationsTopic, new StringDeserializer()).entrySet().stream()
            .filter(entry -> ACTIVE.equals(entry.getValue()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    }
}
