package io.keepersync.gateway.signature;

/** Outcome of checking a webhook's signature headers against its raw body. */
public enum SignatureVerdict {

    /** {@code X-GHL-Signature} is a valid Ed25519 signature of the body. */
    VALID_ED25519("ed25519"),
    /** No usable {@code X-GHL-Signature}; {@code X-WH-Signature} is a valid RSA SHA-256 signature. */
    VALID_RSA("rsa"),
    /** Neither header carries a signature (absent, empty or {@code N/A}). */
    MISSING("none"),
    /** The signature header is not base64 or has the wrong length for its algorithm. */
    MALFORMED("unknown"),
    /** The Ed25519 signature does not match the body. */
    INVALID_ED25519("ed25519"),
    /** The RSA signature does not match the body. */
    INVALID_RSA("rsa");

    private final String scheme;

    SignatureVerdict(final String scheme) {
        this.scheme = scheme;
    }

    /** Whether the body may be trusted. */
    public boolean isValid() {
        return this == VALID_ED25519 || this == VALID_RSA;
    }

    /** Short name of the signature scheme that decided the verdict, for logs and metrics. */
    public String scheme() {
        return scheme;
    }
}
