package io.keepersync.gateway.http;

import io.javalin.config.JettyConfig;
import io.keepersync.gateway.metrics.GatewayMetrics;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;

/**
 * Hardens the Jetty server under Javalin against slow and malformed clients: request bodies are received
 * asynchronously within a deadline before Javalin sees them (so no thread waits on a slow sender), silent
 * connections are closed after the idle timeout, and Jetty's own error answers are JSON.
 */
public final class JettySetup {

    private JettySetup() {
    }

    /** Applies the limits to Javalin's Jetty configuration; call inside {@code Javalin.create}. */
    public static void configure(final JettyConfig jetty, final HttpLimits limits, final GatewayMetrics metrics) {
        jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            server.insertHandler(new EagerContentHandler(new BodyLoaderFactory(limits, metrics)));
        });
        jetty.addConnector((server, http) -> connector(server, http, limits));
    }

    private static ServerConnector connector(final Server server, final HttpConfiguration http,
                                             final HttpLimits limits) {
        final ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(limits.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        return connector;
    }
}
