package io.keepersync.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The GHL example webhook bodies from {@code -Dghl.examples.dir} (set by the parent pom), as raw bytes. */
public final class GhlExamples {

    /**
     * A webhook age limit that lets the recorded examples through: their timestamps lie in early 2026,
     * beyond the default limit of two hours.
     */
    public static final Duration AGE_OF_EXAMPLES = Duration.ofDays(10 * 365);

    private GhlExamples() {
    }

    /** Every {@code webhook-*.json} body, without the headers example. */
    public static List<Path> webhookFiles() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(file -> file.getFileName().toString().matches("webhook-.*\\.json"))
                .filter(file -> !file.getFileName().toString().equals("webhook-request-headers.json"))
                .sorted()
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw bytes of one example file. */
    public static byte[] bytes(final String fileName) {
        return bytes(directory().resolve(fileName));
    }

    public static byte[] bytes(final Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        final String configured = System.getProperty("ghl.examples.dir");
        if (configured == null || !Files.isDirectory(Path.of(configured))) {
            throw new IllegalStateException("set -Dghl.examples.dir to the GHL examples folder, got " + configured);
        }
        return Path.of(configured);
    }
}
