package io.keepersync.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keepersync.gateway.support.TestKeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private static final TestKeys KEYS = TestKeys.generate();
    private static final byte[] BODY = "{\"type\":\"ContactCreate\", \"id\":\"c1\"}".getBytes(StandardCharsets.UTF_8);

    private final SignatureVerifier verifier = new SignatureVerifier(KEYS.ed25519Public(), KEYS.rsaPublic());

    @Test
    void shouldAcceptAValidEd25519Signature() {
        final String signature = KEYS.signEd25519(BODY);

        final SignatureVerdict verdict = verifier.verify(BODY, signature, null);

        assertThat(verdict).isEqualTo(SignatureVerdict.VALID_ED25519);
    }

    @Test
    void shouldRefuseAnEd25519SignatureOfOtherBytes() {
        final byte[] reserialised = "{\"type\":\"ContactCreate\",\"id\":\"c1\"}".getBytes(StandardCharsets.UTF_8);
        final String signature = KEYS.signEd25519(reserialised);

        final SignatureVerdict verdict = verifier.verify(BODY, signature, null);

        assertThat(verdict).isEqualTo(SignatureVerdict.INVALID_ED25519);
        assertThat(verdict.isValid()).isFalse();
    }

    @Test
    void shouldAcceptAValidRsaSignatureWhenNoEd25519HeaderIsSent() {
        final String signature = KEYS.signRsa(BODY);

        final SignatureVerdict verdict = verifier.verify(BODY, null, signature);

        assertThat(verdict).isEqualTo(SignatureVerdict.VALID_RSA);
    }

    @Test
    void shouldTreatNaAsNoEd25519SignatureAndUseTheRsaHeader() {
        final String signature = KEYS.signRsa(BODY);

        final SignatureVerdict verdict = verifier.verify(BODY, "N/A", signature);

        assertThat(verdict).isEqualTo(SignatureVerdict.VALID_RSA);
    }

    @Test
    void shouldNotFallBackToRsaWhenTheEd25519SignatureIsWrong() {
        final String wrongEd25519 = KEYS.signEd25519("other".getBytes(StandardCharsets.UTF_8));
        final String validRsa = KEYS.signRsa(BODY);

        final SignatureVerdict verdict = verifier.verify(BODY, wrongEd25519, validRsa);

        assertThat(verdict).isEqualTo(SignatureVerdict.INVALID_ED25519);
    }

    @Test
    void shouldReportMissingWhenNeitherHeaderCarriesASignature() {
        assertThat(verifier.verify(BODY, null, null)).isEqualTo(SignatureVerdict.MISSING);
        assertThat(verifier.verify(BODY, "N/A", "N/A")).isEqualTo(SignatureVerdict.MISSING);
        assertThat(verifier.verify(BODY, " ", null)).isEqualTo(SignatureVerdict.MISSING);
    }

    @Test
    void shouldReportMalformedForNonBase64OrWrongLength() {
        assertThat(verifier.verify(BODY, "not base64!", null)).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(verifier.verify(BODY, "AAAA", null)).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(verifier.verify(BODY, null, "%%%")).isEqualTo(SignatureVerdict.MALFORMED);
    }

    @Test
    void shouldRefuseAnRsaSignatureOfTheWrongSize() {
        final SignatureVerdict verdict = verifier.verify(BODY, null, "AAAA");

        assertThat(verdict).isEqualTo(SignatureVerdict.INVALID_RSA);
    }

    @Test
    void shouldRefuseKeysOfTheWrongAlgorithm() {
        assertThatThrownBy(() -> new SignatureVerifier(KEYS.rsaPublic(), KEYS.rsaPublic()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> new SignatureVerifier(KEYS.ed25519Public(), KEYS.ed25519Public()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("RSA");
    }
}
