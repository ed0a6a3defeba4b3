package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.hubapi.HubTokens.Caller;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.registry.RepositoryView;
import dev.hubsim.simulator.registry.RepositoryView.TagView;
import io.javalin.http.Context;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Tags: {@code /v2/namespaces/{ns}/repositories/{repo}/tags[/{tag}]} and the legacy
 * {@code /v2/repositories/{ns}/{repo}/tags/[{tag}/]}: list (newest push first unless {@code ordering} says otherwise;
 * {@code name} filters), get, head and delete (reference §2.4, §2.7). A tag deleted here is gone from the registry;
 * its manifest stays reachable by digest.
 */
final class TagRoutes {
    private static final Map<String, Function<TagView, Comparable<?>>> ORDERINGS = orderings();

    private final RegistryState registry;
    private final HubAuthentication authentication;
    private final RepositoryAccess access;
    private final HubViews views;

    TagRoutes(RegistryState registry, HubAuthentication authentication, RepositoryAccess access, HubViews views) {
        this.registry = registry;
        this.authentication = authentication;
        this.access = access;
        this.views = views;
    }

    private static Map<String, Function<TagView, Comparable<?>>> orderings() {
        Map<String, Function<TagView, Comparable<?>>> orderings = new LinkedHashMap<>();
        orderings.put("last_updated", tag -> tag.history().pushed());
        orderings.put("name", TagView::name);
        return orderings;
    }

    void list(Context ctx) {
        RepositoryView repository = readable(ctx);
        Pagination pagination = Pagination.of(ctx);
        Comparator<TagView> newestFirst = Comparator.comparing((TagView tag) -> tag.history().pushed()).reversed()
                .thenComparing(TagView::name);
        Comparator<TagView> order = Ordering.of(ctx, ORDERINGS, newestFirst);
        String filter = ctx.queryParam("name");
        List<TagView> tags = repository.tags().stream()
                .filter(tag -> filter == null || tag.name().contains(filter))
                .sorted(order)
                .toList();
        HubJson.write(ctx, 200, pagination.body(ctx, tags, tag -> views.tag(repository, tag)));
    }

    void head(Context ctx) {
        ctx.status(readable(ctx).tags().isEmpty() ? 404 : 200);
    }

    void get(Context ctx) {
        RepositoryView repository = readable(ctx);
        HubJson.write(ctx, 200, views.tag(repository, tag(repository, ctx.pathParam("tag"))));
    }

    void headTag(Context ctx) {
        tag(readable(ctx), ctx.pathParam("tag"));
        ctx.status(200);
    }

    void delete(Context ctx) {
        Caller caller = authentication.required(ctx);
        RepositoryView repository = access.writable(caller, ctx.pathParam("namespace"), ctx.pathParam("repository"),
                "delete");
        if (!registry.deleteTag(repository.name(), ctx.pathParam("tag"))) {
            throw HubApiException.notFound("tag " + ctx.pathParam("tag"));
        }
        ctx.status(204);
    }

    private RepositoryView readable(Context ctx) {
        return access.readable(authentication.optional(ctx), ctx.pathParam("namespace"), ctx.pathParam("repository"));
    }

    private static TagView tag(RepositoryView repository, String name) {
        return repository.tags().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> HubApiException.notFound("tag " + name));
    }
}
