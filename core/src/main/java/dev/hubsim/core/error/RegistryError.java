package dev.hubsim.core.error;

import java.util.Optional;

/**
 * One entry of a registry error body {@code {"errors":[{"code","message","detail"}]}}.
 *
 * @param code    the code as sent, e.g. {@code MANIFEST_UNKNOWN}
 * @param message the registry's message, possibly empty
 * @param detail  the {@code detail} value as compact JSON, or empty
 */
public record RegistryError(String code, String message, String detail) {

    public RegistryError {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
        detail = detail == null ? "" : detail;
    }

    /** The code as an enum constant, when it is one the spec or distribution defines. */
    public Optional<RegistryErrorCode> knownCode() {
        return RegistryErrorCode.byName(code);
    }

    @Override
    public String toString() {
        return message.isEmpty() ? code : code + " (" + message + ")";
    }
}
