package dev.hubsim.simulator.fault;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request as faults and the journal see it: method, path, and what its path says, the {@link Operation} and the
 * repository it addresses (null when none). Registry suffixes are checked first, so
 * {@code /v2/repositories/app/manifests/1} is a manifest of the repository {@code repositories/app}.
 */
public record RequestTarget(String method, String path, Operation operation, String repository) {
    private static final Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads(?:/.*)?");
    private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/[^/]+/?");
    private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/[^/]+/?");
    private static final Pattern OTHER_REGISTRY = Pattern.compile("/v2/(.+)/(?:tags/list|referrers/[^/]+)/?");
    private static final Pattern HUB_REPOSITORY = Pattern.compile(
            "/v2/(?:namespaces/([^/]+)/repositories|repositories/([^/]+))/([^/]+)(?:/.*)?");
    private static final List<String> HUB_PREFIXES = List.of("/v2/users/", "/v2/auth/", "/v2/access-tokens",
            "/v2/namespaces/", "/v2/repositories/", "/v2/orgs/");

    /** Classifies a request by its method and (undecoded) path. */
    public static RequestTarget of(String method, String path) {
        String verb = method.toUpperCase(Locale.ROOT);
        Matcher m;
        if ((m = UPLOAD.matcher(path)).matches()) {
            return new RequestTarget(verb, path, Operation.BLOB_UPLOAD, m.group(1));
        }
        if ((m = BLOB.matcher(path)).matches()) {
            return new RequestTarget(verb, path, reads(verb) ? Operation.BLOB_GET : Operation.OTHER, m.group(1));
        }
        if ((m = MANIFEST.matcher(path)).matches()) {
            Operation operation = reads(verb) ? Operation.MANIFEST_GET
                    : verb.equals("PUT") ? Operation.MANIFEST_PUT : Operation.OTHER;
            return new RequestTarget(verb, path, operation, m.group(1));
        }
        if ((m = OTHER_REGISTRY.matcher(path)).matches()) {
            return new RequestTarget(verb, path, Operation.OTHER, m.group(1));
        }
        if (path.equals("/token") || path.equals("/token/")) {
            return new RequestTarget(verb, path, Operation.TOKEN, null);
        }
        if (HUB_PREFIXES.stream().anyMatch(path::startsWith)) {
            m = HUB_REPOSITORY.matcher(path);
            String repository = m.matches() ? (m.group(1) != null ? m.group(1) : m.group(2)) + "/" + m.group(3) : null;
            return new RequestTarget(verb, path, Operation.HUB_API, repository);
        }
        return new RequestTarget(verb, path, Operation.OTHER, null);
    }

    /** True for hubsim's own admin API, which neither faults nor the journal see. */
    public static boolean isAdmin(String path) {
        return path.equals("/_hubsim") || path.startsWith("/_hubsim/");
    }

    private static boolean reads(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }
}
