package io.keepersync.simulator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.keepersync.simulator.auth.OAuthRefusal;
import io.keepersync.simulator.auth.SimulatedAuth;
import io.keepersync.simulator.auth.TokenGrant;

/**
 * {@code POST /oauth/token} with {@code grant_type=refresh_token} (CONTRACT §2.1): form-encoded
 * {@code client_id}, {@code client_secret}, {@code refresh_token}; no {@code Version} header, no rate limit,
 * no API faults. Answers GHL's token response for a Location token; refusals carry GHL's error shape with the
 * OAuth error code ({@code invalid_request}, {@code unsupported_grant_type}, {@code invalid_client},
 * {@code invalid_grant}) as {@code error}.
 */
final class OAuthRoutes {

    private final SimulatedAuth auth;

    OAuthRoutes(final SimulatedAuth auth) {
        this.auth = auth;
    }

    void token(final Context ctx) {
        final String grantType = ctx.formParam("grant_type");
        if (!"refresh_token".equals(grantType)) {
            throw ApiError.oauth(400, "unsupported_grant_type", "Only grant_type=refresh_token is simulated");
        }
        final String clientId = required(ctx, "client_id");
        final String clientSecret = required(ctx, "client_secret");
        final String refreshToken = required(ctx, "refresh_token");
        try {
            Replies.json(ctx, 200, body(auth.refresh(clientId, clientSecret, refreshToken)));
        } catch (OAuthRefusal e) {
            throw ApiError.oauth(e.status(), e.error(), e.getMessage());
        }
    }

    private static String required(final Context ctx, final String name) {
        final String value = ctx.formParam(name);
        if (value == null || value.isBlank()) {
            throw ApiError.oauth(400, "invalid_request", name + " is required");
        }
        return value;
    }

    private static ObjectNode body(final TokenGrant grant) {
        return JsonNodeFactory.instance.objectNode()
                .put("access_token", grant.accessToken())
                .put("token_type", "Bearer")
                .put("expires_in", grant.expiresInSeconds())
                .put("refresh_token", grant.refreshToken())
                .put("scope", grant.scope())
                .put("userType", "Location")
                .put("locationId", grant.locationId())
                .put("companyId", grant.companyId())
                .put("userId", grant.userId())
                .put("planId", grant.planId());
    }
}
