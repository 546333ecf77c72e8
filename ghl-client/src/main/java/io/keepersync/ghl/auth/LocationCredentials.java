package io.keepersync.ghl.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.TokenProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of each location, from a credentials file that gives every location either a Private
 * Integration Token or an OAuth installation (format in {@link CredentialsFile}). Hand it to
 * {@link io.keepersync.ghl.HttpGhlApi} as its {@link TokenProvider}.
 *
 * <p>Private Integration Tokens are sent as they are and never renewed. OAuth access tokens are fetched from
 * GHL's token endpoint ({@code baseUrl + /oauth/token}) on first use, kept in memory, and refreshed when less
 * than the refresh margin is left or after GHL refused them, once per location however many threads need it
 * (CONTRACT §2.1, PITFALLS 16). Each refresh token works once, so the new one is saved durably in
 * {@code tokenStateDir} before the new access token is used, and at start a saved refresh token replaces the
 * (spent) one of the credentials file. Processes that share the directory share the refreshes.
 *
 * <p>A location not in the file gets an {@link UnknownLocationException} (no request is sent). {@link #tokenFor}
 * and {@link #renew} block the calling thread during a refresh. Thread-safe. Secrets never appear in logs,
 * exception messages or {@code toString()}.
 */
public final class LocationCredentials implements TokenProvider {

    /** Refresh an OAuth access token when less than this is left (at most half its lifetime). */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(LocationCredentials.class);

    private final Path file;
    private final Map<String, LocationToken> tokens;
    private final List<String> locationIds;

    private LocationCredentials(final Path file, final Map<String, LocationToken> tokens) {
        this.file = file;
        this.tokens = Map.copyOf(tokens);
        this.locationIds = List.copyOf(tokens.keySet());
    }

    /** {@link #load(Path, Path, GhlClientConfig, Duration)} with the default 5-minute refresh margin. */
    public static LocationCredentials load(final Path file, final Path tokenStateDir, final GhlClientConfig config) {
        return load(file, tokenStateDir, config, DEFAULT_REFRESH_MARGIN);
    }

    /**
     * Reads {@code file} and, when it has OAuth locations, the saved token state in {@code tokenStateDir}
     * (created owner-only when missing). Sends nothing to GHL yet.
     *
     * @param tokenStateDir where refreshed OAuth tokens are kept; may be null when the file has no OAuth entry
     * @param config GHL's base URL, request timeout and backoff, used for the token endpoint
     * @param refreshMargin how long before expiry an access token is replaced
     * @throws IllegalArgumentException when the file is not a valid credentials file, or OAuth entries have no
     *     state directory
     * @throws UncheckedIOException when the file cannot be read or the state directory cannot be used
     * @throws IllegalStateException when a saved token state is unreadable
     */
    public static LocationCredentials load(final Path file, final Path tokenStateDir, final GhlClientConfig config,
            final Duration refreshMargin) {
        return load(file, tokenStateDir, config, refreshMargin, Clock.systemUTC());
    }

    static LocationCredentials load(final Path file, final Path tokenStateDir, final GhlClientConfig config,
            final Duration refreshMargin, final Clock clock) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(refreshMargin, "refreshMargin");
        if (refreshMargin.isNegative()) {
            throw new IllegalArgumentException("refreshMargin must not be negative, was " + refreshMargin);
        }
        final ObjectMapper mapper = new ObjectMapper();
        final List<Credential> entries = CredentialsFile.read(file, mapper);
        final boolean oauth = entries.stream().anyMatch(Credential.OAuthClient.class::isInstance);
        if (oauth && tokenStateDir == null) {
            throw new IllegalArgumentException("GHL credentials file " + file
                    + " has OAuth locations, so a token state directory is needed");
        }
        final TokenStateStore store = oauth ? TokenStateStore.open(tokenStateDir, mapper) : null;
        final TokenEndpoint endpoint = oauth ? new TokenEndpoint(config, mapper) : null;
        final Map<String, LocationToken> tokens = new LinkedHashMap<>();
        for (final Credential entry : entries) {
            tokens.put(entry.locationId(), entry instanceof Credential.OAuthClient client
                    ? new OAuthSession(client, endpoint, store, clock, refreshMargin)
                    : LocationToken.fixed(((Credential.PrivateToken) entry).token()));
        }
        LOG.info("GHL credentials loaded file={} locations={} oauthLocations={}", file, tokens.size(),
                entries.stream().filter(Credential.OAuthClient.class::isInstance).count());
        warnIfOthersCanRead(file);
        return new LocationCredentials(file, tokens);
    }

    /** The configured locations, in file order; what a backfill of "all locations" covers. */
    public List<String> locationIds() {
        return locationIds;
    }

    /** Whether the file has credentials for {@code locationId}. */
    public boolean has(final String locationId) {
        return tokens.containsKey(locationId);
    }

    /** The credentials file this was loaded from. */
    public Path file() {
        return file;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnknownLocationException when the file has no entry for the location
     */
    @Override
    public String tokenFor(final String locationId) {
        return of(locationId).token();
    }

    /**
     * {@inheritDoc}
     *
     * <p>False for a Private Integration Token; for an OAuth location, true once a token other than
     * {@code rejectedToken} is ready.
     *
     * @throws UnknownLocationException when the file has no entry for the location
     */
    @Override
    public boolean renew(final String locationId, final String rejectedToken) {
        return of(locationId).renew(rejectedToken);
    }

    @Override
    public String toString() {
        return "LocationCredentials[file=" + file + ", locations=" + tokens.size() + "]";
    }

    private static void warnIfOthersCanRead(final Path file) {
        try {
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("GHL credentials file can be read by other users file={} permissions={}; make it owner-only",
                        file, PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("cannot check permissions of GHL credentials file file={}", file);
        }
    }

    private LocationToken of(final String locationId) {
        final LocationToken token = locationId == null ? null : tokens.get(locationId);
        if (token == null) {
            throw new UnknownLocationException(locationId, file);
        }
        return token;
    }
}
