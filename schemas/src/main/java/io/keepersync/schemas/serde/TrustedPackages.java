package io.keepersync.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes outside a trusted list when it decodes; the generated
 * classes of this project are added to that list once per process.
 */
final class TrustedPackages {

    private static final String PROJECT_PACKAGE = "io.keepersync.";
    private static volatile boolean installed;

    private TrustedPackages() {
    }

    static synchronized void allowProjectClasses() {
        if (installed) {
            return;
        }
        final ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
            previous, type -> type.getName().startsWith(PROJECT_PACKAGE)));
        installed = true;
    }
}
