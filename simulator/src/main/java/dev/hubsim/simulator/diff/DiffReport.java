package dev.hubsim.simulator.diff;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fidelity report of one recording: per interaction, where the mock's answer differs from the recorded one, and
 * the score (identical interactions out of all, and per {@link Aspect}).
 *
 * @param recording     the recording's directory
 * @param server        the server that made the recording
 * @param serverVersion its version, or null
 * @param mockAuth      how the mock ran: {@code none} or {@code token}
 * @param interactions  the results in recorded order
 */
@JsonPropertyOrder({"recording", "server", "serverVersion", "mockAuth", "total", "identical", "known", "differing",
        "passes", "byAspect", "interactions"})
public record DiffReport(String recording, String server, String serverVersion, String mockAuth,
                         List<InteractionResult> interactions) {

    public DiffReport {
        interactions = List.copyOf(interactions);
    }

    @JsonProperty("total")
    public int total() {
        return interactions.size();
    }

    /** Interactions the mock answered with no difference at all. */
    @JsonProperty("identical")
    public long identical() {
        return count("match");
    }

    /** Interactions whose every difference is a known divergence. */
    @JsonProperty("known")
    public long known() {
        return count("known");
    }

    /** Interactions with a difference no known divergence explains. */
    @JsonProperty("differing")
    public long differing() {
        return count("differs");
    }

    /** True when every divergence is known. */
    @JsonProperty("passes")
    public boolean passes() {
        return differing() == 0;
    }

    /** Per aspect, the interactions without a difference of it. */
    @JsonProperty("byAspect")
    public Map<String, Long> byAspect() {
        Map<String, Long> scores = new LinkedHashMap<>();
        for (Aspect aspect : Aspect.values()) {
            scores.put(aspect.label(), interactions.stream().filter(i -> i.matches(aspect)).count());
        }
        return scores;
    }

    private long count(String verdict) {
        return interactions.stream().filter(i -> i.verdict().equals(verdict)).count();
    }
}
