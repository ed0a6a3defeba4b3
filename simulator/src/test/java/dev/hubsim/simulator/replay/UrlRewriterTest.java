package dev.hubsim.simulator.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlRewriterTest {
    private static final String BASE = "http://127.0.0.1:7000";
    private final UrlRewriter onOrigins = UrlRewriter.onOrigins(
            Upstreams.of("https://registry.example", "https://auth.example", null));

    @Test
    void aLocationOnAnUpstreamPointsAtHubsimWithItsPathAndQuery() {
        assertThat(onOrigins.rewrite("Location", "https://registry.example/v2/a/blobs/uploads/u1?_state=x%2Fy", BASE))
                .isEqualTo(BASE + "/v2/a/blobs/uploads/u1?_state=x%2Fy");
        assertThat(onOrigins.rewrite("location", "https://cdn.example/blob?sig=1", BASE))
                .isEqualTo("https://cdn.example/blob?sig=1");
        assertThat(onOrigins.rewrite("Location", "/v2/a/blobs/uploads/u1", BASE)).isEqualTo("/v2/a/blobs/uploads/u1");
    }

    @Test
    void theRealmOfEveryChallengeIsRewrittenAndTheRestKeptByteForByte() {
        String challenge = "Bearer realm=\"https://auth.example/token\",service=\"registry.example\","
                + "scope=\"repository:library/nginx:pull\",error=\"insufficient_scope\"";

        assertThat(onOrigins.rewrite("WWW-Authenticate", challenge, BASE)).isEqualTo(
                "Bearer realm=\"" + BASE + "/token\",service=\"registry.example\","
                        + "scope=\"repository:library/nginx:pull\",error=\"insufficient_scope\"");
    }

    @Test
    void aMalformedChallengeAndOtherHeadersAreLeftAlone() {
        assertThat(onOrigins.rewrite("WWW-Authenticate", "Bearer realm=", BASE)).isEqualTo("Bearer realm=");
        assertThat(onOrigins.rewrite("Docker-Content-Digest", "https://registry.example/x", BASE))
                .isEqualTo("https://registry.example/x");
    }

    @Test
    void linkTargetsAreRewritten() {
        assertThat(onOrigins.rewrite("Link", "<https://registry.example/v2/_catalog?last=a&n=1>; rel=\"next\"", BASE))
                .isEqualTo("<" + BASE + "/v2/_catalog?last=a&n=1>; rel=\"next\"");
    }

    @Test
    void inReplayEveryAbsoluteUrlPointsAtHubsim() {
        assertThat(UrlRewriter.allAbsolute().rewrite("Location", "https://anywhere.example:444/v2/x?y=1", BASE))
                .isEqualTo(BASE + "/v2/x?y=1");
    }
}
