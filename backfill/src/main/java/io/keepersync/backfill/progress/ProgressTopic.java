package io.keepersync.backfill.progress;

import io.keepersync.backfill.kafka.LatestRecords;
import io.keepersync.schemas.BackfillProgress;
import io.keepersync.schemas.serde.AvroSerde;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the backfill checkpoints from the compacted progress topic: the latest one per location. Blocks. */
public final class ProgressTopic {

    private ProgressTopic() {
    }

    /**
     * The latest checkpoint of every location that was ever backfilled, by location id.
     *
     * @param kafka client properties, at least {@code bootstrap.servers}
     */
    public static Map<String, BackfillProgress> readAll(final Map<String, Object> kafka, final String topic) {
        return new TreeMap<>(LatestRecords.read(kafka, topic, AvroSerde.of(BackfillProgress.class)));
    }

    /** The latest checkpoint of one location; empty when it was never backfilled. */
    public static Optional<BackfillProgress> latest(final Map<String, Object> kafka, final String topic,
                                                    final String locationId) {
        return Optional.ofNullable(readAll(kafka, topic).get(locationId));
    }
}
