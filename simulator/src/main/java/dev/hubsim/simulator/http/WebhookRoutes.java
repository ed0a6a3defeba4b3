package dev.hubsim.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.webhook.Webhook;
import dev.hubsim.simulator.webhook.Webhooks;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Map;

/**
 * Webhooks over HTTP. hubsim's admin API (Docker Hub configures webhooks only in its web UI):
 * {@code GET /_hubsim/webhooks}, {@code POST /_hubsim/webhooks} with {@code {"repository","name","url"}},
 * {@code DELETE /_hubsim/webhooks?repository=&name=}, {@code GET /_hubsim/webhooks/deliveries} (every attempt) and
 * {@code GET /_hubsim/webhooks/callbacks}. And Docker Hub's legacy callback endpoint that a payload's
 * {@code callback_url} names: {@code POST /u/<repository>/hook/<id>/} with {@code {"state","description","context",
 * "target_url"}}.
 */
final class WebhookRoutes {
    private static final String WEBHOOK_SHAPE = "{\"repository\":\"acme/web\",\"name\":\"ci\",\"url\":\"http://127.0.0.1:8080/hook\"}";
    private static final String CALLBACK_SHAPE = "{\"state\":\"success|failure|error\",\"description\":\"...\","
            + "\"context\":\"...\",\"target_url\":\"...\"}";

    private final Webhooks webhooks;

    WebhookRoutes(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    void register(RoutesConfig routes) {
        routes.get("/_hubsim/webhooks", ctx -> Json.reply(ctx, 200, Map.of("webhooks", webhooks.list())));
        routes.post("/_hubsim/webhooks", this::add);
        routes.delete("/_hubsim/webhooks", this::remove);
        routes.get("/_hubsim/webhooks/deliveries", ctx -> Json.reply(ctx, 200, Map.of("deliveries", webhooks.deliveries())));
        routes.get("/_hubsim/webhooks/callbacks", ctx -> Json.reply(ctx, 200, Map.of("callbacks", webhooks.callbacks())));
        routes.post("/u/<repository>/hook/{id}", this::callback);
    }

    private void add(Context ctx) {
        JsonNode body = Json.object(ctx, WEBHOOK_SHAPE);
        Webhook webhook;
        try {
            webhook = Webhook.of(text(body, "repository"), text(body, "name"), text(body, "url"));
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, e.getMessage());
        }
        try {
            Json.reply(ctx, 201, webhooks.add(webhook));
        } catch (IllegalStateException e) {
            throw new AdminException(409, e.getMessage());
        }
    }

    private void remove(Context ctx) {
        String repository = ctx.queryParam("repository");
        String name = ctx.queryParam("name");
        if (repository == null || name == null) {
            throw new AdminException(400, "give the webhook as ?repository=acme/web&name=ci");
        }
        if (!webhooks.remove(repository, name)) {
            throw new AdminException(404, "repository " + repository + " has no webhook named " + name);
        }
        ctx.status(204);
    }

    private void callback(Context ctx) {
        JsonNode body = Json.object(ctx, CALLBACK_SHAPE);
        String repository = ctx.pathParam("repository");
        String hookId = ctx.pathParam("id");
        try {
            webhooks.callback(repository, hookId, text(body, "state"), text(body, "description"), text(body, "context"),
                    text(body, "target_url")).orElseThrow(() -> new AdminException(404, "no webhook payload of "
                    + repository + " has hook id " + hookId));
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, e.getMessage());
        }
        Json.reply(ctx, 200, Map.of());
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new AdminException(400, "'" + field + "' must be a string");
        }
        return value.asText();
    }
}
