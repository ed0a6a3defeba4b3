package dev.hubsim.simulator.http;

import java.util.Map;

/** A refused admin API request: answered with its status and {@code {"message": ...}}, as every admin error. */
final class AdminException extends RuntimeException {
    private final int status;

    AdminException(int status, String message) {
        super(message);
        this.status = status;
    }

    static void write(AdminException error, io.javalin.http.Context ctx) {
        Json.reply(ctx, error.status, Map.of("message", error.getMessage()));
    }
}
