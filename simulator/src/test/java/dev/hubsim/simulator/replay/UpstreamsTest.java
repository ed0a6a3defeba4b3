package dev.hubsim.simulator.replay;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamsTest {
    private final Upstreams all = Upstreams.of("https://registry.example", "https://auth.example:8443", "https://hub.example");

    @Test
    void requestsGoToTheUpstreamOfTheirKind() {
        assertThat(all.forRequest("GET", "/v2/library/nginx/manifests/1.27")).hasToString("https://registry.example");
        assertThat(all.forRequest("GET", "/v2/")).hasToString("https://registry.example");
        assertThat(all.forRequest("GET", "/token")).hasToString("https://auth.example:8443");
        assertThat(all.forRequest("POST", "/v2/users/login")).hasToString("https://hub.example");
        assertThat(all.forRequest("GET", "/v2/repositories/library/nginx/tags/1.27")).hasToString("https://hub.example");
        assertThat(all.forRequest("GET", "/v2/repositories/app/manifests/1")).as("a registry suffix wins")
                .hasToString("https://registry.example");
    }

    @Test
    void withoutAnUpstreamOfItsKindARequestGoesToTheRegistry() {
        Upstreams registryOnly = Upstreams.registry("http://127.0.0.1:5000");

        assertThat(registryOnly.forRequest("GET", "/token")).hasToString("http://127.0.0.1:5000");
        assertThat(registryOnly.forRequest("POST", "/v2/users/login")).hasToString("http://127.0.0.1:5000");
    }

    @Test
    void originsCompareWithoutCaseDefaultPortsOrPaths() {
        assertThat(all.holds(URI.create("HTTPS://Registry.Example:443/v2/x/blobs/uploads/1?_state=a"))).isTrue();
        assertThat(all.holds(URI.create("https://auth.example/token"))).as("another port").isFalse();
        assertThat(all.holds(URI.create("https://cdn.example/blob"))).isFalse();
        assertThat(all.holds(URI.create("/v2/relative"))).isFalse();
    }

    @Test
    void badUpstreamsAreRefusedSayingWhy() {
        assertThatThrownBy(() -> Upstreams.of(null, null, null)).hasMessage("give at least one upstream: registry, auth or hub");
        assertThatThrownBy(() -> Upstreams.registry("ftp://host")).hasMessageContaining("is not an http(s) URL");
        assertThatThrownBy(() -> Upstreams.registry("https://host/v2")).hasMessageContaining("must be an origin");
        assertThatThrownBy(() -> Upstreams.registry("https://user:hunter2@host"))
                .hasMessageContaining("holds credentials").hasMessageNotContaining("hunter2");
    }
}
