package dev.hubsim.dsl;

import java.time.Instant;

/**
 * A push notification a repository's webhook delivered: Docker Hub's payload ({@code push_data} and
 * {@code repository}) in the fields scripts check.
 *
 * @param repository e.g. {@code alice/app}
 * @param tag        the tag pushed
 * @param pusher     the account that pushed
 */
public record WebhookEvent(String repository, String tag, String pusher, Instant pushedAt) {
}
