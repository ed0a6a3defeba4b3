package dev.hubsim.simulator.http;

import dev.hubsim.simulator.replay.RecordReplay;
import io.javalin.config.RoutesConfig;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /_hubsim/recording} in record, replay and spy mode: GET shows the mode, the recording's directory, the
 * interactions loaded and recorded, and the replay's misses (each with the nearest recorded request);
 * {@code DELETE /_hubsim/recording/misses} forgets the misses (a strict replay answers again).
 */
final class RecordingAdminRoutes {
    private final RecordReplay recordReplay;

    RecordingAdminRoutes(RecordReplay recordReplay) {
        this.recordReplay = recordReplay;
    }

    void register(RoutesConfig routes) {
        routes.get("/_hubsim/recording", ctx -> Json.reply(ctx, 200, status()));
        routes.delete("/_hubsim/recording/misses", ctx -> {
            recordReplay.misses().clear();
            ctx.status(204);
        });
    }

    private Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", recordReplay.mode().getClass().getSimpleName().toLowerCase(Locale.ROOT));
        body.put("directory", recordReplay.directory().toString());
        body.put("loaded", recordReplay.loaded());
        body.put("recorded", recordReplay.recorded());
        body.put("strict", recordReplay.misses().strict());
        body.put("misses", recordReplay.misses().list());
        return body;
    }
}
