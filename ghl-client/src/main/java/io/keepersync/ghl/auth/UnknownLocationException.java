package io.keepersync.ghl.auth;

import io.keepersync.ghl.GhlAuthException;
import java.nio.file.Path;

/**
 * A call for a location that has no entry in the credentials file: nothing was sent to GHL and retrying cannot
 * help until an operator adds the location. Status 0, never {@linkplain #retriable() retriable}.
 */
public final class UnknownLocationException extends GhlAuthException {

    private final String locationId;

    UnknownLocationException(final String locationId, final Path file) {
        super("no GHL credentials for locationId=" + locationId + " in " + file
                + "; add the location to that file to call GHL for it", 0);
        this.locationId = locationId;
    }

    /** The location that has no credentials. */
    public String locationId() {
        return locationId;
    }
}
