package io.keepersync.launcher.run;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a process keeps its data; shared by {@code keeper run}, {@code demo} and {@code sink rebuild}. */
public final class DataDirOption {

    @Option(names = "--data-dir", defaultValue = "${env:KEEPER_DATA_DIR:-keeper-data}",
        description = "Where the embedded broker, the enrichment state and the Keeper store live "
            + "(env KEEPER_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    public Path dataDir() {
        return dataDir;
    }

    /** Used by the demo, which picks its own data directory. */
    public void useDataDir(final Path dir) {
        this.dataDir = dir;
    }
}
