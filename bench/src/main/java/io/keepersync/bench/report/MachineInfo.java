package io.keepersync.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run happened on, read from the JVM and {@code /proc}.
 *
 * @param processors processors available to the JVM
 * @param memoryTotal {@code MemTotal} from {@code /proc/meminfo}
 * @param cpuModel first {@code model name} in {@code /proc/cpuinfo}
 * @param jdk Java runtime name and version
 * @param os operating system name, version and architecture
 * @param loadAverage {@code /proc/loadavg} when read
 */
public record MachineInfo(int processors, String memoryTotal, String cpuModel, String jdk, String os,
                          String loadAverage) {

    /** Reads the machine now. */
    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), procField("/proc/meminfo", "MemTotal"),
            procField("/proc/cpuinfo", "model name"),
            System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version"),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"),
            currentLoadAverage());
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} shows them; "unknown" off Linux. */
    public static String currentLoadAverage() {
        final List<String> lines = readLines("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        final String[] fields = lines.get(0).trim().split("\\s+");
        return fields.length < 3 ? lines.get(0).trim() : fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String procField(final String file, final String name) {
        return readLines(file).stream()
            .filter(line -> line.startsWith(name))
            .map(line -> line.substring(line.indexOf(':') + 1).trim())
            .findFirst()
            .orElse("unknown");
    }

    private static List<String> readLines(final String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
