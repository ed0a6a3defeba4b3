package dev.hubsim.simulator.webhook;

import dev.hubsim.simulator.registry.RepositoryView;
import dev.hubsim.simulator.registry.TagPush;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Docker Hub's push payload (reference section 6), field for field: {@code callback_url}, {@code push_data} and
 * {@code repository}. Times are unix seconds, as Docker Hub sends them. Fields the simulator does not model have
 * Docker Hub's values for a plain repository: no comments, stars or Dockerfile, not trusted, status {@code Active}.
 * {@code repo_url} is the address Docker Hub gives (never fetched); {@code callback_url} points at the simulator.
 */
final class WebhookPayload {
    private static final String HUB_REPOSITORY_URL = "https://registry.hub.docker.com/u/";

    private WebhookPayload() {
    }

    static Map<String, Object> of(TagPush push, RepositoryView repository, URI callbackUrl) {
        Map<String, Object> pushData = new LinkedHashMap<>();
        pushData.put("pushed_at", push.pushedAt().getEpochSecond());
        pushData.put("pusher", push.pusher());
        pushData.put("tag", push.tag());

        Map<String, Object> repo = new LinkedHashMap<>();
        repo.put("comment_count", 0);
        repo.put("date_created", repository.created().getEpochSecond());
        repo.put("description", repository.description());
        repo.put("dockerfile", "");
        repo.put("full_description", repository.fullDescription());
        repo.put("is_official", repository.namespace().equals("library"));
        repo.put("is_private", repository.isPrivate());
        repo.put("is_trusted", false);
        repo.put("name", repository.shortName());
        repo.put("namespace", repository.namespace());
        repo.put("owner", repository.namespace());
        repo.put("repo_name", repository.name());
        repo.put("repo_url", HUB_REPOSITORY_URL + repository.name() + "/");
        repo.put("star_count", 0);
        repo.put("status", "Active");

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("callback_url", callbackUrl.toString());
        payload.put("push_data", pushData);
        payload.put("repository", repo);
        return payload;
    }
}
