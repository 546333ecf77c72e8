package io.keepersync.simulator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An error answer with GHL's status and body (CONTRACT §3, examples/error-*.json), thrown by handlers
 * and by the in-process reads of {@link io.keepersync.simulator.GhlSimulator} that share their code.
 */
public final class ApiError extends RuntimeException {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final int status;
    private final transient ObjectNode body;

    private ApiError(final int status, final ObjectNode body) {
        super(body.path("message").toString(), null, false, false);
        this.status = status;
        this.body = body;
    }

    /** The HTTP status the endpoint answers with. */
    public int status() {
        return status;
    }

    /** A copy of the JSON body the endpoint answers with ({@code statusCode}, {@code message}, …). */
    public ObjectNode body() {
        return body.deepCopy();
    }

    static ApiError badRequest(final String message) {
        return plain(400, message);
    }

    /** 401 with {@code error: "Unauthorized"}, as for a bad token. */
    static ApiError unauthorized(final String message) {
        final ObjectNode body = JSON.objectNode().put("statusCode", 401).put("message", message);
        return new ApiError(401, body.put("error", "Unauthorized"));
    }

    /** 401 without {@code error}, as GHL answers a missing or unknown {@code Version} header. */
    static ApiError version(final String message) {
        return plain(401, message);
    }

    static ApiError forbiddenLocation() {
        return plain(403, "The token does not have access to this location.");
    }

    static ApiError notFound(final String message) {
        return plain(404, message);
    }

    /** 422 whose {@code message} is an array, as GHL reports validation failures. */
    static ApiError unprocessable(final List<String> messages) {
        final ObjectNode body = JSON.objectNode().put("statusCode", 422);
        messages.forEach(body.putArray("message")::add);
        return new ApiError(422, body.put("error", "Unprocessable Entity"));
    }

    static ApiError tooManyRequests() {
        return plain(429, "Too Many Requests");
    }

    /** 503, as GHL (or what stands in front of it) answers while down. */
    static ApiError unavailable() {
        return plain(503, "Service Unavailable");
    }

    /** A refused {@code POST /oauth/token}: GHL's error shape with the OAuth error code as {@code error}. */
    static ApiError oauth(final int status, final String error, final String message) {
        return new ApiError(status, JSON.objectNode().put("statusCode", status).put("message", message)
                .put("error", error));
    }

    private static ApiError plain(final int status, final String message) {
        return new ApiError(status, JSON.objectNode().put("statusCode", status).put("message", message));
    }
}
