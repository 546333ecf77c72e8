package io.keepersync.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code keeper run} process: the launcher's {@code keeper.jar} started as the {@code keeper} script starts
 * it ({@code java <KEEPER_JAVA_OPTS> -jar keeper.jar run}), with an embedded broker (any free port), free
 * gateway and API ports and its own data directory, configured through the environment variables the
 * README documents. Its memory is read from {@code /proc}.
 */
public final class KeeperProcess implements AutoCloseable {

    /** The one key the read API accepts. */
    public static final String API_KEY = "bench-api-key";

    private static final Pattern BROKER_READY = Pattern.compile("Embedded Kafka broker ready.*startupMs=(\\d+)");
    private static final Pattern BOOTSTRAP = Pattern.compile("Embedded Kafka broker ready bootstrapServers=(\\S+)");

    private final Process process;
    private final long startedNanos;
    private final KeeperLaunch launch;
    private final int gatewayPort;
    private final int apiPort;
    private final Path log;

    private KeeperProcess(final Process process, final long startedNanos, final KeeperLaunch launch,
                          final int gatewayPort, final int apiPort, final Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.launch = launch;
        this.gatewayPort = gatewayPort;
        this.apiPort = apiPort;
        this.log = log;
    }

    /**
     * Starts {@code keeper run} from {@code jar} with these JVM options as {@code launch} says, with its
     * output in {@code log}. Returns at once.
     */
    public static KeeperProcess start(final Path jar, final String javaOptions, final KeeperLaunch launch,
                                      final Path log) {
        final int gatewayPort = FreePorts.next();
        final int apiPort = FreePorts.next();
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(javaOptions.trim().split("\\s+")).filter(option -> !option.isEmpty()).forEach(command::add);
        command.addAll(List.of("-jar", jar.toString(), "run"));
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(launch.dataDir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        configure(builder.environment(), launch, gatewayPort, apiPort);
        try {
            final long started = System.nanoTime();
            final Process process = ChildProcesses.track(builder.start());
            return new KeeperProcess(process, started, launch, gatewayPort, apiPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    private static void configure(final Map<String, String> env, final KeeperLaunch launch, final int gatewayPort,
                                  final int apiPort) {
        env.keySet().removeIf(name -> name.startsWith("KEEPER_") && !"KEEPER_JAVA_OPTS".equals(name)
            || name.startsWith("GHL_") || "KAFKA_BOOTSTRAP_SERVERS".equals(name));
        env.put("KEEPER_SERVICES", String.join(",", launch.services()));
        env.put("KEEPER_DATA_DIR", launch.dataDir().toString());
        env.put("KEEPER_KAFKA_PORT", "0");
        env.put("KEEPER_GATEWAY_PORT", String.valueOf(gatewayPort));
        env.put("KEEPER_API_PORT", String.valueOf(apiPort));
        env.put("KEEPER_API_KEYS", API_KEY);
        // Measure Keeper Sync, not GHL's budget: the simulator's limit is off, so is the client's pacing.
        env.put("KEEPER_GHL_RATE_LIMIT", "1000000");
        env.put("KEEPER_WEBHOOK_ED25519_KEY", launch.ed25519KeyFile().toString());
        if (launch.ghlApiUrl() != null) {
            env.put("GHL_API_URL", launch.ghlApiUrl());
            env.put("GHL_TOKEN", launch.ghlToken());
        }
    }

    /**
     * Blocks until the gateway's and the read API's {@code /health} (of the services that run) answer 200
     * and returns the time since the process was started.
     */
    public Duration awaitReady(final Duration timeout) {
        final List<URI> probes = new ArrayList<>();
        if (launch.runs("gateway")) {
            probes.add(URI.create(gatewayUrl() + "/health"));
        }
        if (launch.runs("sink")) {
            probes.add(URI.create(apiUrl() + "/health"));
        }
        HealthProbe.await(timeout, process::isAlive, probes.toArray(URI[]::new));
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** {@code http://localhost:<gateway port>}. */
    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    /** {@code http://localhost:<read API port>}. */
    public String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    /** The embedded broker's bootstrap servers, read from the log once the broker is ready. */
    public String bootstrapServers() {
        return find(BOOTSTRAP).orElseThrow(() -> new IllegalStateException("the broker's address is not in " + log));
    }

    /** How long the embedded broker took to start, as it logged; empty when the log does not say. */
    public OptionalLong brokerStartupMillis() {
        return find(BROKER_READY).map(value -> OptionalLong.of(Long.parseLong(value))).orElse(OptionalLong.empty());
    }

    /** Current resident memory of the JVM, in bytes. */
    public long rssBytes() {
        return ProcessMemory.rssBytes(process.pid());
    }

    /** Highest resident memory of the JVM so far, in bytes. */
    public long peakRssBytes() {
        return ProcessMemory.peakRssBytes(process.pid());
    }

    /** Stops the process (SIGTERM, as Ctrl-C would) and waits for it. */
    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    private Optional<String> find(final Pattern pattern) {
        try {
            final Matcher matcher = pattern.matcher(Files.readString(log));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
