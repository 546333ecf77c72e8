package io.keepersync.backfill.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a backfill's contact search, reduced to what has not been published yet.
 *
 * @param contacts the contacts after the page's start position, as GHL returned them, in search order
 * @param next where the following page starts; empty when this was the last page
 * @param remaining contacts GHL's {@code total} says come after this page; empty when GHL sent no total
 */
public record SearchPage(List<ObjectNode> contacts, Optional<SearchPosition> next, OptionalLong remaining) {

    public SearchPage {
        contacts = List.copyOf(contacts);
    }

    /** Whether the search has nothing after this page. */
    public boolean last() {
        return next.isEmpty();
    }
}
