package io.keepersync.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a Linux process, read from {@code /proc/<pid>/status}. */
public final class ProcessMemory {

    private static final long KIB = 1024;

    private ProcessMemory() {
    }

    /** Current resident set size (VmRSS) in bytes. */
    public static long rssBytes(final long pid) {
        return field(pid, "VmRSS:");
    }

    /** Highest resident set size so far (VmHWM) in bytes. */
    public static long peakRssBytes(final long pid) {
        return field(pid, "VmHWM:");
    }

    private static long field(final long pid, final String name) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith(name))
                .map(line -> line.substring(name.length()).trim().split("\\s+")[0])
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " line for pid " + pid))
                * KIB;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the status of pid " + pid + "; has it exited?", e);
        }
    }
}
