package io.keepersync.enrich.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * Where reconciliation stands for one location; kept in a compacted topic so it survives restarts.
 *
 * @param updatedSince the next incremental sweep asks for contacts updated at or after this instant
 * @param lastFullSweep when the last full sweep ran
 */
public record SweepCursor(Instant updatedSince, Instant lastFullSweep) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The cursor as the JSON text stored in the cursor topic. */
    String toJson() {
        return JSON.createObjectNode()
            .put("updatedSince", updatedSince.toString())
            .put("lastFullSweep", lastFullSweep.toString())
            .toString();
    }

    /** Reads a cursor stored by {@link #toJson()}. */
    static SweepCursor fromJson(final String text) {
        try {
            final JsonNode json = JSON.readTree(text);
            return new SweepCursor(Instant.parse(json.path("updatedSince").asText()),
                Instant.parse(json.path("lastFullSweep").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable sweep cursor", e);
        }
    }
}
