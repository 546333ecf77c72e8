package io.keepersync.launcher.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keepersync.schemas.EnrichedContact;
import io.keepersync.simulator.GhlSimulator;
import io.keepersync.sink.api.ContactJson;
import io.keepersync.sink.store.KeeperStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the whole Keeper store with the simulator's truth: every live contact present and equal,
 * every deleted contact absent, nothing else stored.
 */
final class ConvergenceCheck {

    private final GhlSimulator ghl;
    private final KeeperStore store;

    ConvergenceCheck(final GhlSimulator ghl, final KeeperStore store) {
        this.ghl = ghl;
        this.store = store;
    }

    /** One comparison of everything, as it stands now. */
    Result run() {
        final List<String> mismatches = new ArrayList<>();
        int stored = 0;
        for (final String contactId : ghl.liveContactIds()) {
            final Optional<EnrichedContact> kept = store.get(contactId);
            final Optional<ObjectNode> truth = ghl.truthOf(contactId);
            if (kept.isEmpty()) {
                mismatches.add(contactId + ": missing");
                continue;
            }
            stored++;
            if (truth.isPresent()) {
                final List<String> fields = TruthCheck.differences(ContactJson.toJson(kept.get()), truth.get());
                if (!fields.isEmpty()) {
                    mismatches.add(contactId + ": " + String.join(", ", fields));
                }
            }
        }
        for (final String contactId : ghl.deletedContactIds()) {
            if (store.get(contactId).isPresent()) {
                mismatches.add(contactId + ": deleted in GHL but still stored");
            }
        }
        final long unknown = store.count() - stored;
        if (unknown > 0) {
            mismatches.add(unknown + " stored contacts GHL never had");
        }
        return new Result(stored, mismatches);
    }

    /**
     * @param stored live contacts present in the store
     * @param mismatches one line per differing contact: its id and the differing fields, no values
     */
    record Result(int stored, List<String> mismatches) {
        boolean converged() {
            return mismatches.isEmpty();
        }
    }
}
