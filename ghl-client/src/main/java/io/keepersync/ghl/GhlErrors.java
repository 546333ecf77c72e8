package io.keepersync.ghl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads GHL's error answers (CONTRACT §3: {@code {statusCode, message, error}}, {@code message} a string
 * or, on 422, an array) and turns them into typed exceptions. Messages name the call, the status and the
 * location only: never the token, never the error body, which may echo personal data.
 */
final class GhlErrors {

    private final ObjectMapper mapper;
    private final int maxAttempts;

    GhlErrors(final ObjectMapper mapper, final int maxAttempts) {
        this.mapper = mapper;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Whether GHL says the contact does not exist (any more): a 404, or a 400/422 whose message says the
     * contact was not found or deleted. GHL's v2 spec declares no 404 for {@code GET /contacts/{id}}
     * (CONTRACT §4), so a gone contact may come back as a validation error instead.
     */
    boolean contactGone(final HttpResponse<byte[]> response) {
        final int status = response.statusCode();
        if (status == 404) {
            return true;
        }
        if (status != 400 && status != 422) {
            return false;
        }
        return messages(response).stream().anyMatch(GhlErrors::saysContactGone);
    }

    /**
     * Whether GHL refused the token itself (401, e.g. expired or invalid), so that a renewed token may succeed:
     * not a complaint about the {@code Version} header (PITFALLS 18) nor about a missing scope.
     */
    boolean tokenRejected(final HttpResponse<byte[]> response) {
        if (response.statusCode() != 401) {
            return false;
        }
        return messages(response).stream().noneMatch(m -> m.contains("version header") || m.contains("scope"));
    }

    /** The exception for a call whose final answer was not a 2xx. */
    GhlApiException failure(final Endpoint endpoint, final String locationId, final HttpResponse<byte[]> response) {
        final int status = response.statusCode();
        final String call = describe(endpoint, locationId, status);
        if (status == 401 && messages(response).stream().anyMatch(m -> m.contains("version header"))) {
            return new GhlContractException(call + ": Version header missing or invalid, a client bug;"
                    + " refreshing the token will not help", status);
        }
        if (status == 401) {
            return new GhlAuthException(call + ": token refused; refresh or replace the location's token", status);
        }
        if (status == 429 || status >= 500) {
            return new GhlApiException(call + ": still failing after maxAttempts=" + maxAttempts, status);
        }
        return new GhlApiException(call + ": request refused, not retried", status);
    }

    static String describe(final Endpoint endpoint, final String locationId, final int status) {
        return "GHL " + endpoint.describe() + " status=" + status + " locationId=" + locationId;
    }

    private static boolean saysContactGone(final String message) {
        return message.contains("contact")
                && (message.contains("not found") || message.contains("deleted") || message.contains("not exist"));
    }

    /** The {@code message} text(s) of an error body, lower-cased; empty when the body is not GHL's shape. */
    private List<String> messages(final HttpResponse<byte[]> response) {
        final JsonNode message = parse(response.body()).path("message");
        final List<String> result = new ArrayList<>();
        if (message.isTextual()) {
            result.add(message.asText().toLowerCase(Locale.ROOT));
        }
        if (message.isArray()) {
            message.forEach(item -> result.add(item.asText().toLowerCase(Locale.ROOT)));
        }
        return result;
    }

    private JsonNode parse(final byte[] body) {
        try {
            return body.length == 0 ? mapper.missingNode() : mapper.readTree(body);
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }
}
