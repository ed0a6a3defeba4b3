package dev.hubsim.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.fault.FaultRule;
import dev.hubsim.simulator.fault.FaultRuleJson;
import dev.hubsim.simulator.fault.FaultStatus;
import dev.hubsim.simulator.fault.Faults;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /_hubsim/faults}: POST a rule ({@link FaultRuleJson}) → 201 with its id; GET the rules with their match and
 * fire counts; GET, DELETE one by id; DELETE them all. A bad rule is a 400 whose message names the field.
 */
final class FaultAdminRoutes {
    private final Faults faults;

    FaultAdminRoutes(Faults faults) {
        this.faults = faults;
    }

    void register(RoutesConfig routes) {
        routes.post("/_hubsim/faults", this::add);
        routes.get("/_hubsim/faults", ctx -> AdminRoutes.json(ctx, 200,
                Map.of("faults", faults.list().stream().map(FaultRuleJson::toJson).toList())));
        routes.delete("/_hubsim/faults", ctx -> {
            faults.clear();
            ctx.status(204);
        });
        routes.get("/_hubsim/faults/{id}", ctx -> faults.get(ctx.pathParam("id")).ifPresentOrElse(
                status -> AdminRoutes.json(ctx, 200, FaultRuleJson.toJson(status)), () -> unknown(ctx)));
        routes.delete("/_hubsim/faults/{id}", ctx -> {
            if (faults.remove(ctx.pathParam("id"))) {
                ctx.status(204);
            } else {
                unknown(ctx);
            }
        });
    }

    private void add(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyInputStream());
        } catch (IOException e) {
            AdminRoutes.json(ctx, 400, Map.of("message", "the body must be a JSON fault rule, e.g. "
                    + "{\"operation\":\"blob-get\",\"times\":1,\"action\":{\"type\":\"reset\"}}"));
            return;
        }
        FaultRule added;
        try {
            added = faults.add(FaultRuleJson.parse(body));
        } catch (IllegalArgumentException e) {
            AdminRoutes.json(ctx, 400, Map.of("message", "invalid fault rule: " + e.getMessage()));
            return;
        }
        AdminRoutes.json(ctx, 201, FaultRuleJson.toJson(new FaultStatus(added, 0, 0)));
    }

    private static void unknown(Context ctx) {
        AdminRoutes.json(ctx, 404, Map.of("message", "no fault rule with id '" + ctx.pathParam("id") + "'"));
    }
}
