package dev.hubsim.simulator.fault;

import dev.hubsim.core.error.RegistryErrorCode;

import java.time.Duration;

/**
 * What a fault does to the request it fires on. {@link Respond} answers instead of the route; {@link Latency}
 * waits, then serves normally; the others serve the request and change how its response body reaches the client.
 * Each validates its values; a bad one is an {@link IllegalArgumentException} naming the field.
 */
public sealed interface FaultAction {
    /** The name in JSON ({@code "action":{"type":...}}). */
    String type();

    /**
     * Answers {@code status} with the registry's {@code {"errors":[{"code","message"}]}} body and, when given,
     * {@code Retry-After} (whole seconds). The route does not run.
     */
    record Respond(int status, RegistryErrorCode code, String message, Duration retryAfter) implements FaultAction {
        public Respond {
            if (code == null) {
                throw new IllegalArgumentException("action.code is required: a registry error code such as UNAVAILABLE");
            }
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("action.status must be an HTTP status from 100 to 599, got " + status);
            }
            message = message == null ? code.defaultMessage() : message;
            if (retryAfter != null && (retryAfter.isNegative() || retryAfter.toNanosPart() != 0)) {
                throw new IllegalArgumentException("action.retryAfter must be a whole, non-negative number of seconds");
            }
        }

        @Override
        public String type() {
            return "respond";
        }
    }

    /** Waits {@code delay} (real time), then serves the request normally. */
    record Latency(Duration delay) implements FaultAction {
        public Latency {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("action.delay must be a non-negative ISO-8601 duration such as PT2S");
            }
        }

        @Override
        public String type() {
            return "latency";
        }
    }

    /**
     * Serves the request, then resets the connection (TCP RST) once {@code afterBytes} bytes of the response body
     * went out; with 0 before the status line, when the route has not sent it yet.
     */
    record Reset(long afterBytes) implements FaultAction {
        public Reset {
            requireNonNegative("action.afterBytes", afterBytes);
        }

        @Override
        public String type() {
            return "reset";
        }
    }

    /** Sends the response body at most {@code bytesPerSecond} bytes per second. */
    record Throttle(long bytesPerSecond) implements FaultAction {
        public Throttle {
            if (bytesPerSecond <= 0) {
                throw new IllegalArgumentException("action.bytesPerSecond must be a positive number, got " + bytesPerSecond);
            }
        }

        @Override
        public String type() {
            return "throttle";
        }
    }

    /**
     * Sends the first {@code afterBytes} bytes of the response body and closes the connection, so the client reads a
     * body shorter than its {@code Content-Length}. A shorter body is sent whole.
     */
    record Truncate(long afterBytes) implements FaultAction {
        public Truncate {
            requireNonNegative("action.afterBytes", afterBytes);
        }

        @Override
        public String type() {
            return "truncate";
        }
    }

    /**
     * Flips the bits of the last byte of the response body (the first when the length is unknown): same length,
     * other bytes, so a blob no longer matches its digest. Meant for {@code blob-get} and {@code manifest-get}.
     */
    record DigestMismatch() implements FaultAction {
        @Override
        public String type() {
            return "digest-mismatch";
        }
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be 0 or more, got " + value);
        }
    }
}
