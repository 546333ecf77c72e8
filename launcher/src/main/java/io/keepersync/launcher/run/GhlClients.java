package io.keepersync.launcher.run;

import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.HttpGhlApi;
import io.keepersync.ghl.TokenProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** The GHL clients of the commands: enrichment's for {@code keeper run} and {@code keeper demo}, and the backfill's. */
public final class GhlClients {

    /**
     * Few, short retries: each call blocks a stream thread, and a refresh that still fails is kept and
     * retried later by enrichment itself.
     */
    private static final int ATTEMPTS = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** The backfill searches on a thread of its own, so it can afford to wait longer before giving up a page. */
    private static final int BACKFILL_ATTEMPTS = 5;
    private static final Duration BACKFILL_MAX_BACKOFF = Duration.ofSeconds(30);

    private GhlClients() {
    }

    /**
     * A client for the GHL API at {@code baseUrl} using one bearer token for every location, allowing
     * itself {@code requestsPer10s} requests per location.
     */
    public static GhlApi forEnrichment(final String baseUrl, final String token, final int requestsPer10s,
                                       final MeterRegistry metrics) {
        return client(baseUrl, token, requestsPer10s, ATTEMPTS, MAX_BACKOFF, metrics);
    }

    /** The client of {@code keeper backfill}: the same budget per location, more patient retries. */
    public static GhlApi forBackfill(final String baseUrl, final String token, final int requestsPer10s,
                                     final MeterRegistry metrics) {
        return client(baseUrl, token, requestsPer10s, BACKFILL_ATTEMPTS, BACKFILL_MAX_BACKOFF, metrics);
    }

    private static GhlApi client(final String baseUrl, final String token, final int requestsPer10s,
                                 final int attempts, final Duration maxBackoff, final MeterRegistry metrics) {
        final GhlClientConfig defaults = GhlClientConfig.defaults();
        final GhlClientConfig config = defaults
            .withBaseUrl(baseUrl)
            .withMaxAttempts(attempts)
            .withMaxBackoff(maxBackoff)
            .withRateLimit(defaults.rateLimit().withBurst(requestsPer10s));
        return new HttpGhlApi(config, TokenProvider.fixed(token), metrics);
    }
}
