package dev.hubsim.core.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.error.CircuitOpenException;
import dev.hubsim.core.error.RateLimitException;
import dev.hubsim.core.error.RegistryErrorCode;
import java.io.IOException;
import java.util.Locale;
import okhttp3.Response;

/**
 * The {@code code} tag of a failed request: the first registry error code of the body when it is one the spec
 * defines (so the tag's values stay few), else {@code HTTP_<status>}; for a failure without an answer, what kind it
 * was.
 */
final class ErrorCodes {
    private static final long BODY_LIMIT = 16 * 1024;

    private ErrorCodes() {
    }

    static String of(Response response, ObjectMapper json) {
        try {
            JsonNode errors = json.readTree(response.peekBody(BODY_LIMIT).string()).path("errors");
            String code = errors.path(0).path("code").asText("");
            if (RegistryErrorCode.byName(code).isPresent()) {
                return code;
            }
        } catch (IOException | RuntimeException e) {
            // not a registry error body
        }
        return "HTTP_" + response.code();
    }

    static String of(Throwable failure) {
        if (failure instanceof IOException) {
            return "IO_ERROR";
        }
        if (failure instanceof CircuitOpenException) {
            return "CIRCUIT_OPEN";
        }
        if (failure instanceof RateLimitException) {
            return "RATE_LIMITED";
        }
        return failure.getClass().getSimpleName().replace("Exception", "").toUpperCase(Locale.ROOT);
    }
}
