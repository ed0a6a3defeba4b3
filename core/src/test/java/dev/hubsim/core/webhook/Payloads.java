package dev.hubsim.core.webhook;

import java.nio.charset.StandardCharsets;

/** Webhook payloads for the tests: Docker Hub's push payload as its documentation shows it (reference §6). */
final class Payloads {
    static final String REPOSITORY = """
            {"comment_count": 0, "date_created": 1673251200, "description": "Front end", "dockerfile": "",
             "full_description": "Long README text", "is_official": false, "is_private": true, "is_trusted": false,
             "name": "web", "namespace": "acme", "owner": "acme", "repo_name": "acme/web",
             "repo_url": "https://registry.hub.docker.com/u/acme/web/", "star_count": 3, "status": "Active"}""";

    static final String PUSH = """
            {"callback_url": "https://registry.hub.docker.com/u/acme/web/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/",
             "push_data": {"pushed_at": 1748779200, "pusher": "alice", "tag": "1.4.2"},
             "repository": %s}""".formatted(REPOSITORY);

    private Payloads() {
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The push payload with one piece of text replaced. */
    static byte[] pushWith(String from, String to) {
        if (!PUSH.contains(from)) {
            throw new IllegalArgumentException("the push payload has no " + from);
        }
        return bytes(PUSH.replace(from, to));
    }
}
