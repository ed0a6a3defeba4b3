package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HubRateLimitHttpTest {
    private static final String OPEN = "/v2/namespaces/alice/repositories/open";

    private HubCast cast;

    @BeforeEach
    void start() {
        cast = HubCast.start(Simulator.builder().hubApiRateLimit(3));
    }

    @AfterEach
    void stop() {
        cast.close();
    }

    @Test
    void everyAnswerCarriesTheHeadersAndTheFourthRequestOfTheMinuteIs429() {
        long resetAt = cast.clock.instant().plus(Duration.ofMinutes(1)).getEpochSecond();
        for (int remaining = 2; remaining >= 0; remaining--) {
            Reply reply = cast.hub.get(OPEN, null).expect(200);
            assertThat(reply.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
            assertThat(Long.parseLong(reply.header("X-RateLimit-Reset"))).isEqualTo(resetAt);
        }

        Reply refused = cast.hub.get(OPEN, null).expect(429);

        assertThat(refused.header("Retry-After")).isEqualTo("60");
        assertThat(refused.header("X-Retry-After")).isEqualTo(Long.toString(resetAt));
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.json().path("detail").asText()).isEqualTo("Rate limit exceeded");
        cast.hub.post("/v2/users/login", java.util.Map.of("username", "alice", "password", "x"), null).expect(429);
    }

    @Test
    void theQuotaComesBackAfterAMinuteOnTheSimulatorsClock() {
        for (int i = 0; i < 3; i++) {
            cast.hub.get(OPEN, null).expect(200);
        }
        cast.clock.advance(Duration.ofSeconds(45));
        assertThat(cast.hub.get(OPEN, null).expect(429).header("Retry-After")).isEqualTo("15");

        cast.clock.advance(Duration.ofSeconds(15));

        assertThat(cast.hub.get(OPEN, null).expect(200).header("X-RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void registryRequestsDoNotCount() {
        for (int i = 0; i < 5; i++) {
            cast.registry.get("/v2/").expect(401);
        }

        assertThat(cast.hub.get(OPEN, null).expect(200).header("X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(cast.registry.get("/v2/").header("X-RateLimit-Limit")).isNull();
    }

    @Test
    void aResetGivesTheQuotaBack() {
        for (int i = 0; i < 3; i++) {
            cast.hub.get(OPEN, null).expect(200);
        }

        cast.simulator.reset();

        cast.hub.get(OPEN, null).expect(200);
    }
}
