package io.keepersync.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class TruthCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAgreeWhenTheStoreHoldsWhatGhlServesInItsOtherTimeFormats() throws Exception {
        final ObjectNode truth = json("""
            {"contact":{"id":"c1","locationId":"l1","timezone":"America/Chicago","tags":["a"],
                        "customFields":[{"id":"f","value":3}],"dateUpdated":"2026-03-03T11:47:29.512Z"},
             "tasks":[{"id":"t1","title":"Call","completed":false,"dueDate":"2026-03-06T17:00:00.000Z"}],
             "notes":[],
             "events":[{"id":"e1","title":"Demo","startTime":"2026-03-10 10:00:00"}]}""");
        final ObjectNode keeper = json("""
            {"id":"c1","locationId":"l1","timezone":"America/Chicago","tags":["a"],
             "customFields":[{"id":"f","value":3}],"dateUpdated":"2026-03-03T11:47:29.512Z",
             "tasks":[{"id":"t1","title":"Call","completed":false,"dueDate":"2026-03-06T17:00:00.000Z"}],
             "notes":[],
             "appointments":[{"id":"e1","title":"Demo","startTime":"2026-03-10T15:00:00.000Z"}]}""");

        assertThat(TruthCheck.differences(keeper, truth)).isEmpty();
    }

    @Test
    void shouldNameTheFieldsThatDifferButNotTheirValues() throws Exception {
        final ObjectNode truth = json("""
            {"contact":{"id":"c1","email":"new@example.com"},"tasks":[{"id":"t1"}],"notes":[],"events":[]}""");
        final ObjectNode keeper = json("""
            {"id":"c1","email":"old@example.com","tasks":[],"notes":[],"appointments":[]}""");

        assertThat(TruthCheck.differences(keeper, truth)).containsExactly("contact.email", "tasks.ids");
    }

    private static ObjectNode json(final String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }
}
