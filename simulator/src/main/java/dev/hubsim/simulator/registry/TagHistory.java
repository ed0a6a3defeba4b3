package dev.hubsim.simulator.registry;

import java.time.Instant;

/**
 * When a tag was last pushed and by whom, and when it was last pulled: what the Hub API shows as
 * {@code tag_last_pushed}, {@code last_updater_username} and {@code tag_last_pulled}.
 *
 * @param pusher the account that pushed it; null for an anonymous push (open registry) or a seeded image
 * @param lastPulled null until the first pull
 */
public record TagHistory(Instant pushed, String pusher, Instant lastPulled) {

    /** The same history after a pull at {@code at}. */
    TagHistory pulledAt(Instant at) {
        return new TagHistory(pushed, pusher, at);
    }
}
