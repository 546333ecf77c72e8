package io.keepersync.ghl.auth;

/** Where one location's bearer token comes from; see {@link io.keepersync.ghl.TokenProvider}. */
interface LocationToken {

    /** The token to send now, refreshing first when it is about to expire; may block. */
    String token();

    /** Makes a token other than {@code rejected} ready; false when this kind of token cannot be renewed. */
    boolean renew(String rejected);

    /** A Private Integration Token: the same value until an operator replaces it. */
    static LocationToken fixed(final String token) {
        return new LocationToken() {
            @Override
            public String token() {
                return token;
            }

            @Override
            public boolean renew(final String rejected) {
                return false;
            }

            @Override
            public String toString() {
                return "LocationToken.fixed(***)";
            }
        };
    }
}
