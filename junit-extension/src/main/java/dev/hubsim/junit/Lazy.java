package dev.hubsim.junit;

import java.util.function.Supplier;

/**
 * A value made on first use, once, thread-safe. The session's client is one: building an HTTP client loads TLS and
 * the trust store, which a class that never injects a client should not wait for.
 */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = factory.get();
        }
        return value;
    }
}
