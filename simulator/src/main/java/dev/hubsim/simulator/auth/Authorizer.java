package dev.hubsim.simulator.auth;

import dev.hubsim.simulator.registry.RegistryState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a token grants, as Docker Hub's token service does: it never refuses, it grants less. Anyone may
 * pull a public repository; private repositories are readable only by their namespace's owners (the account
 * itself or members of the organisation); pushing needs ownership and a credential that may write; deleting needs
 * ownership and an admin credential. The catalog needs an account allowed to list it.
 */
public final class Authorizer {
    private final Accounts accounts;
    private final RegistryState registry;

    public Authorizer(Accounts accounts, RegistryState registry) {
        this.accounts = accounts;
        this.registry = registry;
    }

    /** The part of each requested scope that the principal gets (scopes granting nothing are left out). */
    public List<Scope> grant(Principal principal, List<Scope> requested) {
        List<Scope> granted = new ArrayList<>();
        for (Scope scope : requested) {
            List<String> actions = scope.actions().stream().filter(a -> allows(principal, scope, a)).toList();
            if (!actions.isEmpty()) {
                granted.add(new Scope(scope.type(), scope.name(), actions));
            }
        }
        return granted;
    }

    private boolean allows(Principal principal, Scope scope, String action) {
        if (Scope.REGISTRY.equals(scope.type())) {
            return "catalog".equals(scope.name()) && "*".equals(action) && !principal.isAnonymous()
                    && accounts.user(principal.account()).map(Account::catalogAccess).orElse(false);
        }
        if (!Scope.REPOSITORY.equals(scope.type())) {
            return false;
        }
        boolean owner = accounts.owns(principal, namespaceOf(scope.name()));
        return switch (action) {
            case "pull" -> mayPull(principal, scope.name(), owner);
            case "push" -> owner && principal.scope().includes(PatScope.WRITE);
            case "delete" -> owner && principal.scope().includes(PatScope.ADMIN);
            default -> false;
        };
    }

    private boolean mayPull(Principal principal, String repository, boolean owner) {
        Optional<Boolean> isPrivate = registry.privacy(repository);
        if (isPrivate.isEmpty()) {
            // A repository that does not exist yet: its owner may pull (a push asks for pull,push), unless the
            // credential may only read public repositories (the repository may be created private).
            return owner && principal.scope().includes(PatScope.READ);
        }
        return isPrivate.get() ? owner && principal.scope().includes(PatScope.READ) : true;
    }

    /** The namespace of a repository name: its first component ({@code library} for a single-component name). */
    public static String namespaceOf(String repository) {
        int slash = repository.indexOf('/');
        return slash < 0 ? "library" : repository.substring(0, slash);
    }
}
