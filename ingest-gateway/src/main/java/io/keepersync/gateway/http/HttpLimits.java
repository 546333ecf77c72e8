package io.keepersync.gateway.http;

import java.time.Duration;

/**
 * The limits the gateway's Jetty server enforces before a request reaches a handler.
 *
 * @param port port to listen on, 0 for any free port
 * @param maxBodyBytes largest body loaded into memory; larger ones are handed on early and refused there
 * @param bodyReadTimeout longest time from the request headers to the last body byte; slower requests get
 *     408 and their connection is closed
 * @param idleTimeout how long a connection may stay silent before Jetty closes it
 */
public record HttpLimits(int port, long maxBodyBytes, Duration bodyReadTimeout, Duration idleTimeout) {
}
