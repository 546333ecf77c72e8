package io.keepersync.simulator.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A set of ids with constant-time add, remove and uniform random pick. Not thread-safe. */
final class IndexedIds {

    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();

    void add(final String id) {
        if (positions.putIfAbsent(id, ids.size()) == null) {
            ids.add(id);
        }
    }

    void remove(final String id) {
        final Integer position = positions.remove(id);
        if (position == null) {
            return;
        }
        final String last = ids.remove(ids.size() - 1);
        if (position < ids.size()) {
            ids.set(position, last);
            positions.put(last, position);
        }
    }

    Optional<String> pick(final SeededRandom random) {
        return ids.isEmpty() ? Optional.empty() : Optional.of(random.pick(ids));
    }
}
