package io.keepersync.sink.rebuild;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What a rebuild of the Keeper store did.
 *
 * @param recordsRead records of the enriched topic applied, tombstones included
 * @param recordsSkipped records that could not be decoded and were stepped over
 * @param contacts contacts in the rebuilt store
 * @param offsets per partition, the offset up to which the rebuilt store is complete (the topic's end when it began)
 */
public record RebuildResult(long recordsRead, long recordsSkipped, long contacts, Map<TopicPartition, Long> offsets) {

    public RebuildResult {
        offsets = Map.copyOf(offsets);
    }
}
