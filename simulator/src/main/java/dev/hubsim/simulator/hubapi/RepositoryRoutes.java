package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.hubapi.HubTokens.Caller;
import dev.hubsim.simulator.hubapi.HubViews.Permissions;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.registry.RepositoryView;
import io.javalin.http.Context;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Repositories: {@code /v2/namespaces/{ns}/repositories} (list, create) and {@code .../{repo}} (get, head), and the
 * legacy {@code /v2/repositories/{ns}/} (list) and {@code /v2/repositories/{ns}/{repo}/} (get, head, delete)
 * (reference §2.3, §2.7). A namespace nobody owns lists as empty, as the live service answers (hub-feedback #2357).
 */
final class RepositoryRoutes {
    private static final Pattern NAME = Pattern.compile("^[a-z0-9]+(?:[._-][a-z0-9]+)*$");
    private static final Map<String, Function<RepositoryView, Comparable<?>>> ORDERINGS = orderings();

    private final RegistryState registry;
    private final Accounts accounts;
    private final HubAuthentication authentication;
    private final RepositoryAccess access;
    private final HubViews views;

    RepositoryRoutes(RegistryState registry, Accounts accounts, HubAuthentication authentication,
                     RepositoryAccess access, HubViews views) {
        this.registry = registry;
        this.accounts = accounts;
        this.authentication = authentication;
        this.access = access;
        this.views = views;
    }

    private static Map<String, Function<RepositoryView, Comparable<?>>> orderings() {
        Map<String, Function<RepositoryView, Comparable<?>>> orderings = new LinkedHashMap<>();
        orderings.put("name", RepositoryView::shortName);
        orderings.put("last_updated", RepositoryView::lastUpdated);
        orderings.put("pull_count", RepositoryView::pullCount);
        return orderings;
    }

    void list(Context ctx, boolean legacy) {
        Caller caller = authentication.optional(ctx);
        Pagination pagination = Pagination.of(ctx);
        Comparator<RepositoryView> order = Ordering.of(ctx, ORDERINGS, Comparator.comparing(RepositoryView::shortName));
        String filter = ctx.queryParam("name");
        List<RepositoryView> visible = registry.repositoriesOf(ctx.pathParam("namespace")).stream()
                .filter(r -> access.allows(caller.principal(), r.name(), "pull"))
                .filter(r -> filter == null || r.shortName().contains(filter))
                .sorted(order)
                .toList();
        HubJson.write(ctx, 200, pagination.body(ctx, visible, r -> views.listEntry(r, permissions(caller, r), legacy)));
    }

    void get(Context ctx) {
        Caller caller = authentication.optional(ctx);
        RepositoryView repository = access.readable(caller, ctx.pathParam("namespace"), ctx.pathParam("repository"));
        HubJson.write(ctx, 200, views.info(repository, permissions(caller, repository)));
    }

    void create(Context ctx) {
        Caller caller = authentication.required(ctx);
        String namespace = ctx.pathParam("namespace");
        JsonNode body = HubJson.object(ctx);
        String name = HubJson.text(body, "name");
        if (name == null || name.length() < 2 || name.length() > 255 || !NAME.matcher(name).matches()) {
            throw HubApiException.invalidField("name", "name must be 2 to 255 characters of lowercase letters, digits "
                    + "and single '.', '_' or '-' between them");
        }
        String bodyNamespace = HubJson.text(body, "namespace");
        if (bodyNamespace != null && !bodyNamespace.equals(namespace)) {
            throw HubApiException.invalidField("namespace", "namespace must be the one of the path, " + namespace);
        }
        String description = limited(body, "description", 100);
        String fullDescription = limited(body, "full_description", 25_000);
        JsonNode isPrivate = body.get("is_private");
        if (isPrivate != null && !isPrivate.isNull() && !isPrivate.isBoolean()) {
            throw HubApiException.invalidField("is_private", "is_private must be true or false");
        }
        String repository = namespace + "/" + name;
        if (!access.allows(caller.principal(), repository, "push")) {
            throw accounts.hasNamespace(namespace) ? HubApiException.of(403, "you may not create repositories in "
                    + namespace) : HubApiException.notFound("namespace " + namespace);
        }
        if (!registry.createRepository(repository, isPrivate != null && isPrivate.asBoolean(), description, fullDescription)) {
            throw HubApiException.invalidField("name", "Repository with this Name and Namespace already exists.");
        }
        RepositoryView created = access.readable(caller, namespace, name);
        HubJson.write(ctx, 201, views.info(created, permissions(caller, created)));
    }

    void delete(Context ctx) {
        Caller caller = authentication.required(ctx);
        RepositoryView repository = access.writable(caller, ctx.pathParam("namespace"), ctx.pathParam("repository"),
                "delete");
        registry.deleteRepository(repository.name());
        ctx.status(202);
    }

    private Permissions permissions(Caller caller, RepositoryView repository) {
        return new Permissions(true, access.allows(caller.principal(), repository.name(), "push"),
                access.allows(caller.principal(), repository.name(), "delete"));
    }

    private static String limited(JsonNode body, String field, int max) {
        String value = HubJson.text(body, field);
        if (value != null && value.length() > max) {
            throw HubApiException.invalidField(field, field + " must be at most " + max + " characters");
        }
        return value == null ? "" : value;
    }
}
