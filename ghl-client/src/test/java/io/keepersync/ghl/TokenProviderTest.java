package io.keepersync.ghl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TokenProviderTest {

    @Test
    void shouldHandTheFixedTokenToEveryLocationWithoutShowingIt() {
        final TokenProvider tokens = TokenProvider.fixed("pit-0b1d6c3e-secret");

        final String first = tokens.tokenFor("8qN83ajhKeWpYcKzqIp1");
        final String second = tokens.tokenFor("Zz0000000000000000Zz");

        assertThat(first).isEqualTo("pit-0b1d6c3e-secret").isEqualTo(second);
        assertThat(tokens.toString()).doesNotContain("secret");
    }

    @Test
    void shouldRejectBlankToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> TokenProvider.fixed("  "));
    }
}
