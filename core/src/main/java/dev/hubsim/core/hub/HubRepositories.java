package dev.hubsim.core.hub;

import dev.hubsim.core.hub.HubCaller.Operation;
import java.util.Optional;

/**
 * Repositories through the Hub API (reference §2.3, §2.7): list a namespace, get, create, delete. Deleting uses the
 * Hub's legacy {@code DELETE /v2/repositories/{ns}/{repo}/}, the only delete it has.
 */
public final class HubRepositories {
    private final HubCaller caller;

    HubRepositories(HubCaller caller) {
        this.caller = caller;
    }

    /** {@code GET /v2/namespaces/{ns}/repositories}: the namespace's repositories the caller may see, by name. */
    public PagedList<HubRepository> list(String namespace) {
        return new PagedList<>(caller, caller.url("v2", "namespaces", namespace, "repositories"), HubRepository.class,
                new Operation("list repositories", namespace));
    }

    /** {@code GET /v2/namespaces/{ns}/repositories/{repo}}; empty when it does not exist or is hidden (private). */
    public Optional<HubRepository> get(String namespace, String name) {
        return caller.find(caller.url("v2", "namespaces", namespace, "repositories", name),
                caller.type(HubRepository.class), new Operation("get repository", namespace + "/" + name));
    }

    /** {@code POST /v2/namespaces/{ns}/repositories} → 201 with the new repository. */
    public HubRepository create(NewRepository repository) {
        return caller.exchange("POST", caller.url("v2", "namespaces", repository.namespace(), "repositories"),
                repository, 201, caller.type(HubRepository.class),
                new Operation("create repository", repository.namespace() + "/" + repository.name()));
    }

    /** {@code DELETE /v2/repositories/{ns}/{repo}/}, with its tags and images. */
    public void delete(String namespace, String name) {
        caller.delete(caller.url("v2", "repositories", namespace, name, ""),
                new Operation("delete repository", namespace + "/" + name));
    }
}
