package io.keepersync.bench.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a benchmark asks of a {@code keeper run} process.
 *
 * @param services the services to run ({@code gateway}, {@code enrich}, {@code sink})
 * @param ghlApiUrl GHL REST root (the simulator's URL); null when enrichment does not run
 * @param ghlToken bearer token for that API; null when enrichment does not run
 * @param ed25519KeyFile PEM file of the key webhooks are signed with
 * @param dataDir a fresh directory for the embedded broker, the enrichment state and the store
 */
public record KeeperLaunch(List<String> services, String ghlApiUrl, String ghlToken, Path ed25519KeyFile,
                           Path dataDir) {

    public KeeperLaunch {
        services = List.copyOf(services);
        Objects.requireNonNull(ed25519KeyFile, "ed25519KeyFile");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The whole pipeline against a GHL stand-in. */
    public static KeeperLaunch everything(final String ghlApiUrl, final String ghlToken, final Path keyFile,
                                          final Path dataDir) {
        return new KeeperLaunch(List.of("gateway", "enrich", "sink"), ghlApiUrl, ghlToken, keyFile, dataDir);
    }

    /** The gateway alone, with its embedded broker. */
    public static KeeperLaunch gatewayOnly(final Path keyFile, final Path dataDir) {
        return new KeeperLaunch(List.of("gateway"), null, null, keyFile, dataDir);
    }

    boolean runs(final String service) {
        return services.contains(service);
    }
}
