package io.keepersync.launcher.run;

import io.keepersync.ghl.GhlClientConfig;
import io.keepersync.ghl.TokenProvider;
import io.keepersync.ghl.auth.LocationCredentials;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where GHL is and how to authenticate to it; shared by {@code keeper run} and {@code keeper backfill}. */
public final class GhlOptions {

    /** Where refreshed OAuth tokens are kept, below the data directory. */
    static final String TOKEN_STATE_DIR = "ghl-tokens";

    @Option(names = "--ghl-api-url", defaultValue = "${env:GHL_API_URL:-" + GhlClientConfig.DEFAULT_BASE_URL + "}",
        description = "GHL REST API root (env GHL_API_URL, default ${DEFAULT-VALUE}).")
    String ghlApiUrl;

    @Option(names = "--ghl-token", defaultValue = "${env:GHL_TOKEN}", arity = "1",
        description = "Bearer token for GHL used for every location: a private integration token or an OAuth "
            + "access token (env GHL_TOKEN). --ghl-credentials takes precedence.")
    String ghlToken;

    @Option(names = "--ghl-credentials", defaultValue = "${env:KEEPER_GHL_CREDENTIALS}",
        description = "JSON file with each location's credentials: a private integration token, or an OAuth client "
            + "and refresh token (env KEEPER_GHL_CREDENTIALS). Refreshed OAuth tokens are kept in "
            + "<data dir>/" + TOKEN_STATE_DIR + "; processes that share a location must share that directory.")
    Path credentials;

    public String apiUrl() {
        return ghlApiUrl;
    }

    /** Whether a token or a credentials file was given. */
    public boolean hasToken() {
        return credentials != null || ghlToken != null && !ghlToken.isBlank();
    }

    /** Whether the credentials file was given. */
    public boolean hasCredentialsFile() {
        return credentials != null;
    }

    /**
     * Where the client gets each location's token: the credentials file (refreshed tokens in
     * {@code dataDir/ghl-tokens}), else the one token for every location.
     */
    public TokenProvider tokens(final GhlClientConfig config, final Path dataDir) {
        if (credentials != null) {
            return LocationCredentials.load(credentials, dataDir.resolve(TOKEN_STATE_DIR), config);
        }
        return TokenProvider.fixed(ghlToken);
    }
}
