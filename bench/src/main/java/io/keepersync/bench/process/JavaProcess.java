package io.keepersync.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Starts a main class in a JVM of its own, on the benchmark JVM's class path, with its output in a log file. */
public final class JavaProcess {

    private JavaProcess() {
    }

    /**
     * Starts {@code mainClass} with these JVM options (space-separated) and arguments; stdout and stderr go
     * to {@code log}. The process is tracked by {@link ChildProcesses}. Returns at once.
     */
    public static Process start(final String jvmOptions, final String mainClass, final List<String> args,
                                final Path log) {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(jvmOptions.trim().split("\\s+")).filter(option -> !option.isEmpty()).forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        try {
            return ChildProcesses.track(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for " + mainClass, e);
        }
    }
}
