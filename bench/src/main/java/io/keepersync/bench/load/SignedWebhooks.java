package io.keepersync.bench.load;

import io.keepersync.simulator.webhook.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Signed GHL webhooks made from the example payloads ({@code fixtures/ghl-examples/webhook-*.json}): each
 * variant is one example byte for byte, but with a webhook id of its own and, as GHL stamps a delivery when
 * it sends it, the current time as {@code timestamp}; it carries {@code X-GHL-Signature} over exactly those
 * bytes. Signing happens once, up front, so the load generator only sends; the gateway accepts timestamps
 * for a while (two hours by default), much longer than a benchmark runs.
 */
public final class SignedWebhooks {

    private static final Pattern WEBHOOK_ID = Pattern.compile("(\"webhookId\"\\s*:\\s*\")([^\"]+)(\")");
    private static final Pattern TIMESTAMP = Pattern.compile("(\"timestamp\"\\s*:\\s*\")([^\"]+)(\")");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final String HEADERS_EXAMPLE = "webhook-request-headers.json";

    private final List<Signed> variants;

    private SignedWebhooks(final List<Signed> variants) {
        this.variants = List.copyOf(variants);
    }

    /** One signed body. */
    public record Signed(String type, byte[] body, String signature) {
    }

    /** {@code count} variants, cycling through the examples in name order. */
    public static SignedWebhooks fromExamples(final Path examplesDir, final WebhookSigner signer, final int count) {
        final List<String> examples = readExamples(examplesDir);
        final String now = GhlTimestamps.now();
        final List<Signed> variants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final String body = replaceFirst(TIMESTAMP, withWebhookId(examples.get(i % examples.size()), i), now);
            final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            variants.add(new Signed(typeOf(body), bytes, signer.sign(bytes)));
        }
        return new SignedWebhooks(variants);
    }

    /** The signed bodies, in the order they should be sent. */
    public List<Signed> variants() {
        return variants;
    }

    /** Mean body size in bytes. */
    public double meanBodyBytes() {
        return variants.stream().mapToInt(signed -> signed.body().length).average().orElse(0);
    }

    /** How many examples the variants come from. */
    public long exampleCount() {
        return variants.stream().map(Signed::type).distinct().count();
    }

    private static List<String> readExamples(final Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            final List<Path> examples = files
                .filter(file -> file.getFileName().toString().startsWith("webhook-"))
                .filter(file -> file.getFileName().toString().endsWith(".json"))
                .filter(file -> !HEADERS_EXAMPLE.equals(file.getFileName().toString()))
                .sorted()
                .toList();
            if (examples.isEmpty()) {
                throw new IllegalStateException("no webhook-*.json examples in " + dir);
            }
            final List<String> bodies = new ArrayList<>();
            for (final Path example : examples) {
                bodies.add(Files.readString(example, StandardCharsets.UTF_8));
            }
            return bodies;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the webhook examples in " + dir, e);
        }
    }

    private static String withWebhookId(final String body, final int variant) {
        final String id = UUID.nameUUIDFromBytes(("bench-webhook-" + variant).getBytes(StandardCharsets.UTF_8))
            .toString();
        return replaceFirst(WEBHOOK_ID, body, id);
    }

    private static String replaceFirst(final Pattern field, final String body, final String value) {
        final Matcher matcher = field.matcher(body);
        return matcher.find() ? matcher.replaceFirst("$1" + Matcher.quoteReplacement(value) + "$3") : body;
    }

    private static String typeOf(final String body) {
        final Matcher matcher = TYPE.matcher(body);
        return matcher.find() ? matcher.group(1) : "unknown";
    }
}
