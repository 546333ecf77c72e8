package io.keepersync.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepersync.kafka.SharedTestBroker;
import io.keepersync.launcher.KeeperCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void shouldConvergeWithNoMismatchesAndExitZero() {
        final PrintStream originalOut = System.out;
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final int exitCode;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));

            exitCode = KeeperCommand.commandLine().execute("demo", "--contacts", "30", "--exit",
                "--bootstrap-servers", SharedTestBroker.bootstrapServers(), "--topic-prefix", "demo-test.",
                "--gateway-port", "0", "--api-port", "0", "--timeout", "PT3M");
        } finally {
            System.setOut(originalOut);
        }

        final String output = printed.toString(StandardCharsets.UTF_8);
        originalOut.println(output);
        assertThat(exitCode).isZero();
        assertThat(output).contains("mismatches:               0", "Converged", "per webhook event");
    }
}
