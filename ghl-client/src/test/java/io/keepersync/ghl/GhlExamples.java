package io.keepersync.ghl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared GHL example payloads ({@code shared/ghl/examples}), found beside the checkout: the nearest
 * ancestor of the working directory that holds them, or the folder named by {@code -Dghl.examples.dir}.
 */
final class GhlExamples {

    private static final Path DIR = locate();

    private GhlExamples() {
    }

    static String read(final String fileName) {
        try {
            return Files.readString(DIR.resolve(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GHL example " + fileName, e);
        }
    }

    private static Path locate() {
        final String configured = System.getProperty("ghl.examples.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            final Path candidate = dir.resolve("shared/ghl/examples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/ghl/examples above " + Path.of("").toAbsolutePath()
                + "; set -Dghl.examples.dir");
    }
}
