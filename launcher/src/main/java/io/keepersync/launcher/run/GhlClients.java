package io.keepersync.launcher.run;

import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.HttpGhlApi;
import io.keepersync.ghl.TokenProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Function;

/** The GHL clients of the commands: enrichment's for {@code keeper run} and {@code keeper demo}, and the backfill's. */
public final class GhlClients {

    /**
     * Few, short retries: a refresh that still fails is kept and retried later by enrichment itself, with
     * its own backoff and dead-letter bound.
     */
    private static final int ATTEMPTS = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** The backfill searches on a thread of its own, so it can afford to wait longer before giving up a page. */
    private static final int BACKFILL_ATTEMPTS = 5;
    private static final Duration BACKFILL_MAX_BACKOFF = Duration.ofSeconds(30);

    private GhlClients() {
    }

    /**
     * A client for the GHL API at {@code baseUrl} taking each location's token from {@code tokens}, allowing
     * itself {@code requestsPer10s} requests per location.
     */
    public static HttpGhlApi forEnrichment(final String baseUrl, final Function<GhlClientConfig, TokenProvider> tokens,
                                           final int requestsPer10s, final MeterRegistry metrics) {
        return client(baseUrl, tokens, requestsPer10s, ATTEMPTS, MAX_BACKOFF, metrics);
    }

    /** The client of {@code keeper backfill}: the same budget per location, more patient retries. */
    public static HttpGhlApi forBackfill(final String baseUrl, final Function<GhlClientConfig, TokenProvider> tokens,
                                         final int requestsPer10s, final MeterRegistry metrics) {
        return client(baseUrl, tokens, requestsPer10s, BACKFILL_ATTEMPTS, BACKFILL_MAX_BACKOFF, metrics);
    }

    private static HttpGhlApi client(final String baseUrl, final Function<GhlClientConfig, TokenProvider> tokens,
                                     final int requestsPer10s, final int attempts, final Duration maxBackoff,
                                     final MeterRegistry metrics) {
        final GhlClientConfig defaults = GhlClientConfig.defaults();
        final GhlClientConfig config = defaults
            .withBaseUrl(baseUrl)
            .withMaxAttempts(attempts)
            .withMaxBackoff(maxBackoff)
            .withRateLimit(defaults.rateLimit().withBurst(requestsPer10s));
        return new HttpGhlApi(config, tokens.apply(config), metrics);
    }
}
