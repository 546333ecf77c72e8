package io.keepersync.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreshnessCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final FreshnessCheck CHECK =
        new FreshnessCheck(Duration.ofHours(2), Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-06-01T10:00:01Z\"", "\"2026-06-01T12:09:59+00:00\"", "1780315200000"})
    void shouldAcceptTimestampsInsideTheWindow(final String timestamp) throws Exception {
        final JsonNode body = JSON.readTree("{\"timestamp\":" + timestamp + "}");

        assertThatCode(() -> CHECK.require(body)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2020-01-01T00:00:00Z\"", "\"2026-06-01T09:59:59Z\"", "\"2026-06-01T12:10:01Z\"",
        "1577836800000"})
    void shouldRefuseTimestampsOutsideTheWindow(final String timestamp) throws Exception {
        final JsonNode body = JSON.readTree("{\"timestamp\":" + timestamp + "}");

        assertThatThrownBy(() -> CHECK.require(body))
            .isInstanceOfSatisfying(RejectedRequest.class, rejection -> {
                assertThat(rejection.status()).isEqualTo(400);
                assertThat(rejection.code()).isEqualTo("stale_webhook");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"timestamp\":null}", "{\"timestamp\":\"yesterday\"}", "{\"timestamp\":{}}"})
    void shouldAcceptBodiesWithoutAReadableTimestamp(final String json) throws Exception {
        final JsonNode body = JSON.readTree(json);

        assertThatCode(() -> CHECK.require(body)).doesNotThrowAnyException();
    }
}
