package dev.hubsim.recordings;

import java.util.List;
import java.util.stream.Collectors;

/** What a {@link Matcher} found for a request: the interaction that answers it, or the nearest one and how it differs. */
public sealed interface MatchResult {

    /**
     * The request matched.
     *
     * @param index       the interaction's position in the recording
     * @param interaction the interaction whose response answers the request
     */
    record Hit(int index, Interaction interaction) implements MatchResult {
    }

    /**
     * No recorded request matched.
     *
     * @param nearestIndex the position of the nearest recorded request, -1 when the recording is empty
     * @param nearest      the nearest recorded interaction, null when the recording is empty
     * @param differences  how the request differs from the nearest
     */
    record Miss(int nearestIndex, Interaction nearest, List<Difference> differences) implements MatchResult {
        public Miss {
            differences = List.copyOf(differences);
        }

        /** E.g. {@code nearest: GET /v2/library/nginx/manifests/1.25 — reference differs (1.27 vs 1.25)}. */
        public String description() {
            if (nearest == null) {
                return "the recording has no interactions";
            }
            RecordedRequest request = nearest.request();
            String query = request.query().isEmpty() ? "" : "?" + request.query().stream()
                    .map(p -> p.name() + "=" + p.value()).collect(Collectors.joining("&"));
            return "nearest: " + request.method() + " " + request.path() + query + " — "
                    + differences.stream().map(Difference::toString).collect(Collectors.joining("; "));
        }
    }
}
