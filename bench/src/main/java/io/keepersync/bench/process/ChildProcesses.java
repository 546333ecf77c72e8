package io.keepersync.bench.process;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process a benchmark JVM starts, so that none outlives it: {@link #stop} ends one politely, and a
 * shutdown hook ends whatever is left when the benchmark JVM exits or is told to stop (for example by
 * {@code timeout} in {@code bench/run}).
 */
public final class ChildProcesses {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "bench-child-reaper"));
    }

    private ChildProcesses() {
    }

    /** Starts tracking a process started by this JVM. */
    public static Process track(final Process process) {
        RUNNING.add(process);
        return process;
    }

    /**
     * Asks the process and its descendants to stop (SIGTERM), waits up to 30 s, then kills what is left.
     * Blocks the caller until the process is gone.
     */
    public static void stop(final Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            RUNNING.remove(process);
        }
    }

    private static void stopAll() {
        RUNNING.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }
}
