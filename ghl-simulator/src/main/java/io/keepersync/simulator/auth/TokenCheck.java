package io.keepersync.simulator.auth;

import java.util.Optional;

/**
 * What {@link SimulatedAuth#check} found out about a request's bearer token.
 *
 * @param outcome    whether the token may make the request
 * @param locationId the one location the token is bound to (Private Integration and OAuth tokens); empty for
 *                   the simulator's default token, which serves every location, and for unknown tokens
 */
public record TokenCheck(Outcome outcome, Optional<String> locationId) {

    /** The verdicts GHL gives a token (CONTRACT §3). */
    public enum Outcome {
        /** The token may call for the location. */
        ACCEPTED,
        /** No token, or one GHL never issued: 401 "Invalid token: access token is invalid". */
        INVALID,
        /** An OAuth access token past its lifetime: 401 "Invalid JWT: token has expired". */
        EXPIRED,
        /** A token of another location: 403 "The token does not have access to this location." */
        WRONG_LOCATION
    }
}
