package io.keepersync.bench.signature;

import io.keepersync.gateway.signature.PublicKeys;
import io.keepersync.gateway.signature.SignatureVerdict;
import io.keepersync.gateway.signature.SignatureVerifier;
import io.keepersync.simulator.webhook.WebhookSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH micro-benchmarks of the gateway's signature check alone ({@link SignatureVerifier#verify}) over the
 * {@code webhook-ContactUpdate.json} example: Ed25519 ({@code X-GHL-Signature}) and RSA-SHA256 with a
 * 4096-bit key, the size of GHL's legacy key ({@code X-WH-Signature}). One thread, so the score is per core.
 * Not final: JMH generates subclasses of state classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureChecks {

    /** System property naming the example file; set by {@link SignatureBenchmark} for the forked JVM. */
    public static final String BODY_PROPERTY = "bench.signatureBody";
    /** Size of GHL's legacy RSA key. */
    public static final int RSA_KEY_BITS = 4096;

    private byte[] body;
    private String ed25519Header;
    private String rsaHeader;
    private SignatureVerifier verifier;

    /** Signs the body with a fresh key of each kind and checks that both signatures verify. */
    @Setup(Level.Trial)
    public void signBody() throws Exception {
        body = Files.readAllBytes(Path.of(System.getProperty(BODY_PROPERTY)));
        final WebhookSigner ed25519 = WebhookSigner.forSeed(1);
        ed25519Header = ed25519.sign(body);
        final KeyPair rsa = rsaKeyPair();
        rsaHeader = signRsa(rsa, body);
        verifier = new SignatureVerifier(PublicKeys.fromPem(ed25519.publicKeyPem()), rsa.getPublic());
        requireVerdict(ed25519(), SignatureVerdict.VALID_ED25519);
        requireVerdict(rsa(), SignatureVerdict.VALID_RSA);
    }

    /** One {@code X-GHL-Signature} check. */
    @Benchmark
    public SignatureVerdict ed25519() {
        return verifier.verify(body, ed25519Header, null);
    }

    /** One {@code X-WH-Signature} check. */
    @Benchmark
    public SignatureVerdict rsa() {
        return verifier.verify(body, null, rsaHeader);
    }

    private static KeyPair rsaKeyPair() throws GeneralSecurityException {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(RSA_KEY_BITS);
        return generator.generateKeyPair();
    }

    private static String signRsa(final KeyPair pair, final byte[] bytes) throws GeneralSecurityException {
        final Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(bytes);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static void requireVerdict(final SignatureVerdict actual, final SignatureVerdict expected) {
        if (actual != expected) {
            throw new IllegalStateException("the benchmark's signature does not verify: " + actual);
        }
    }
}
