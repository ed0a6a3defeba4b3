package dev.hubsim.simulator.mirror;

import dev.hubsim.core.auth.Credentials;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.config.Endpoints;
import dev.hubsim.core.error.ConfigurationException;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What a pull-through cache mirrors and how: the upstream registry's URL (https, or plain http to a loopback
 * address), the account to pull with (null: anonymous) and how long a manifest fetched by tag is served before it is
 * revalidated with a HEAD upstream. Manifests by digest and blobs never go stale. Prints without the password.
 *
 * @param upstream    the upstream registry, e.g. {@code https://registry-1.docker.io}
 * @param credentials the upstream account, or null for anonymous pulls
 * @param tagTtl      how long a tag is trusted before revalidation, on the simulator's clock
 */
public record MirrorSettings(URI upstream, Credentials credentials, Duration tagTtl) {
    /** The tag TTL unless one is given. */
    public static final Duration DEFAULT_TAG_TTL = Duration.ofMinutes(5);

    public MirrorSettings {
        Objects.requireNonNull(upstream, "the upstream registry URL is missing");
        try {
            upstream = Endpoints.require("upstream", upstream.toString());
        } catch (ConfigurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Objects.requireNonNull(tagTtl, "tagTtl");
        if (tagTtl.isNegative()) {
            throw new IllegalArgumentException("the tag TTL " + tagTtl + " is negative");
        }
    }

    /** Anonymous pulls from {@code upstream}, tags revalidated after {@link #DEFAULT_TAG_TTL}. */
    public static MirrorSettings of(URI upstream) {
        return new MirrorSettings(upstream, null, DEFAULT_TAG_TTL);
    }

    /** The same, pulling as this user (a password or personal access token). */
    public MirrorSettings withCredentials(String username, SecretString password) {
        return new MirrorSettings(upstream, new Credentials(username, password), tagTtl);
    }

    /** The same, with another tag TTL (zero revalidates every pull by tag). */
    public MirrorSettings withTagTtl(Duration ttl) {
        return new MirrorSettings(upstream, credentials, ttl);
    }
}
