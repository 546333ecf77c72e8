package io.keepersync.launcher.run;

import io.keepersync.gateway.GatewayConfig;
import io.keepersync.gateway.signature.PublicKeys;
import java.security.PublicKey;

/**
 * The webhook signature settings, read from their files before anything starts, so that a wrong path
 * fails at once instead of after the broker and the other services came up.
 */
record GatewayKeys(PublicKey ed25519, PublicKey rsa, boolean skipCheck) {

    static GatewayKeys load(final PipelineOptions options) {
        return new GatewayKeys(
            options.ed25519KeyFile == null ? null : PublicKeys.fromPemFile(options.ed25519KeyFile),
            options.rsaKeyFile == null ? null : PublicKeys.fromPemFile(options.rsaKeyFile),
            options.skipSignatureCheck);
    }

    GatewayConfig apply(final GatewayConfig defaults) {
        GatewayConfig config = defaults;
        if (ed25519 != null) {
            config = config.withEd25519PublicKey(ed25519);
        }
        if (rsa != null) {
            config = config.withRsaPublicKey(rsa);
        }
        return skipCheck ? config.withSignatureVerificationDisabled() : config;
    }
}
