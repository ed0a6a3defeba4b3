package dev.hubsim.simulator.registry;

import dev.hubsim.core.error.RegistryErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one failure type of the registry state: a registry error code, a message, an optional detail, and
 * the headers the answer must carry (e.g. {@code Range} on a 416). The HTTP layer maps it once to the
 * {@code {"errors":[...]}} envelope.
 */
public final class RegistryException extends RuntimeException {
    private final RegistryErrorCode code;
    private final transient Object detail;
    private final int httpStatus;
    private final Map<String, String> headers;

    private RegistryException(RegistryErrorCode code, String message, Object detail, int httpStatus,
                              Map<String, String> headers) {
        super(message, null, false, false);
        this.code = code;
        this.detail = detail;
        this.httpStatus = httpStatus;
        this.headers = Map.copyOf(headers);
    }

    /** An error with the code's default message. */
    public static RegistryException of(RegistryErrorCode code) {
        return new RegistryException(code, code.defaultMessage(), null, code.httpStatus(), Map.of());
    }

    /** An error with a specific message. */
    public static RegistryException of(RegistryErrorCode code, String message) {
        return new RegistryException(code, message, null, code.httpStatus(), Map.of());
    }

    /** An error with a specific message and a detail object serialised as JSON. */
    public static RegistryException of(RegistryErrorCode code, String message, Object detail) {
        return new RegistryException(code, message, detail, code.httpStatus(), Map.of());
    }

    /** The same error answered with another HTTP status (e.g. MANIFEST_INVALID with 413 for an oversized body). */
    public RegistryException withStatus(int status) {
        return new RegistryException(code, getMessage(), detail, status, headers);
    }

    /** The same error with one more response header. */
    public RegistryException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RegistryException(code, getMessage(), detail, httpStatus, more);
    }

    public RegistryErrorCode code() {
        return code;
    }

    public Object detail() {
        return detail;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
