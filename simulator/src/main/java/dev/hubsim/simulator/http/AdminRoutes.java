package dev.hubsim.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.SimulatorServices;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * hubsim's own admin API under {@code /_hubsim/}: health, the clock ({@code {"advance":"PT6H"}} or
 * {@code {"set":"2026-01-01T00:00:00Z"}}) and reset. With an admin token every route under {@code /_hubsim/} but
 * health (also those of {@link WebhookRoutes}, {@link VulnerabilityRoutes}, {@link FaultAdminRoutes} and
 * {@link JournalAdminRoutes}) needs {@code Authorization: Bearer <token>}.
 */
final class AdminRoutes {
    private final SimulatorServices services;

    AdminRoutes(SimulatorServices services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.before("/_hubsim/*", this::guard);
        routes.get("/_hubsim/health", ctx -> Json.reply(ctx, 200, Map.of("status", "UP")));
        routes.get("/_hubsim/clock", this::clock);
        routes.post("/_hubsim/clock", this::moveClock);
        routes.post("/_hubsim/reset", ctx -> {
            services.reset().run();
            ctx.status(204);
        });
        new FaultAdminRoutes(services.faults()).register(routes);
        new JournalAdminRoutes(services.journal()).register(routes);
    }

    private void guard(Context ctx) {
        if (services.adminToken().isEmpty() || ctx.path().equals("/_hubsim/health")) {
            return;
        }
        String expected = "Bearer " + services.adminToken().get();
        String given = String.valueOf(ctx.header("Authorization"));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            Json.reply(ctx, 401, Map.of("message", "the admin API needs Authorization: Bearer <admin token>"));
            ctx.skipRemainingHandlers();
        }
    }

    private void clock(Context ctx) {
        Json.reply(ctx, 200, now());
    }

    private void moveClock(Context ctx) throws IOException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyInputStream());
        } catch (IOException e) {
            Json.reply(ctx, 400, Map.of("message", "the body must be JSON: {\"advance\":\"PT6H\"} or {\"set\":\"2026-01-01T00:00:00Z\"}"));
            return;
        }
        try {
            if (body != null && body.hasNonNull("advance")) {
                services.clock().advance(Duration.parse(body.get("advance").asText()));
            } else if (body != null && body.hasNonNull("set")) {
                services.clock().set(Instant.parse(body.get("set").asText()));
            } else {
                Json.reply(ctx, 400, Map.of("message", "give {\"advance\":\"<ISO-8601 duration>\"} or {\"set\":\"<ISO-8601 instant>\"}"));
                return;
            }
        } catch (DateTimeParseException e) {
            Json.reply(ctx, 400, Map.of("message", "cannot parse '" + e.getParsedString() + "': use an ISO-8601 duration "
                    + "such as PT6H or an instant such as 2026-01-01T00:00:00Z"));
            return;
        }
        Json.reply(ctx, 200, now());
    }

    private Map<String, Object> now() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", services.clock().instant().toString());
        body.put("offset", services.clock().offset().toString());
        return body;
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.bytes(body));
    }
}
