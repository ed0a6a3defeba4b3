package dev.hubsim.junit;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the test's requests go, read-only: inject it to configure code under test (e.g. a registry URL in its
 * settings). Under MOCK the three URLs are the simulator's one base URL.
 *
 * @param target      the target in force for this run
 * @param registryUrl the registry API ({@code /v2/...})
 * @param hubUrl      the Hub API
 * @param authUrl     the token service
 */
public record HubsimRuntimeInfo(Target target, URI registryUrl, URI hubUrl, URI authUrl) {
    public HubsimRuntimeInfo {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(hubUrl, "hubUrl");
        Objects.requireNonNull(authUrl, "authUrl");
    }

    /** The registry as {@code host:port}, as image references name it (e.g. {@code 127.0.0.1:41234/alice/app:1.0}). */
    public String registryAuthority() {
        return registryUrl.getAuthority();
    }

    /** The simulator's base URL, when a simulator answers (every target but LIVE). */
    public Optional<URI> simulatorUrl() {
        return target == Target.LIVE ? Optional.empty() : Optional.of(registryUrl);
    }
}
