package dev.hubsim.core.hub;

import dev.hubsim.core.hub.HubCaller.Operation;
import java.util.Optional;

/**
 * Tags as the Hub API shows them (reference §2.4, §2.7): list (newest push first), get, delete. Deleting a tag uses the
 * Hub's {@code DELETE /v2/repositories/{ns}/{repo}/tags/{tag}/}; the image stays reachable by digest.
 */
public final class HubTags {
    private final HubCaller caller;

    HubTags(HubCaller caller) {
        this.caller = caller;
    }

    /** {@code GET /v2/namespaces/{ns}/repositories/{repo}/tags}. */
    public PagedList<HubTag> list(String namespace, String repository) {
        return new PagedList<>(caller, caller.url("v2", "namespaces", namespace, "repositories", repository, "tags"),
                HubTag.class, new Operation("list tags", namespace + "/" + repository));
    }

    /** {@code GET /v2/namespaces/{ns}/repositories/{repo}/tags/{tag}}; empty when there is no such tag or repository. */
    public Optional<HubTag> get(String namespace, String repository, String tag) {
        return caller.find(caller.url("v2", "namespaces", namespace, "repositories", repository, "tags", tag),
                caller.type(HubTag.class), new Operation("get tag " + tag, namespace + "/" + repository));
    }

    /** {@code DELETE /v2/repositories/{ns}/{repo}/tags/{tag}/}. */
    public void delete(String namespace, String repository, String tag) {
        caller.delete(caller.url("v2", "repositories", namespace, repository, "tags", tag, ""),
                new Operation("delete tag " + tag, namespace + "/" + repository));
    }
}
