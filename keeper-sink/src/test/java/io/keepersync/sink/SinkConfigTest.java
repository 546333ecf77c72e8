package io.keepersync.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepersync.schemas.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

    private static final Path DATA = Path.of("data");

    @Test
    void shouldRefuseAnEmptyKeySetUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> SinkConfig.of(DATA, "localhost:9092", Set.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("API key");

        final SinkConfig open = new SinkConfig(DATA, 0, Set.of(), true, Topics.defaults(),
            Map.of("bootstrap.servers", "localhost:9092"), null);

        assertThat(open.apiKeys()).isEmpty();
        assertThat(open.groupId()).isEqualTo("keeper-sink");
    }

    @Test
    void shouldRequireBootstrapServers() {
        assertThatThrownBy(() -> new SinkConfig(DATA, 0, Set.of("k"), false, Topics.defaults(), Map.of(), "g"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void shouldKeepTheStoreUnderTheDataDirectory() {
        final SinkConfig config = SinkConfig.of(DATA, "localhost:9092", Set.of("k"));

        assertThat(config.storeDir()).isEqualTo(DATA.resolve("keeper-store"));
    }

    @Test
    void shouldNeverShowKeysOrSecretsInItsText() {
        final SinkConfig config = new SinkConfig(DATA, 8080, Set.of("secret-api-key"), false, Topics.defaults(),
            Map.of("bootstrap.servers", "broker:9092", "sasl.jaas.config", "password=\"hunter2\""), "group");

        assertThat(config.toString())
            .contains("broker:9092", "sasl.jaas.config", "1 configured")
            .doesNotContain("secret-api-key", "hunter2");
    }
}
