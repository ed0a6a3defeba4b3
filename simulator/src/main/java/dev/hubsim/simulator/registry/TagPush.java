package dev.hubsim.simulator.registry;

import dev.hubsim.core.reference.Digest;

import java.time.Instant;

/**
 * A tag was pushed: the event Docker Hub fires webhooks on.
 *
 * @param pusher the account that pushed, null when anonymous (open registry) or seeded
 */
public record TagPush(String repository, String tag, Digest digest, String pusher, Instant pushedAt) {
}
