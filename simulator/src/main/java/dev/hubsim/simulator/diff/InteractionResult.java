package dev.hubsim.simulator.diff;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * How the mock answered one recorded request.
 *
 * @param number         the interaction's position in the recording, from 1
 * @param method         the request method
 * @param target         the request path and query, as recorded
 * @param recordedStatus the recorded status
 * @param mockStatus     the mock's status
 * @param unexplained    differences no known divergence explains
 * @param known          differences a known divergence explains
 */
@JsonPropertyOrder({"number", "method", "target", "recordedStatus", "mockStatus", "verdict", "unexplained", "known"})
public record InteractionResult(int number, String method, String target, int recordedStatus, int mockStatus,
                                List<Difference> unexplained, List<Explained> known) {

    public InteractionResult {
        unexplained = List.copyOf(unexplained);
        known = List.copyOf(known);
    }

    /** {@code match}, {@code known} (every difference explained) or {@code differs}. */
    @JsonProperty("verdict")
    public String verdict() {
        return !unexplained.isEmpty() ? "differs" : known.isEmpty() ? "match" : "known";
    }

    /** True when no difference of this aspect was found, known or not. */
    public boolean matches(Aspect aspect) {
        return unexplained.stream().noneMatch(d -> d.aspect() == aspect)
                && known.stream().noneMatch(k -> k.difference().aspect() == aspect);
    }

    /** A difference and the known divergence that explains it. */
    @JsonPropertyOrder({"difference", "id", "reason"})
    public record Explained(Difference difference, String id, String reason) {
    }
}
