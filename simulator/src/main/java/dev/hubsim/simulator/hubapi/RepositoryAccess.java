package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.auth.Authorizer;
import dev.hubsim.simulator.auth.Principal;
import dev.hubsim.simulator.auth.Scope;
import dev.hubsim.simulator.hubapi.HubTokens.Caller;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.registry.RepositoryView;

import java.util.List;

/**
 * Who may see and change a repository through the Hub API, by the registry's own rules ({@link Authorizer}): anyone
 * sees a public repository; a private one only its namespace's owners (404 for everyone else, as Docker Hub hides
 * it); changing needs ownership and a credential that may push, deleting one that may delete ({@code repo:admin}).
 */
final class RepositoryAccess {
    private final RegistryState registry;
    private final Authorizer authorizer;

    RepositoryAccess(RegistryState registry, Accounts accounts) {
        this.registry = registry;
        this.authorizer = new Authorizer(accounts, registry);
    }

    /** The repository if the caller may see it; otherwise 404, whether it exists or not. */
    RepositoryView readable(Caller caller, String namespace, String repository) {
        String name = namespace + "/" + repository;
        return registry.repositoryView(name).filter(view -> allows(caller.principal(), name, "pull"))
                .orElseThrow(() -> HubApiException.notFound("repository " + name));
    }

    /** The repository if the caller may change it (push) or delete in it: 404 when hidden, 403 when only readable. */
    RepositoryView writable(Caller caller, String namespace, String repository, String action) {
        RepositoryView view = readable(caller, namespace, repository);
        if (!allows(caller.principal(), view.name(), action)) {
            throw HubApiException.of(403, "you do not have permission to " + ("delete".equals(action) ? "delete in"
                    : "change") + " repository " + view.name());
        }
        return view;
    }

    /** True when the principal may do {@code action} (pull, push, delete) on the repository. */
    boolean allows(Principal principal, String name, String action) {
        return !authorizer.grant(principal, List.of(new Scope(Scope.REPOSITORY, name, List.of(action)))).isEmpty();
    }
}
