package io.keepersync.ghl;

/** {@link TokenProvider#fixed(String)}: one token for all locations, kept out of {@code toString()}. */
final class FixedTokenProvider implements TokenProvider {

    private final String token;

    FixedTokenProvider(final String token) {
        this.token = token;
    }

    @Override
    public String tokenFor(final String locationId) {
        return token;
    }

    @Override
    public String toString() {
        return "TokenProvider.fixed(***)";
    }
}
