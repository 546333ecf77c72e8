package io.keepersync.gateway.http;

/**
 * The error code and message the gateway gives for an HTTP status that Jetty produces itself.
 *
 * @param code stable snake_case error code
 * @param message what is wrong and what to do, without server internals
 */
record HttpError(String code, String message) {

    static HttpError of(final int status) {
        return switch (status) {
            case 400 -> new HttpError("bad_request",
                "The request is not valid HTTP, for example a malformed URI or header. Fix the request.");
            case 404 -> new HttpError("not_found", "No such endpoint.");
            case 405 -> new HttpError("method_not_allowed", "This endpoint does not accept this method.");
            case 408 -> new HttpError("request_timeout",
                "The request body did not arrive in time. Send the whole body promptly.");
            case 413 -> new HttpError("body_too_large", "The request is larger than this gateway accepts.");
            case 414 -> new HttpError("uri_too_long", "The request URI is longer than this gateway accepts.");
            case 431 -> new HttpError("headers_too_large",
                "The request headers are larger than this gateway accepts.");
            case 503 -> new HttpError("unavailable", "The gateway is not ready. Retry later.");
            default -> status >= 500
                ? new HttpError("internal_error", "The gateway failed to handle the request.")
                : new HttpError("http_" + status, "The request was refused.");
        };
    }
}
