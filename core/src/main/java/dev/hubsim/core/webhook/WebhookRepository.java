package dev.hubsim.core.webhook;

import java.net.URI;
import java.time.Instant;

/**
 * The {@code repository} object of a Docker Hub webhook payload (reference §6). {@code namespace}, {@code name} and
 * {@code repoName} are always there; the other fields are null (or false, 0) when the payload leaves them out.
 *
 * @param repoName    {@code namespace/name}
 * @param dateCreated when the repository was created (the payload has unix seconds)
 * @param status      e.g. {@code Active}
 */
public record WebhookRepository(String namespace, String name, String repoName, String owner, String description,
                                String fullDescription, boolean isPrivate, boolean isOfficial, boolean isTrusted,
                                long starCount, long commentCount, Instant dateCreated, URI repoUrl, String status) {
}
