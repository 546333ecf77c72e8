package io.keepersync.launcher.run;

import io.keepersync.ghl.GhlApi;
import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.HttpGhlApi;
import io.keepersync.ghl.TokenProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** The GHL client enrichment uses, set up once for {@code keeper run} and {@code keeper demo}. */
public final class GhlClients {

    /**
     * Few, short retries: each call blocks a stream thread, and a refresh that still fails is kept and
     * retried later by enrichment itself.
     */
    private static final int ATTEMPTS = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private GhlClients() {
    }

    /**
     * A client for the GHL API at {@code baseUrl} using one bearer token for every location, allowing
     * itself {@code requestsPer10s} requests per location.
     */
    public static GhlApi forEnrichment(final String baseUrl, final String token, final int requestsPer10s,
                                       final MeterRegistry metrics) {
        final GhlClientConfig defaults = GhlClientConfig.defaults();
        final GhlClientConfig config = defaults
            .withBaseUrl(baseUrl)
            .withMaxAttempts(ATTEMPTS)
            .withMaxBackoff(MAX_BACKOFF)
            .withRateLimit(defaults.rateLimit().withBurst(requestsPer10s));
        return new HttpGhlApi(config, TokenProvider.fixed(token), metrics);
    }
}
