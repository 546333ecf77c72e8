package io.keepersync.launcher.run;

/** The services one {@code keeper run} process can host. */
public enum Service {
    GATEWAY,
    ENRICH,
    SINK
}
