package io.keepersync.launcher.demo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets Ctrl-C end the demo cleanly: the signal releases {@link #awaitSignal()}, and the JVM then waits
 * (up to 30 s) until the demo has closed its services and removed its files.
 */
final class Shutdown {

    private static final CountDownLatch SIGNALLED = new CountDownLatch(1);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private Shutdown() {
        this.hook = new Thread(this::stopAndWait, "keeper-demo-shutdown");
    }

    static Shutdown onSignal() {
        final Shutdown shutdown = new Shutdown();
        Runtime.getRuntime().addShutdownHook(shutdown.hook);
        return shutdown;
    }

    /** Blocks until the JVM is asked to stop. */
    static void awaitSignal() throws InterruptedException {
        SIGNALLED.await();
    }

    /** The demo has cleaned up; the JVM may exit. */
    void done() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running: it is waiting for exactly this.
        }
    }

    private void stopAndWait() {
        SIGNALLED.countDown();
        try {
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
