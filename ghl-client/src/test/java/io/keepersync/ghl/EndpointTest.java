package io.keepersync.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void shouldEncodeTheSegmentIntoTheTemplate() {
        final String path = Endpoint.CONTACT_NOTES.path("a/b c+ü");

        assertThat(path).isEqualTo("/contacts/a%2Fb%20c%2B%C3%BC/notes");
    }

    @Test
    void shouldSendContactsAndLocationsVersion() {
        final String contacts = Endpoint.CONTACT_APPOINTMENTS.version();
        final String locations = Endpoint.SEARCH_TASKS.version();

        assertThat(contacts).isEqualTo("2021-07-28");
        assertThat(locations).isEqualTo("2021-07-28");
    }

    @Test
    void shouldKeepTemplateWithoutPlaceholder() {
        final String path = Endpoint.SEARCH_CONTACTS.path("");

        assertThat(path).isEqualTo("/contacts/search");
        assertThat(Endpoint.SEARCH_TASKS.path("L1")).isEqualTo("/locations/L1/tasks/search");
    }
}
