package io.keepersync.launcher.dlq;

import io.keepersync.schemas.DeadLetter;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/** Which dead letters a {@code keeper dlq} command works on: all, or those of one location or contact. */
public final class DeadLetterFilter {

    @Option(names = "--location", paramLabel = "<locationId>", description = "Only dead letters of this location.")
    String locationId;

    @Option(names = "--contact", paramLabel = "<contactId>", description = "Only dead letters of this contact.")
    String contactId;

    Predicate<DeadLetter> predicate() {
        return letter -> (locationId == null || locationId.equals(letter.getLocationId()))
            && (contactId == null || contactId.equals(letter.getContactId()));
    }
}
