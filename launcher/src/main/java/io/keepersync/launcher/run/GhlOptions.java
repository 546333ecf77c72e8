package io.keepersync.launcher.run;

import io.keepersync.ghl.GhlClientConfig;
import picocli.CommandLine.Option;

/** Where GHL is and how to authenticate to it; shared by {@code keeper run} and {@code keeper backfill}. */
public final class GhlOptions {

    @Option(names = "--ghl-api-url", defaultValue = "${env:GHL_API_URL:-" + GhlClientConfig.DEFAULT_BASE_URL + "}",
        description = "GHL REST API root (env GHL_API_URL, default ${DEFAULT-VALUE}).")
    String ghlApiUrl;

    @Option(names = "--ghl-token", defaultValue = "${env:GHL_TOKEN}", arity = "1",
        description = "Bearer token for GHL: a private integration token or an OAuth access token (env GHL_TOKEN).")
    String ghlToken;

    public String apiUrl() {
        return ghlApiUrl;
    }

    public String token() {
        return ghlToken;
    }

    /** Whether a token was given. */
    public boolean hasToken() {
        return ghlToken != null && !ghlToken.isBlank();
    }
}
