package io.keepersync.ghl.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.keepersync.ghl.GhlClientConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the credentials file and routing locations, without GHL. */
class LocationCredentialsTest {

    private static final String PIT = "pit-0b1d6c3e-5a3c-4f08-b6e2-1c7a9f3d5e84";
    private static final String SECRET = "client-secret-do-not-show";
    private static final String REFRESH = "refresh-token-do-not-show";
    private static final GhlClientConfig CONFIG = GhlClientConfig.defaults().withBaseUrl("http://127.0.0.1:9");

    @TempDir
    Path dir;

    @Test
    void shouldListTheLocationsInFileOrderAndHandOutEachPrivateToken() throws IOException {
        final Path file = write("""
                {"locations": [
                  {"locationId": "Zz0000000000000000Zz", "privateIntegrationToken": "%s"},
                  {"locationId": "8qN83ajhKeWpYcKzqIp1", "privateIntegrationToken": "pit-other"}
                ]}""".formatted(PIT));

        final LocationCredentials credentials = LocationCredentials.load(file, null, CONFIG);

        assertThat(credentials.locationIds()).containsExactly("Zz0000000000000000Zz", "8qN83ajhKeWpYcKzqIp1");
        assertThat(credentials.tokenFor("Zz0000000000000000Zz")).isEqualTo(PIT);
        assertThat(credentials.tokenFor("8qN83ajhKeWpYcKzqIp1")).isEqualTo("pit-other");
        assertThat(credentials.renew("Zz0000000000000000Zz", PIT)).isFalse();
        assertThat(credentials.has("8qN83ajhKeWpYcKzqIp1")).isTrue();
        assertThat(credentials.toString()).doesNotContain(PIT);
    }

    @Test
    void shouldRefuseAnUnknownLocationNamingItAndTheFileButNoToken() throws IOException {
        final Path file = write("{\"locations\": [{\"locationId\": \"L1\", \"privateIntegrationToken\": \"" + PIT
                + "\"}]}");
        final LocationCredentials credentials = LocationCredentials.load(file, null, CONFIG);

        final UnknownLocationException unknown = catchThrowableOfType(UnknownLocationException.class,
                () -> credentials.tokenFor("L9"));

        assertThat(unknown.getMessage()).contains("locationId=L9", file.toString()).doesNotContain(PIT);
        assertThat(unknown.retriable()).isFalse();
        assertThat(unknown.status()).isZero();
        assertThat(unknown.locationId()).isEqualTo("L9");
    }

    @Test
    void shouldCreateTheStateDirectoryOwnerOnlyForOAuthLocations() throws IOException {
        final Path file = write(oauthEntry("L2"));
        final Path state = dir.resolve("state");

        final LocationCredentials credentials = LocationCredentials.load(file, state, CONFIG);

        assertThat(credentials.locationIds()).containsExactly("L2");
        assertThat(Files.getPosixFilePermissions(state)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
    }

    @Test
    void shouldNeedAStateDirectoryForOAuthLocations() throws IOException {
        final Path file = write(oauthEntry("L2"));

        assertThatIllegalArgumentException().isThrownBy(() -> LocationCredentials.load(file, null, CONFIG))
                .withMessageContaining("token state directory");
    }

    @Test
    void shouldRefuseBrokenFilesWithoutQuotingSecrets() throws IOException {
        final String both = "{\"locations\": [{\"locationId\": \"L1\", \"privateIntegrationToken\": \"" + PIT
                + "\", \"oauth\": {}}]}";
        final String twice = "{\"locations\": [{\"locationId\": \"L1\", \"privateIntegrationToken\": \"" + PIT
                + "\"}, {\"locationId\": \"L1\", \"privateIntegrationToken\": \"" + PIT + "\"}]}";
        final String noSecret = "{\"locations\": [{\"locationId\": \"L1\", \"oauth\": {\"clientId\": \"c\","
                + " \"refreshToken\": \"" + REFRESH + "\"}}]}";
        final String notJson = "{\"locations\": [{\"locationId\": \"L1\", \"privateIntegrationToken\": " + PIT + "}]}";
        final String badId = "{\"locations\": [{\"locationId\": \"../etc\", \"privateIntegrationToken\": \"x\"}]}";

        assertRefused(both, "exactly one of");
        assertRefused(twice, "more than once");
        assertRefused(noSecret, "oauth.clientSecret");
        assertRefused(notJson, "not valid JSON");
        assertRefused(badId, "locationId must be");
        assertRefused("{}", "\"locations\"");
    }

    private void assertRefused(final String content, final String expected) throws IOException {
        final Path file = write(content);

        final IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class,
                () -> LocationCredentials.load(file, dir.resolve("state"), CONFIG));

        assertThat(refused.getMessage()).contains(expected, file.toString()).doesNotContain(PIT, REFRESH);
        assertThat(refused.getCause()).isNull();
    }

    private static String oauthEntry(final String locationId) {
        return "{\"locations\": [{\"locationId\": \"" + locationId + "\", \"oauth\": {\"clientId\": \"app-1\","
                + " \"clientSecret\": \"" + SECRET + "\", \"refreshToken\": \"" + REFRESH + "\"}}]}";
    }

    private Path write(final String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "credentials", ".json"), content);
    }
}
