package dev.hubsim.recordings;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request's path says: the route with the repository and reference taken out, the repository and the
 * reference (tag or digest), or null for parts the path does not have. Registry suffixes are checked before Hub
 * paths, as the registry does: {@code /v2/repositories/app/manifests/1} is a manifest of {@code repositories/app}.
 */
record RequestParts(String route, String repository, String reference) {
    private static final Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads(/.*)?");
    private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/([^/]+)");
    private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
    private static final Pattern TAGS = Pattern.compile("/v2/(.+)/tags/list");
    private static final Pattern REFERRERS = Pattern.compile("/v2/(.+)/referrers/([^/]+)");
    private static final Pattern HUB_NAMESPACE = Pattern.compile("/v2/namespaces/([^/]+)/repositories/([^/]+)(/.*)?");
    private static final Pattern HUB_REPOSITORY = Pattern.compile("/v2/repositories/([^/]+)/([^/]+)(/.*)?");
    private static final Pattern HUB_TAG = Pattern.compile("/tags/([^/]+)(/?)");

    private record Route(Pattern pattern, String template) {
    }

    private static final List<Route> REGISTRY_ROUTES = List.of(
            new Route(BLOB, "/v2/{name}/blobs/{digest}"),
            new Route(MANIFEST, "/v2/{name}/manifests/{reference}"),
            new Route(TAGS, "/v2/{name}/tags/list"),
            new Route(REFERRERS, "/v2/{name}/referrers/{digest}"));

    static RequestParts of(String path) {
        Matcher m = UPLOAD.matcher(path);
        if (m.matches()) {
            // the upload session id stays in the route: replay hands out the recorded Location
            return new RequestParts("/v2/{name}/blobs/uploads" + (m.group(2) == null ? "" : m.group(2)), m.group(1), null);
        }
        for (Route route : REGISTRY_ROUTES) {
            m = route.pattern.matcher(path);
            if (m.matches()) {
                return new RequestParts(route.template, m.group(1), m.groupCount() > 1 ? m.group(2) : null);
            }
        }
        if ((m = HUB_NAMESPACE.matcher(path)).matches()) {
            return hub("/v2/namespaces/{namespace}/repositories/{repository}", m);
        }
        if ((m = HUB_REPOSITORY.matcher(path)).matches()) {
            return hub("/v2/repositories/{namespace}/{repository}", m);
        }
        return new RequestParts(path, null, null);
    }

    private static RequestParts hub(String template, Matcher m) {
        String repository = m.group(1) + "/" + m.group(2);
        String rest = m.group(3) == null ? "" : m.group(3);
        Matcher tag = HUB_TAG.matcher(rest);
        if (tag.matches()) {
            return new RequestParts(template + "/tags/{tag}" + tag.group(2), repository, tag.group(1));
        }
        return new RequestParts(template + rest, repository, null);
    }
}
