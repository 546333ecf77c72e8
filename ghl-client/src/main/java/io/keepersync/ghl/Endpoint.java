package io.keepersync.ghl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The GHL endpoints {@link HttpGhlApi} calls, each with its method, path template (also the metric tag)
 * and the {@code Version} header value GHL's spec declares for its app (CONTRACT §1). The contacts app,
 * contact appointments included, and the locations app both use {@code 2021-07-28}.
 */
enum Endpoint {

    CONTACT("GET", "/contacts/{id}", Endpoint.CONTACTS_VERSION),
    CONTACT_TASKS("GET", "/contacts/{id}/tasks", Endpoint.CONTACTS_VERSION),
    CONTACT_NOTES("GET", "/contacts/{id}/notes", Endpoint.CONTACTS_VERSION),
    CONTACT_APPOINTMENTS("GET", "/contacts/{id}/appointments", Endpoint.CONTACTS_VERSION),
    SEARCH_CONTACTS("POST", "/contacts/search", Endpoint.CONTACTS_VERSION),
    SEARCH_TASKS("POST", "/locations/{locationId}/tasks/search", Endpoint.LOCATIONS_VERSION);

    static final String CONTACTS_VERSION = "2021-07-28";
    static final String LOCATIONS_VERSION = "2021-07-28";

    private final String method;
    private final String template;
    private final String version;

    Endpoint(final String method, final String template, final String version) {
        this.method = method;
        this.template = template;
        this.version = version;
    }

    String method() {
        return method;
    }

    String template() {
        return template;
    }

    String version() {
        return version;
    }

    /** The path with the template's one placeholder replaced by the URL-encoded {@code segment}. */
    String path(final String segment) {
        final int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        final int close = template.indexOf('}', open);
        return template.substring(0, open) + encode(segment) + template.substring(close + 1);
    }

    /** {@code "GET /contacts/{id}"}: how exception messages and logs name the call. */
    String describe() {
        return method + " " + template;
    }

    private static String encode(final String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
