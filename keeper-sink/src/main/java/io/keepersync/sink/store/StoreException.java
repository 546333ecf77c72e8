package io.keepersync.sink.store;

/** Thrown when RocksDB refuses a read or a write, or a stored value cannot be decoded. */
public final class StoreException extends RuntimeException {

    StoreException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
