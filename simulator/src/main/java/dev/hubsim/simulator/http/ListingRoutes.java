package dev.hubsim.simulator.http;

import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.simulator.registry.RegistryState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listings: {@code /v2/<name>/tags/list} and {@code /v2/_catalog} (lexical order, {@code n} and {@code last},
 * a {@code Link} header when more follow) and the OCI 1.1 referrers API.
 */
final class ListingRoutes {
    private final RegistryState state;

    ListingRoutes(RegistryState state) {
        this.state = state;
    }

    void register(RoutesConfig routes) {
        Routing.add(routes, HandlerType.GET, "/v2/_catalog", Access.CATALOG, this::catalog);
        Routing.add(routes, HandlerType.GET, "/v2/<name>/tags/list", Access.PULL, this::tags);
        Routing.add(routes, HandlerType.GET, "/v2/<name>/referrers/{digest}", Access.PULL, this::referrers);
    }

    private void tags(Context ctx) {
        String name = Requests.name(ctx);
        RegistryState.Page page = state.tags(name, Requests.pageSize(ctx), ctx.queryParam("last"));
        link(ctx, "/v2/" + name + "/tags/list", page);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("tags", page.items());
        ctx.contentType("application/json").result(Json.bytes(body));
    }

    private void catalog(Context ctx) {
        RegistryState.Page page = state.catalog(Requests.pageSize(ctx), ctx.queryParam("last"));
        link(ctx, "/v2/_catalog", page);
        ctx.contentType("application/json").result(Json.bytes(Map.of("repositories", page.items())));
    }

    private void referrers(Context ctx) {
        String artifactType = ctx.queryParam("artifactType");
        List<Descriptor> descriptors = state.referrers(Requests.name(ctx), Requests.digest(ctx.pathParam("digest")),
                artifactType);
        if (artifactType != null) {
            ctx.header("OCI-Filters-Applied", "artifactType");
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", descriptors.stream().map(ListingRoutes::referrer).toList());
        ctx.contentType(MediaTypes.OCI_INDEX).result(Json.bytes(index));
    }

    private static Map<String, Object> referrer(Descriptor descriptor) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("mediaType", descriptor.mediaType());
        entry.put("digest", descriptor.digest().toString());
        entry.put("size", descriptor.size());
        entry.put("artifactType", descriptor.artifactType());
        if (!descriptor.annotations().isEmpty()) {
            entry.put("annotations", descriptor.annotations());
        }
        return entry;
    }

    /** {@code Link: </v2/...?last=X&n=N>; rel="next"} when the page is not the last one. */
    private static void link(Context ctx, String path, RegistryState.Page page) {
        if (page.more() && !page.items().isEmpty()) {
            String last = page.items().get(page.items().size() - 1);
            ctx.header("Link", "<" + path + "?last=" + URLEncoder.encode(last, StandardCharsets.UTF_8) + "&n="
                    + page.items().size() + ">; rel=\"next\"");
        }
    }
}
