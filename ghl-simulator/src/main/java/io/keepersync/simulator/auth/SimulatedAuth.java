package io.keepersync.simulator.auth;

import io.keepersync.simulator.auth.TokenCheck.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The tokens the simulated GHL accepts (CONTRACT §2): the configured default token for every location,
 * Private Integration Tokens ({@code pit-<uuid>}) bound to one location, and OAuth access tokens a client gets
 * from {@code POST /oauth/token} by trading a single-use refresh token. Access tokens expire after the
 * configured lifetime, after a token-TTL fault's shorter one, or at once through {@link #expireAccessTokens}.
 *
 * <p>Counts refreshes and attempts to reuse a spent refresh token, per location. Tokens are random, not
 * seeded, so issuing them does not change the simulated data. Thread-safe.
 */
public final class SimulatedAuth {

    /** The {@code scope} of every OAuth grant: what Keeper Sync reads (CONTRACT §2.2). */
    public static final String SCOPE = "contacts.readonly contacts.write calendars/events.readonly"
            + " locations/tasks.readonly";

    private static final String BEARER = "Bearer ";
    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            .toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] defaultAuthorization;
    private final Duration lifetime;
    private final String appId;
    /** The app's OAuth client, made on first use so that in-process simulators stay cheap to build. */
    private Client client;
    private final LongSupplier nanoClock;
    private final Map<String, String> privateTokens = new ConcurrentHashMap<>();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Install> installs = new ConcurrentHashMap<>();
    private final Map<String, Long> expiredUpTo = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refreshes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> reuses = new ConcurrentHashMap<>();

    /**
     * @param defaultToken        accepted for every location, never expires
     * @param accessTokenLifetime how long OAuth access tokens live, reported as {@code expires_in}
     * @param appId               the marketplace app's id; the OAuth client id starts with it
     */
    public SimulatedAuth(final String defaultToken, final Duration accessTokenLifetime, final String appId) {
        this(defaultToken, accessTokenLifetime, appId, System::nanoTime);
    }

    SimulatedAuth(final String defaultToken, final Duration accessTokenLifetime, final String appId,
                  final LongSupplier nanoClock) {
        this.defaultAuthorization = (BEARER + defaultToken).getBytes(StandardCharsets.UTF_8);
        this.lifetime = Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        this.appId = Objects.requireNonNull(appId, "appId");
        this.nanoClock = nanoClock;
    }

    /** A new Private Integration Token ({@code pit-<uuid>}) accepted for {@code locationId} only. */
    public String issuePrivateToken(final String locationId) {
        final String token = "pit-" + UUID.randomUUID();
        privateTokens.put(token, Objects.requireNonNull(locationId, "locationId"));
        return token;
    }

    /**
     * Installs the simulated marketplace app on {@code locationId}: the app's client id and secret (the same for
     * every location) and a fresh refresh token for the location.
     */
    public OAuthInstallation registerOAuthInstallation(final String locationId) {
        Objects.requireNonNull(locationId, "locationId");
        installs.computeIfAbsent(locationId, id -> new Install(text(20), text(20), hex(24)));
        final String refreshToken = newRefreshToken(locationId);
        return new OAuthInstallation(locationId, client().id(), client().secret(), refreshToken);
    }

    /** Makes every OAuth access token issued so far for {@code locationId} expired; later ones are not. */
    public void expireAccessTokens(final String locationId) {
        expiredUpTo.put(Objects.requireNonNull(locationId, "locationId"), nanoClock.getAsLong());
    }

    /** Successful refreshes at {@code POST /oauth/token} for {@code locationId}. */
    public long refreshCount(final String locationId) {
        return count(refreshes, locationId);
    }

    /** Successful refreshes at {@code POST /oauth/token} for every location. */
    public long refreshCount() {
        return refreshes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Refresh attempts of {@code locationId} with a refresh token that had already been used (and refused). */
    public long refreshReuseCount(final String locationId) {
        return count(reuses, locationId);
    }

    /** Refresh attempts of every location with a spent refresh token. */
    public long refreshReuseCount() {
        return reuses.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The location an {@code Authorization} header's token is bound to; empty for the default or unknown tokens. */
    public Optional<String> boundLocation(final String authorization) {
        final String token = bearerToken(authorization);
        if (token == null) {
            return Optional.empty();
        }
        final Issued issued = accessTokens.get(token);
        return issued != null ? Optional.of(issued.locationId()) : Optional.ofNullable(privateTokens.get(token));
    }

    /**
     * Whether the {@code Authorization} header may call for {@code namedLocation} (the location the request
     * names, when it names one that exists).
     *
     * @param ttlOf a shorter access-token lifetime imposed on a location (token-TTL fault), if any
     */
    public TokenCheck check(final String authorization, final Optional<String> namedLocation,
                            final Function<String, Optional<Duration>> ttlOf) {
        final byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(given, defaultAuthorization)) {
            return new TokenCheck(Outcome.ACCEPTED, Optional.empty());
        }
        final String token = bearerToken(authorization);
        final Issued issued = token == null ? null : accessTokens.get(token);
        final String bound = issued != null ? issued.locationId() : token == null ? null : privateTokens.get(token);
        if (bound == null) {
            return new TokenCheck(Outcome.INVALID, Optional.empty());
        }
        if (issued != null && expired(issued, ttlOf.apply(bound).orElse(lifetime))) {
            return new TokenCheck(Outcome.EXPIRED, Optional.of(bound));
        }
        final boolean elsewhere = namedLocation.isPresent() && !namedLocation.get().equals(bound);
        return new TokenCheck(elsewhere ? Outcome.WRONG_LOCATION : Outcome.ACCEPTED, Optional.of(bound));
    }

    /**
     * The {@code refresh_token} grant: spends {@code refreshToken} and issues a new access token and a new
     * refresh token for its location.
     *
     * @throws OAuthRefusal for a wrong client id or secret, or a refresh token that is unknown or spent
     */
    public TokenGrant refresh(final String clientId, final String secret, final String refreshToken) {
        if (!same(clientId, client().id()) || !same(secret, client().secret())) {
            throw OAuthRefusal.invalidClient();
        }
        final String locationId = spend(refreshToken);
        final String accessToken = "sim-oauth-" + UUID.randomUUID();
        accessTokens.put(accessToken, new Issued(locationId, nanoClock.getAsLong()));
        final String next = newRefreshToken(locationId);
        refreshes.computeIfAbsent(locationId, id -> new LongAdder()).increment();
        final Install install = installs.get(locationId);
        return new TokenGrant(accessToken, lifetime.toSeconds(), next, SCOPE, locationId, install.companyId(),
                install.userId(), install.planId());
    }

    /** Marks the refresh token used and returns its location; a second use is counted and refused. */
    private synchronized String spend(final String refreshToken) {
        final Refresh known = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (known == null) {
            throw OAuthRefusal.invalidGrant("Invalid grant: refresh token is invalid");
        }
        refreshTokens.put(refreshToken, known.spent());
        if (known.used()) {
            reuses.computeIfAbsent(known.locationId(), id -> new LongAdder()).increment();
            throw OAuthRefusal.invalidGrant("Invalid grant: refresh token has already been used");
        }
        return known.locationId();
    }

    private boolean expired(final Issued issued, final Duration ttl) {
        final long now = nanoClock.getAsLong();
        final Long cutoff = expiredUpTo.get(issued.locationId());
        return now - issued.atNanos() >= ttl.toNanos() || cutoff != null && issued.atNanos() <= cutoff;
    }

    private String newRefreshToken(final String locationId) {
        final String token = "sim-refresh-" + UUID.randomUUID();
        refreshTokens.put(token, new Refresh(locationId, false));
        return token;
    }

    private static String bearerToken(final String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return null;
        }
        final String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }

    private static boolean same(final String given, final String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static long count(final Map<String, LongAdder> counts, final String locationId) {
        final LongAdder count = counts.get(locationId);
        return count == null ? 0 : count.sum();
    }

    private synchronized Client client() {
        if (client == null) {
            client = new Client(appId + "-" + text(8).toLowerCase(Locale.ROOT), UUID.randomUUID().toString());
        }
        return client;
    }

    private static String text(final int length) {
        final StringBuilder result = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            result.append(ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)]);
        }
        return result.toString();
    }

    private static String hex(final int length) {
        final byte[] bytes = new byte[length / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An access token's location and when it was issued. */
    private record Issued(String locationId, long atNanos) {
    }

    /** A refresh token's location and whether it was used. */
    private record Refresh(String locationId, boolean used) {

        Refresh spent() {
            return new Refresh(locationId, true);
        }
    }

    /** The marketplace app's OAuth client credentials. */
    private record Client(String id, String secret) {
    }

    /** The ids GHL reports with a location's tokens. */
    private record Install(String companyId, String userId, String planId) {
    }
}
