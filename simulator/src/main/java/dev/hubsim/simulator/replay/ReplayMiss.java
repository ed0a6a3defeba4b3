package dev.hubsim.simulator.replay;

import java.time.Instant;
import java.util.List;

/**
 * A request a replay could not answer from its recording.
 *
 * @param time        when it came, by the simulator's clock
 * @param method      its method
 * @param path        its path
 * @param query       its query, secret values redacted; null when none
 * @param nearest     the nearest recorded request and what differs, e.g.
 *                    {@code nearest: GET /v2/library/nginx/manifests/1.25 — reference differs (1.27 vs 1.25)}
 * @param differences each difference on its own
 */
public record ReplayMiss(Instant time, String method, String path, String query, String nearest,
                         List<String> differences) {
    public ReplayMiss {
        differences = List.copyOf(differences);
    }

    /** E.g. {@code GET /v2/library/nginx/manifests/1.27 matches no recorded request; nearest: ...}. */
    public String message() {
        return method + " " + path + (query == null ? "" : "?" + query) + " matches no recorded request; " + nearest;
    }
}
