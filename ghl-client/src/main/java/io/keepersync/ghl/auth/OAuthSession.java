package io.keepersync.ghl.auth;

import io.keepersync.ghl.GhlApiException;
import io.keepersync.ghl.GhlAuthException;
import io.keepersync.ghl.auth.TokenStateStore.SavedState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth access token of one location, kept in memory with its expiry and refreshed at GHL's token endpoint
 * when less than the margin is left (at most half its lifetime) or after GHL refused it.
 *
 * <p>A proactive refresh that fails leaves the current token in use until it expires, and is tried again
 * 30 s later at the earliest. One refresh at a time: the first thread that needs a new token refreshes, the others wait for its
 * result (or failure); a thread whose rejected token was already replaced takes the new one. The refresh runs
 * under the location's {@link TokenStateStore#lock lock}; the new refresh token is saved durably before the new
 * access token is handed out. When the state file changed since this process last read or wrote it, another
 * process sharing the directory refreshed: its tokens are taken over instead of spending a refresh token that
 * is no longer valid.
 */
final class OAuthSession implements LocationToken {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthSession.class);
    private static final long RETRY_SECONDS = 30;

    private final Credential.OAuthClient client;
    private final TokenEndpoint endpoint;
    private final TokenStateStore store;
    private final Clock clock;
    private final Duration margin;
    private final String seedFingerprint;
    private final Object guard = new Object();
    /** Guarded by {@link #guard}. */
    private AccessToken current;
    /** Guarded by {@link #guard}. */
    private CompletableFuture<AccessToken> inFlight;
    /** No proactive refresh before this, after one failed; guarded by {@link #guard}. */
    private Instant quietUntil = Instant.MIN;
    /** Touched only by the thread running the refresh; handed over through {@link #guard}. */
    private String refreshToken;
    /** The refresh token this process last read from or wrote to the state file. */
    private String refreshTokenOnDisk;

    OAuthSession(final Credential.OAuthClient client, final TokenEndpoint endpoint, final TokenStateStore store,
            final Clock clock, final Duration margin) {
        this.client = client;
        this.endpoint = endpoint;
        this.store = store;
        this.clock = clock;
        this.margin = margin;
        this.seedFingerprint = TokenStateStore.fingerprint(client.refreshToken());
        this.refreshToken = client.refreshToken();
        store.load(client.locationId()).filter(this::descendsFromCredentials).ifPresent(this::resume);
    }

    @Override
    public String token() {
        final AccessToken seen;
        final Instant quiet;
        synchronized (guard) {
            seen = current;
            quiet = quietUntil;
        }
        final Instant now = clock.instant();
        if (seen != null && (!seen.due(now, margin) || now.isBefore(quiet) && seen.valid(now))) {
            return seen.value();
        }
        try {
            return fresh(seen == null ? null : seen.value()).value();
        } catch (GhlApiException e) {
            if (seen == null || !seen.valid(clock.instant())) {
                throw e;
            }
            LOG.warn("GHL token refresh failed, using the current token until it expires locationId={}"
                    + " expiresAt={} status={}", client.locationId(), seen.expiresAt(), e.status());
            return seen.value();
        }
    }

    @Override
    public boolean renew(final String rejected) {
        fresh(rejected);
        return true;
    }

    @Override
    public String toString() {
        return "OAuthSession[locationId=" + client.locationId() + ", clientId=" + client.clientId() + "]";
    }

    /** A token other than {@code stale} that is not due, refreshing once for every thread that needs one. */
    private AccessToken fresh(final String stale) {
        final CompletableFuture<AccessToken> flight;
        final boolean leader;
        synchronized (guard) {
            if (current != null && !current.value().equals(stale) && !current.due(clock.instant(), margin)) {
                return current;
            }
            leader = inFlight == null;
            if (leader) {
                inFlight = new CompletableFuture<>();
            }
            flight = inFlight;
        }
        if (leader) {
            lead(flight, stale);
        }
        return await(flight);
    }

    private void lead(final CompletableFuture<AccessToken> flight, final String stale) {
        try {
            final AccessToken fresh = refreshUnderLock(stale);
            synchronized (guard) {
                current = fresh;
                inFlight = null;
            }
            flight.complete(fresh);
        } catch (RuntimeException | Error e) {
            synchronized (guard) {
                inFlight = null;
                quietUntil = clock.instant().plusSeconds(RETRY_SECONDS);
            }
            flight.completeExceptionally(e);
        }
    }

    private AccessToken refreshUnderLock(final String stale) {
        try (TokenStateStore.Held held = store.lock(client.locationId())) {
            final Optional<AccessToken> takenOver = takeOverFromDisk(stale);
            if (takenOver.isPresent()) {
                return takenOver.get();
            }
            return refreshAndSave(stale == null ? "first use" : "expiring or refused");
        } catch (IOException e) {
            throw new GhlApiException("GHL token refresh of locationId=" + client.locationId()
                    + " status=0: token state directory failed (" + e.getClass().getSimpleName() + ")", 0, e);
        } catch (IllegalStateException e) {
            throw new GhlAuthException(e.getMessage(), 0);
        }
    }

    /** Another process's newer tokens, when the state file changed since this process last saw it. */
    private Optional<AccessToken> takeOverFromDisk(final String stale) {
        final Optional<SavedState> saved = store.load(client.locationId());
        if (saved.isEmpty() || saved.get().refreshToken().equals(refreshTokenOnDisk)
                || !descendsFromCredentials(saved.get())) {
            return Optional.empty();
        }
        resume(saved.get());
        LOG.info("GHL token state taken over from another process locationId={}", client.locationId());
        synchronized (guard) {
            return Optional.ofNullable(current)
                    .filter(token -> !token.value().equals(stale) && !token.due(clock.instant(), margin));
        }
    }

    private AccessToken refreshAndSave(final String reason) {
        final TokenEndpoint.Grant grant = endpoint.refresh(client, refreshToken);
        final Instant now = clock.instant();
        final AccessToken fresh = new AccessToken(grant.accessToken(), now, now.plus(grant.expiresIn()));
        refreshToken = grant.refreshToken();
        try {
            store.save(new SavedState(client.locationId(), client.clientId(), grant.refreshToken(), fresh.value(),
                    fresh.issuedAt(), fresh.expiresAt(), seedFingerprint));
        } catch (IOException e) {
            LOG.warn("GHL token refreshed but not saved, not using it locationId={} file={} error={}",
                    client.locationId(), store.fileOf(client.locationId()), e.getClass().getSimpleName());
            throw new GhlApiException("GHL token refresh of locationId=" + client.locationId() + " status=0: the"
                    + " new refresh token could not be saved to " + store.fileOf(client.locationId()), 0, e);
        }
        refreshTokenOnDisk = grant.refreshToken();
        LOG.info("GHL access token refreshed locationId={} reason=\"{}\" expiresInS={}", client.locationId(),
                reason, grant.expiresIn().toSeconds());
        return fresh;
    }

    /** Whether a saved state continues the refresh-token chain the credentials file started. */
    private boolean descendsFromCredentials(final SavedState saved) {
        final boolean same = saved.seedFingerprint().equals(seedFingerprint)
                && saved.clientId().equals(client.clientId());
        if (!same) {
            LOG.info("GHL credentials file has a new refresh token, saved token state not used locationId={}",
                    client.locationId());
        }
        return same;
    }

    private void resume(final SavedState saved) {
        refreshToken = saved.refreshToken();
        refreshTokenOnDisk = saved.refreshToken();
        if (saved.accessToken() != null) {
            synchronized (guard) {
                current = new AccessToken(saved.accessToken(), saved.accessIssuedAt(), saved.accessExpiresAt());
            }
        }
    }

    private static AccessToken await(final CompletableFuture<AccessToken> flight) {
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GhlApiException("interrupted while waiting for a GHL token refresh", 0, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("unexpected failure of a GHL token refresh", e.getCause());
        }
    }

    /** An access token and its lifetime; {@code toString()} hides the value. */
    private record AccessToken(String value, Instant issuedAt, Instant expiresAt) {

        /** Whether it has not expired yet. */
        boolean valid(final Instant now) {
            return now.isBefore(expiresAt);
        }

        /** Whether less than the margin, or half the lifetime when that is shorter, is left. */
        boolean due(final Instant now, final Duration margin) {
            final Duration half = Duration.between(issuedAt, expiresAt).dividedBy(2);
            final Duration lead = margin.compareTo(half) < 0 ? margin : half;
            return !now.isBefore(expiresAt.minus(lead));
        }

        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + ", value=***]";
        }
    }
}
