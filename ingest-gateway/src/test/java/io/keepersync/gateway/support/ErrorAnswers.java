package io.keepersync.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

/** The gateway's error answers: a status and a JSON body naming the error and saying what is wrong. */
public final class ErrorAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorAnswers() {
    }

    /** Asserts the answer is a JSON error with this status and code; returns its body for further checks. */
    public static JsonNode assertError(final HttpResponse<String> response, final int status, final String code)
        throws JsonProcessingException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
        final JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").textValue()).isEqualTo(code);
        assertThat(error.get("message").textValue()).isNotBlank();
        return error;
    }
}
