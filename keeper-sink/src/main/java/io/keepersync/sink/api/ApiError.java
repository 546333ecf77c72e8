package io.keepersync.sink.api;

/**
 * A request the read API answers with an error: the HTTP status and a JSON body
 * {@code {"error": <code>, "message": <text>}}. The message is shown to the client, so it names ids at most.
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String code;

    private ApiError(final int status, final String code, final String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiError badRequest(final String message) {
        return new ApiError(400, "bad_request", message);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "send 'Authorization: Bearer <key>' with a configured API key");
    }

    static ApiError notFound(final String message) {
        return new ApiError(404, "not_found", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
