package io.keepersync.ghl;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.keepersync.ghl.ratelimit.Priority;
import io.keepersync.ghl.ratelimit.RateBudgets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one GHL call: builds the request with the contract headers, takes a permit of the location's
 * {@link RateBudgets rate budget} before every attempt, sends it with the JDK HTTP client, feeds the answer's
 * headers back into the budget, and repeats it through a resilience4j {@link Retry} on 429, 5xx, timeouts and
 * I/O errors. When GHL refuses the token as expired or invalid, it asks the {@link TokenProvider} to renew it
 * and, if it did, sends the call once more. The calling thread blocks for the whole call, waits for permits,
 * between attempts and for a token refresh included.
 */
final class GhlTransport {

    private static final Logger LOG = LoggerFactory.getLogger(GhlTransport.class);
    private static final String BEARER = "Bearer ";

    private final GhlClientConfig config;
    private final TokenProvider tokens;
    private final RequestMetrics metrics;
    private final GhlErrors errors;
    private final RateBudgets budgets;
    private final HttpClient http;
    private final Map<Endpoint, Retry> retries = new EnumMap<>(Endpoint.class);

    GhlTransport(final GhlClientConfig config, final TokenProvider tokens, final RequestMetrics metrics,
            final GhlErrors errors, final RateBudgets budgets) {
        this.config = config;
        this.tokens = tokens;
        this.metrics = metrics;
        this.errors = errors;
        this.budgets = budgets;
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        final RetryConfig retryConfig = retryConfig(config);
        for (final Endpoint endpoint : Endpoint.values()) {
            retries.put(endpoint, retry(endpoint, retryConfig));
        }
    }

    /**
     * GHL's final answer to the call, whatever its status: a 2xx, a refusal that is not retried, or the last
     * 429/5xx once {@code maxAttempts} requests were sent.
     *
     * @throws GhlApiException with status 0 when the last attempt got no answer (timeout, I/O error), or when
     *     the thread was interrupted while sending or waiting (the interrupt flag is set again)
     * @throws GhlApiException with status 429 when the location's rate budget gave no permit within
     *     {@code maxWait}
     * @throws GhlAuthException when the token provider has no usable token or cannot renew a refused one
     */
    HttpResponse<byte[]> send(final GhlRequest request, final Priority priority) {
        final HttpResponse<byte[]> response = sendWithRetries(request, priority);
        if (errors.tokenRejected(response) && renewed(request, response)) {
            return sendWithRetries(request, priority);
        }
        return response;
    }

    /** Asks the token provider for a new token after GHL refused the one {@code response} was sent with. */
    private boolean renewed(final GhlRequest request, final HttpResponse<byte[]> response) {
        final String rejected = response.request().headers().firstValue("Authorization")
                .map(value -> value.startsWith(BEARER) ? value.substring(BEARER.length()) : value)
                .orElse("");
        final boolean renewed = tokens.renew(request.locationId(), rejected);
        LOG.info("GHL refused the token endpoint=\"{}\" locationId={} renewed={}{}", request.endpoint().describe(),
                request.locationId(), renewed, renewed ? ", sending the call once more" : "");
        return renewed;
    }

    private HttpResponse<byte[]> sendWithRetries(final GhlRequest request, final Priority priority) {
        final Callable<HttpResponse<byte[]>> attempt = () -> sendOnce(request, priority);
        try {
            return Retry.decorateCallable(retries.get(request.endpoint()), attempt).call();
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            throw failure(request, "interrupted", e);
        } catch (IOException e) {
            final boolean interrupted = Thread.currentThread().isInterrupted();
            throw failure(request, interrupted ? "interrupted" : "no answer after maxAttempts=" + config.maxAttempts()
                    + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected failure of " + request.endpoint().describe(), e);
        }
    }

    private static GhlApiException failure(final GhlRequest request, final String what, final Exception cause) {
        return new GhlApiException(GhlErrors.describe(request.endpoint(), request.locationId(), 0) + ": " + what,
                0, cause);
    }

    private HttpResponse<byte[]> sendOnce(final GhlRequest request, final Priority priority)
            throws IOException, InterruptedException {
        final long granted = budgets.acquire(request.locationId(), priority);
        final HttpRequest httpRequest = request.toHttpRequest(URI.create(config.baseUrl() + request.path()),
                config.requestTimeout(), tokens);
        metrics.sending();
        try {
            final HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            budgets.answered(request.locationId(), granted);
            budgets.observe(request.locationId(), response.statusCode(), response.headers());
            metrics.answered(request.endpoint(), response.statusCode());
            logUnsuccessful(request, response.statusCode());
            return response;
        } catch (IOException e) {
            budgets.answered(request.locationId(), granted);
            metrics.unanswered(request.endpoint());
            LOG.debug("GHL gave no answer endpoint=\"{}\" locationId={} error={}", request.endpoint().describe(),
                    request.locationId(), e.getClass().getSimpleName());
            throw e;
        }
    }

    private static void logUnsuccessful(final GhlRequest request, final int status) {
        if (status / 100 != 2) {
            LOG.debug("GHL answered endpoint=\"{}\" locationId={} status={}", request.endpoint().describe(),
                    request.locationId(), status);
        }
    }

    private static boolean retriable(final HttpResponse<byte[]> response) {
        final int status = response.statusCode();
        return status == 429 || status >= 500;
    }

    private static RetryConfig retryConfig(final GhlClientConfig config) {
        return RetryConfig.<HttpResponse<byte[]>>custom()
                .maxAttempts(config.maxAttempts())
                .retryOnResult(GhlTransport::retriable)
                .retryOnException(IOException.class::isInstance)
                .intervalBiFunction(new RetryDelays(config))
                .failAfterMaxAttempts(false)
                .build();
    }

    private static Retry retry(final Endpoint endpoint, final RetryConfig retryConfig) {
        final Retry retry = Retry.of("ghl " + endpoint.describe(), retryConfig);
        retry.getEventPublisher().onRetry(event -> LOG.debug("GHL retrying endpoint=\"{}\" attempt={} waitMs={}",
                endpoint.describe(), event.getNumberOfRetryAttempts() + 1, event.getWaitInterval().toMillis()));
        return retry;
    }
}
