package io.keepersync.ghl.auth;

/**
 * One location's entry of the credentials file: a Private Integration Token or an OAuth installation.
 * {@code toString()} never shows a secret.
 */
sealed interface Credential permits Credential.PrivateToken, Credential.OAuthClient {

    String locationId();

    /** A Private Integration Token ({@code pit-…}): static, sent as it is, never renewed. */
    record PrivateToken(String locationId, String token) implements Credential {

        @Override
        public String toString() {
            return "PrivateToken[locationId=" + locationId + ", token=***]";
        }
    }

    /** A marketplace app installed on the location: client credentials and the refresh token to start from. */
    record OAuthClient(String locationId, String clientId, String clientSecret, String refreshToken)
            implements Credential {

        @Override
        public String toString() {
            return "OAuthClient[locationId=" + locationId + ", clientId=" + clientId + ", secrets=***]";
        }
    }
}
