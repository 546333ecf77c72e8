package io.keepersync.simulator.auth;

/**
 * What a location's OAuth install hands a marketplace app, as {@link SimulatedAuth#registerOAuthInstallation}
 * creates it: the app's client credentials and the location's first refresh token, which a client trades at
 * {@code POST /oauth/token} for an access token (and a new refresh token: each one works once).
 * {@link #toString()} shows neither the client secret nor the refresh token.
 */
public record OAuthInstallation(String locationId, String clientId, String clientSecret, String refreshToken) {

    @Override
    public String toString() {
        return "OAuthInstallation[locationId=" + locationId + ", clientId=" + clientId + ", clientSecret=***"
                + ", refreshToken=***]";
    }
}
