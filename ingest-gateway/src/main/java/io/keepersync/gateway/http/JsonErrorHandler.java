package io.keepersync.gateway.http;

import io.keepersync.gateway.webhook.Replies;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages as the gateway's JSON error body, for the answers Jetty gives before a request
 * reaches Javalin (bad URI, headers too large, body too slow). The text depends on the status only, so
 * parser details never reach the client.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json";

    @Override
    public boolean errorPageForMethod(final String method) {
        return true;
    }

    @Override
    protected void generateResponse(final Request request, final Response response, final int code,
                                    final String message, final Throwable cause, final Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(final int status, final String reason, final HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return body(status);
    }

    private static ByteBuffer body(final int status) {
        final HttpError error = HttpError.of(status);
        return ByteBuffer.wrap(Replies.errorJson(error.code(), error.message()).getBytes(StandardCharsets.UTF_8));
    }
}
