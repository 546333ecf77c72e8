package io.keepersync.gateway.http;

import io.keepersync.gateway.metrics.GatewayMetrics;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Plugs {@link BodyLoader} into Jetty's {@link EagerContentHandler} for every request that announces a
 * body, whatever its content type. A body whose {@code Content-Length} is already over the limit is not
 * loaded: the request goes straight on and is refused there.
 */
final class BodyLoaderFactory implements EagerContentHandler.ContentLoaderFactory {

    private final HttpLimits limits;
    private final GatewayMetrics metrics;

    BodyLoaderFactory(final HttpLimits limits, final GatewayMetrics metrics) {
        this.limits = limits;
        this.metrics = metrics;
    }

    @Override
    public String getApplicableMimeType() {
        return null;
    }

    @Override
    public EagerContentHandler.ContentLoader newContentLoader(final String contentType, final String mimeType,
                                                              final Handler handler, final Request request,
                                                              final Response response, final Callback callback) {
        if (request.getLength() > limits.maxBodyBytes()) {
            return null;
        }
        return new BodyLoader(handler, request, response, callback, limits, metrics);
    }
}
