package dev.hubsim.simulator.http;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.simulator.registry.RegistryException;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes registry failures as the distribution spec's {@code {"errors":[{"code","message","detail"}]}} body.
 * Registered once for the whole server, so every handler just throws.
 */
final class ErrorEnvelope {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorEnvelope.class);

    private ErrorEnvelope() {
    }

    /** Answers a registry error with its status, headers and envelope. */
    static void write(RegistryException error, Context ctx) {
        error.headers().forEach(ctx::header);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", error.code().name());
        entry.put("message", error.getMessage());
        entry.put("detail", error.detail());
        ctx.status(error.httpStatus()).contentType("application/json").result(Json.bytes(Map.of("errors", List.of(entry))));
    }

    /** A request whose connection broke while its body was streamed: nobody is left to answer. */
    static void clientGone(UncheckedIOException error, Context ctx) {
        LOG.debug("{} {}: connection lost: {}", ctx.method(), ctx.path(), error.getMessage());
        write(RegistryException.of(RegistryErrorCode.BLOB_UPLOAD_INVALID, "the request body could not be read: "
                + rootMessage(error)).withStatus(400), ctx);
    }

    /** A bug of ours: logged with its stack trace, answered without one. */
    static void unexpected(Exception error, Context ctx) {
        if (error.getCause() instanceof IOException || error instanceof IOException) {
            LOG.debug("{} {}: I/O failure: {}", ctx.method(), ctx.path(), error.toString());
        } else {
            LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), error);
        }
        write(RegistryException.of(RegistryErrorCode.UNKNOWN, "internal error: " + error.getClass().getSimpleName()), ctx);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
