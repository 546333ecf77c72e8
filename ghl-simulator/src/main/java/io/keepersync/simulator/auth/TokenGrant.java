package io.keepersync.simulator.auth;

/**
 * One successful refresh at {@code POST /oauth/token}: the fields of GHL's token response
 * (CONTRACT §2.1, {@code oauth-token-response.json}). {@link #toString()} shows no token.
 *
 * @param expiresInSeconds the {@code expires_in} the simulator reports: the configured lifetime, whatever a
 *                         token-TTL fault does to the token
 */
public record TokenGrant(String accessToken, long expiresInSeconds, String refreshToken, String scope,
                         String locationId, String companyId, String userId, String planId) {

    @Override
    public String toString() {
        return "TokenGrant[locationId=" + locationId + ", expiresInSeconds=" + expiresInSeconds + ", tokens=***]";
    }
}
