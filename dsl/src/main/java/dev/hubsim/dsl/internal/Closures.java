package dev.hubsim.dsl.internal;

import groovy.lang.Closure;
import java.util.Objects;

/**
 * Runs a block against a fresh delegate, as Gradle's {@code ConfigureUtil} does: the caller's closure is cloned (never
 * changed), resolves names on the delegate first, and gets the delegate as its parameter too.
 */
public final class Closures {
    private Closures() {
    }

    /** Calls {@code block} with {@code delegate} as its delegate ({@code DELEGATE_FIRST}); returns the delegate. */
    public static <T> T configure(Closure<?> block, T delegate) {
        Objects.requireNonNull(block, "block");
        Closure<?> copy = (Closure<?>) block.clone();
        copy.setResolveStrategy(Closure.DELEGATE_FIRST);
        copy.setDelegate(delegate);
        if (copy.getMaximumNumberOfParameters() == 0) {
            copy.call();
        } else {
            copy.call(delegate);
        }
        return delegate;
    }
}
