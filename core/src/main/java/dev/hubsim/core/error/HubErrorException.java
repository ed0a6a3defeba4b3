package dev.hubsim.core.error;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Hub API ({@code hub.docker.com/v2/...}) refused a request: the HTTP status and what its error body said. The Hub
 * sends several body shapes (reference §2.6): {@code {"detail","message"}}, {@code {"errinfo","detail","message"}}
 * and, for bad input, {@code {"fields":{"<field>":["..."]},"text"}}; all of them end up here.
 */
public final class HubErrorException extends DockerHubException {
    private final int status;
    private final String detail;
    private final Map<String, List<String>> fields;

    /**
     * @param detail the Hub's {@code message}, {@code detail} or {@code text}, whichever it sent; empty when none
     * @param fields the per-field problems of a {@code ValueError} body; empty for other shapes
     */
    public HubErrorException(String operation, String target, int status, String detail, Map<String, List<String>> fields) {
        super(operation, target, reason(status, detail, fields), null);
        this.status = status;
        this.detail = detail;
        this.fields = Map.copyOf(fields);
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The Hub's own words ({@code message}, else {@code detail}, else {@code text}); empty when it sent none. */
    public String detail() {
        return detail;
    }

    /** For bad input: each field the Hub refused and why; otherwise empty. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    /** The field problems when there are any (the summary {@code text} usually repeats one), else the detail. */
    private static String reason(int status, String detail, Map<String, List<String>> fields) {
        String answer = "the Hub API answered HTTP " + status;
        if (!fields.isEmpty()) {
            return answer + ": " + fields.entrySet().stream()
                    .map(e -> e.getKey() + ": " + String.join(" ", e.getValue())).collect(Collectors.joining("; "));
        }
        return detail.isEmpty() ? answer : answer + ": " + detail;
    }
}
