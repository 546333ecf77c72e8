package io.keepersync.simulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The GHL example payloads from {@code -Dghl.examples.dir} (set by the parent pom for surefire). */
public final class GhlExamples {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GhlExamples() {
    }

    public static JsonNode read(final String fileName) {
        try {
            return MAPPER.readTree(directory().resolve(fileName).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GHL example " + fileName, e);
        }
    }

    /** Field names of a JSON object, in document order. */
    public static List<String> fieldNames(final JsonNode node) {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Path directory() {
        final String configured = System.getProperty("ghl.examples.dir");
        if (configured == null || !Files.isDirectory(Path.of(configured))) {
            throw new IllegalStateException("set -Dghl.examples.dir to the GHL examples folder, got " + configured);
        }
        return Path.of(configured);
    }
}
