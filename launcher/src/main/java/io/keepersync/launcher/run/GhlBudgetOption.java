package io.keepersync.launcher.run;

import picocli.CommandLine.Option;

/** The GHL request budget a process allows itself; shared by {@code run}, {@code demo} and {@code backfill}. */
public final class GhlBudgetOption {

    @Option(names = "--ghl-rate-limit", defaultValue = "${env:KEEPER_GHL_RATE_LIMIT:-100}",
        description = "GHL requests per 10 s and location this process allows itself, lowered further by what GHL's "
            + "X-RateLimit headers say (env KEEPER_GHL_RATE_LIMIT, default ${DEFAULT-VALUE}: GHL's burst limit).")
    int ghlRateLimit;

    /** GHL requests per 10 s and location. */
    public int requestsPer10s() {
        return ghlRateLimit;
    }
}
