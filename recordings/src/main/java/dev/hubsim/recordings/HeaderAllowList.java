package dev.hubsim.recordings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which headers a recording keeps, as data: everything else is dropped before scrubbing. Names are compared
 * case-insensitively. Secret-bearing headers on the lists ({@code authorization}, {@code cookie},
 * {@code set-cookie}) are kept only after their values are replaced by placeholders.
 *
 * @param request  the request headers to keep
 * @param response the response headers to keep
 */
public record HeaderAllowList(Set<String> request, Set<String> response) {

    /** What registry and Hub clients and servers say that matters for replay and for comparing with the mock. */
    public static final HeaderAllowList DEFAULT = new HeaderAllowList(
            Set.of("accept", "authorization", "content-range", "content-type", "cookie", "if-none-match", "range"),
            Set.of("accept-ranges", "content-length", "content-range", "content-type", "docker-content-digest",
                    "docker-distribution-api-version", "docker-ratelimit-source", "docker-upload-uuid", "etag",
                    "link", "location", "oci-filters-applied", "oci-subject", "range", "ratelimit-limit",
                    "ratelimit-remaining", "retry-after", "set-cookie", "www-authenticate", "x-ratelimit-limit",
                    "x-ratelimit-remaining", "x-ratelimit-reset"));

    public HeaderAllowList {
        request = lowercase(request);
        response = lowercase(response);
    }

    /** The request headers on the list. */
    Map<String, List<String>> filterRequest(Map<String, List<String>> headers) {
        return filter(headers, request);
    }

    /** The response headers on the list. */
    Map<String, List<String>> filterResponse(Map<String, List<String>> headers) {
        return filter(headers, response);
    }

    private static Map<String, List<String>> filter(Map<String, List<String>> headers,
                                                              Set<String> allowed) {
        Map<String, List<String>> kept = new TreeMap<>();
        headers.forEach((name, values) -> {
            if (allowed.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, values);
            }
        });
        return kept;
    }

    private static Set<String> lowercase(Set<String> names) {
        return names == null ? Set.of() : names.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
