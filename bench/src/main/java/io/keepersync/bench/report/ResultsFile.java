package io.keepersync.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Raw figures as JSON: one file per benchmark in the run's work directory, one for the run beside the report. */
public final class ResultsFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFile() {
    }

    /**
     * What one benchmark JVM wrote.
     *
     * @param benchmark the benchmark's name
     * @param quick whether it ran with the quick settings
     * @param startedAt UTC start time, ISO-8601
     * @param seconds wall-clock time it took
     * @param result its raw figures
     */
    public record BenchmarkRun(String benchmark, boolean quick, String startedAt, double seconds, Object result) {
    }

    /** Writes {@code value} (records, maps, lists, numbers, strings) as indented JSON. */
    public static void write(final Path file, final Object value) {
        try {
            JSON.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a JSON file back as a tree. */
    public static JsonNode read(final Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The shared mapper, for building trees. */
    static ObjectMapper mapper() {
        return JSON;
    }
}
