package io.keepersync.ghl.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the per-location credentials file:
 *
 * <pre>{@code
 * {"locations": [
 *   {"locationId": "L1", "privateIntegrationToken": "pit-…"},
 *   {"locationId": "L2", "oauth": {"clientId": "…", "clientSecret": "…", "refreshToken": "…"}}
 * ]}
 * }</pre>
 *
 * <p>Each entry holds exactly one of {@code privateIntegrationToken} and {@code oauth}; a location appears once.
 * Error messages name the file, the entry and the field, never a value: Jackson's own messages may quote the
 * text they choke on, so they are not passed on.
 */
final class CredentialsFile {

    /** Location ids name state files, so they are kept to characters that are safe in a file name. */
    private static final Pattern LOCATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path file;

    private CredentialsFile(final Path file) {
        this.file = file;
    }

    /**
     * The entries of {@code file}, in file order.
     *
     * @throws IllegalArgumentException when the file is not valid JSON of the shape above
     * @throws UncheckedIOException when it cannot be read
     */
    static List<Credential> read(final Path file, final ObjectMapper mapper) {
        return new CredentialsFile(file).entries(parse(file, mapper));
    }

    private static JsonNode parse(final Path file, final ObjectMapper mapper) {
        try {
            return mapper.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            final var at = e.getLocation();
            throw new IllegalArgumentException("GHL credentials file " + file + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GHL credentials file " + file, e);
        }
    }

    private List<Credential> entries(final JsonNode root) {
        final JsonNode locations = root == null ? null : root.get("locations");
        if (locations == null || !locations.isArray()) {
            throw invalid("needs a top-level \"locations\" array");
        }
        final List<Credential> result = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < locations.size(); i++) {
            final Credential credential = entry(locations.get(i), "locations[" + i + "]");
            if (!seen.add(credential.locationId())) {
                throw invalid("lists locationId=" + credential.locationId() + " more than once");
            }
            result.add(credential);
        }
        return List.copyOf(result);
    }

    private Credential entry(final JsonNode node, final String where) {
        if (!node.isObject()) {
            throw invalid(where + " is not an object");
        }
        final String locationId = text(node, "locationId", where);
        if (!LOCATION_ID.matcher(locationId).matches()) {
            throw invalid(where + ".locationId must be 1 to 64 letters, digits, '-' or '_'");
        }
        final String at = where + " (locationId=" + locationId + ")";
        final boolean pit = node.has("privateIntegrationToken");
        final boolean oauth = node.has("oauth");
        if (pit == oauth) {
            throw invalid(at + " needs exactly one of \"privateIntegrationToken\" and \"oauth\"");
        }
        if (pit) {
            return new Credential.PrivateToken(locationId, text(node, "privateIntegrationToken", at));
        }
        final JsonNode client = node.get("oauth");
        if (!client.isObject()) {
            throw invalid(at + ".oauth is not an object");
        }
        return new Credential.OAuthClient(locationId, text(client, "clientId", at + ".oauth"),
                text(client, "clientSecret", at + ".oauth"), text(client, "refreshToken", at + ".oauth"));
    }

    /** A field that must be a non-blank string of header-safe characters (it may end up in a header). */
    private String text(final JsonNode node, final String field, final String where) {
        final JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(where + "." + field + " is missing, blank or not a string");
        }
        final String text = value.asText().strip();
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid(where + "." + field + " has characters other than printable ASCII");
        }
        return text;
    }

    private IllegalArgumentException invalid(final String what) {
        return new IllegalArgumentException("GHL credentials file " + file + ": " + what);
    }
}
