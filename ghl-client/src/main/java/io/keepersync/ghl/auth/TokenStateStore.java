package io.keepersync.ghl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth token state of each location in its own file, {@code <dir>/<locationId>.json}, readable by the
 * owner only. A save is durable before it returns: temp file, fsync, atomic rename, fsync of the directory.
 * Because GHL's refresh tokens work once, the refresh token in here is the only valid one after a refresh.
 *
 * <p>{@link #lock} serialises refreshes of one location across threads and processes sharing the directory
 * (a {@link FileLock} on {@code <locationId>.lock}, plus an in-JVM lock, since file locks are per process).
 */
final class TokenStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(TokenStateStore.class);
    private static final Map<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path dir;
    private final ObjectMapper mapper;
    private final boolean posix;

    private TokenStateStore(final Path dir, final ObjectMapper mapper) {
        this.dir = dir.toAbsolutePath().normalize();
        this.mapper = mapper;
        this.posix = this.dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * The store in {@code dir}, created owner-only when missing.
     *
     * @throws UncheckedIOException when the directory cannot be created or is not writable
     */
    static TokenStateStore open(final Path dir, final ObjectMapper mapper) {
        final TokenStateStore store = new TokenStateStore(dir, mapper);
        try {
            if (!Files.isDirectory(store.dir)) {
                Files.createDirectories(store.dir, store.ownerOnly("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create GHL token state directory " + store.dir, e);
        }
        if (!Files.isWritable(store.dir)) {
            throw new UncheckedIOException(new IOException("GHL token state directory " + store.dir
                    + " is not writable; refreshed tokens could not be kept"));
        }
        return store;
    }

    /** One location's saved state; {@code accessToken} and its instants are null when none was saved. */
    record SavedState(String locationId, String clientId, String refreshToken, String accessToken,
            Instant accessIssuedAt, Instant accessExpiresAt, String seedFingerprint) {

        @Override
        public String toString() {
            return "SavedState[locationId=" + locationId + ", accessExpiresAt=" + accessExpiresAt + ", tokens=***]";
        }
    }

    /** A held refresh lock of one location. */
    interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * The saved state of {@code locationId}, empty when there is none.
     *
     * @throws IllegalStateException when the file exists but cannot be read or understood
     */
    Optional<SavedState> load(final String locationId) {
        final Path file = fileOf(locationId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(locationId, mapper.readTree(Files.readAllBytes(file))));
        } catch (IOException | DateTimeParseException e) {
            throw unreadable(file, e.getClass().getSimpleName());
        }
    }

    /** Writes {@code state} durably, replacing the location's previous state in one atomic step. */
    void save(final SavedState state) throws IOException {
        final byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(json(state));
        final Path temp = Files.createTempFile(dir, "." + state.locationId() + "-", ".tmp", ownerOnly("rw-------"));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                final ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, fileOf(state.locationId()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory();
    }

    /** Blocks until this thread holds the location's refresh lock, across threads and processes. */
    Held lock(final String locationId) throws IOException {
        final Path lockFile = dir.resolve(locationId + ".lock");
        final ReentrantLock inProcess = PROCESS_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        inProcess.lock();
        try {
            final FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), ownerOnly("rw-------"));
            final FileLock fileLock = lockOrClose(channel);
            return () -> {
                try {
                    fileLock.release();
                    channel.close();
                } finally {
                    inProcess.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    /** Where the location's state lives. */
    Path fileOf(final String locationId) {
        return dir.resolve(locationId + ".json");
    }

    /** SHA-256 of a refresh token, to tell whether the credentials file got a new one since a state was saved. */
    static String fingerprint(final String refreshToken) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static FileLock lockOrClose(final FileChannel channel) throws IOException {
        try {
            return channel.lock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private SavedState parse(final String locationId, final JsonNode node) {
        final String refreshToken = node.path("refreshToken").asText("");
        if (!locationId.equals(node.path("locationId").asText()) || refreshToken.isBlank()) {
            throw unreadable(fileOf(locationId), "no refreshToken for this location");
        }
        final String accessToken = node.path("accessToken").asText("");
        final boolean hasAccess = !accessToken.isBlank() && node.hasNonNull("accessExpiresAt")
                && node.hasNonNull("accessIssuedAt");
        return new SavedState(locationId, node.path("clientId").asText(""), refreshToken,
                hasAccess ? accessToken : null,
                hasAccess ? Instant.parse(node.get("accessIssuedAt").asText()) : null,
                hasAccess ? Instant.parse(node.get("accessExpiresAt").asText()) : null,
                node.path("seedFingerprint").asText(""));
    }

    private ObjectNode json(final SavedState state) {
        final ObjectNode node = mapper.createObjectNode()
                .put("locationId", state.locationId())
                .put("clientId", state.clientId())
                .put("refreshToken", state.refreshToken())
                .put("seedFingerprint", state.seedFingerprint())
                .put("savedAt", Instant.now().toString());
        if (state.accessToken() != null) {
            node.put("accessToken", state.accessToken())
                    .put("accessIssuedAt", state.accessIssuedAt().toString())
                    .put("accessExpiresAt", state.accessExpiresAt().toString());
        }
        return node;
    }

    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync GHL token state directory dir={} error={}", dir, e.getClass().getSimpleName());
        }
    }

    private FileAttribute<?>[] ownerOnly(final String permissions) {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }

    private static IllegalStateException unreadable(final Path file, final String why) {
        return new IllegalStateException("GHL token state file " + file + " cannot be used (" + why + "); it may"
                + " hold the only valid refresh token of the location: repair it, or remove it and put a fresh"
                + " refresh token in the credentials file");
    }
}
