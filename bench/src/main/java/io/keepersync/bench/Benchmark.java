package io.keepersync.bench;

import java.nio.file.Path;

/** One benchmark, run in a JVM of its own by {@link BenchMain}. */
public interface Benchmark {

    /**
     * Runs the benchmark, blocking until it is done, and returns its raw figures (a record that Jackson
     * writes as JSON). Logs and helper files go to {@code workDir}.
     */
    Object run(Path workDir) throws Exception;
}
