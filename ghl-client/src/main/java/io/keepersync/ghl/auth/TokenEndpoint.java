package io.keepersync.ghl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.keepersync.ghl.GhlApiException;
import io.keepersync.ghl.GhlAuthException;
import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.GhlContractException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * GHL's {@code POST /oauth/token} with {@code grant_type=refresh_token} (CONTRACT §2.1): form-encoded, no
 * {@code Version} header, through the JDK HTTP client. A 429, 5xx or I/O failure is tried again with the same
 * refresh token (at most three requests); a refusal is final. Blocks the calling thread. Messages name the
 * location, the status and GHL's OAuth error code, never a token, a secret or the body.
 */
final class TokenEndpoint {

    private static final int MAX_ATTEMPTS = 3;
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");

    private final URI uri;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Retry retry;

    TokenEndpoint(final GhlClientConfig config, final ObjectMapper mapper) {
        this.uri = URI.create(config.baseUrl() + "/oauth/token");
        this.timeout = config.requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        this.mapper = mapper;
        this.retry = Retry.of("ghl oauth token", RetryConfig.<HttpResponse<byte[]>>custom()
                .maxAttempts(Math.min(MAX_ATTEMPTS, config.maxAttempts()))
                .retryOnResult(response -> response.statusCode() == 429 || response.statusCode() >= 500)
                .retryOnException(IOException.class::isInstance)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(config.initialBackoff().toMillis(), 2.0,
                        0.5, config.maxBackoff().toMillis()))
                .failAfterMaxAttempts(false)
                .build());
    }

    /** What GHL granted: a new access token, its lifetime, and the refresh token to use next time. */
    record Grant(String accessToken, Duration expiresIn, String refreshToken) {

        @Override
        public String toString() {
            return "Grant[expiresIn=" + expiresIn + ", tokens=***]";
        }
    }

    /**
     * Trades {@code refreshToken} for new tokens. When GHL sends no new refresh token, the old one is kept.
     *
     * @throws GhlAuthException when GHL refuses the client or the refresh token (400, 401, 403): an operator must
     *     install the app again or put a new refresh token in the credentials file
     * @throws GhlApiException (retriable) when GHL kept failing or did not answer
     * @throws GhlContractException when a 2xx answer lacks {@code access_token} or {@code expires_in}
     */
    Grant refresh(final Credential.OAuthClient client, final String refreshToken) {
        final HttpResponse<byte[]> response = send(client, form(client, refreshToken));
        final int status = response.statusCode();
        if (status / 100 == 2) {
            return grant(client, response, refreshToken);
        }
        final String error = errorCode(response).map(code -> " error=" + code).orElse("");
        final String what = describe(client) + " status=" + status + error;
        if (status == 400 || status == 401 || status == 403) {
            throw new GhlAuthException(what + ": GHL refused the refresh token or the client; install the app on"
                    + " the location again or put a fresh refresh token in the credentials file", status);
        }
        throw new GhlApiException(what + ": token refresh failed", status);
    }

    private HttpResponse<byte[]> send(final Credential.OAuthClient client, final String form) {
        final HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        try {
            return Retry.decorateCallable(retry, () -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()))
                    .call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GhlApiException(describe(client) + " status=0: interrupted during the token refresh", 0, e);
        } catch (IOException e) {
            throw new GhlApiException(describe(client) + " status=0: no answer to the token refresh ("
                    + e.getClass().getSimpleName() + ")", 0, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected failure of the GHL token refresh", e);
        }
    }

    private Grant grant(final Credential.OAuthClient client, final HttpResponse<byte[]> response,
            final String oldRefreshToken) {
        final JsonNode body = parse(response.body());
        final String accessToken = body.path("access_token").asText("");
        final long expiresIn = body.path("expires_in").asLong(0);
        if (accessToken.isBlank() || expiresIn <= 0) {
            throw new GhlContractException(describe(client) + " status=" + response.statusCode()
                    + ": token answer lacks access_token or a positive expires_in", response.statusCode());
        }
        final String next = body.path("refresh_token").asText("");
        return new Grant(accessToken, Duration.ofSeconds(expiresIn), next.isBlank() ? oldRefreshToken : next);
    }

    private Optional<String> errorCode(final HttpResponse<byte[]> response) {
        final String code = parse(response.body()).path("error").asText("");
        return ERROR_CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    private JsonNode parse(final byte[] body) {
        try {
            return body.length == 0 ? mapper.missingNode() : mapper.readTree(body);
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }

    private static String form(final Credential.OAuthClient client, final String refreshToken) {
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "refresh_token");
        fields.put("client_id", client.clientId());
        fields.put("client_secret", client.clientSecret());
        fields.put("refresh_token", refreshToken);
        fields.put("user_type", "Location");
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String describe(final Credential.OAuthClient client) {
        return "GHL POST /oauth/token locationId=" + client.locationId();
    }
}
