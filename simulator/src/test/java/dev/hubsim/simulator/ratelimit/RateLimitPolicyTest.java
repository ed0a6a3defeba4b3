package dev.hubsim.simulator.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "100/6h, 100, PT6H",
            "10/1h, 10, PT1H",
            "3/30m, 3, PT30M",
            "5/45s, 5, PT45S",
            "1/1d, 1, PT24H",
            "' 7/2h ', 7, PT2H",
    })
    void pullLimitParsesCountSlashWindowWithAUnit(String text, long count, Duration window) {
        assertThat(PullLimit.parse(text)).isEqualTo(new PullLimit(count, window));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "3", "3/", "/1h", "3/1", "3/1w", "-1/1h", "3/-1h", "3 per hour", "3/1h/2"})
    void pullLimitRefusesMalformedSpecsNamingTheTextAndTheExpectedForm(String text) {
        assertThatThrownBy(() -> PullLimit.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("COUNT/WINDOW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/1h", "3/0h", "0/0s"})
    void pullLimitRefusesAZeroCountOrWindow(String text) {
        assertThatThrownBy(() -> PullLimit.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive count and window");
    }

    @Test
    void pullLimitWritesHeaderValuesWithTheWindowInSeconds() {
        PullLimit limit = new PullLimit(100, Duration.ofHours(6));

        assertThat(limit.header(limit.count())).isEqualTo("100;w=21600");
        assertThat(limit.header(76)).isEqualTo("76;w=21600");
        assertThat(PullLimit.parse("3/1h").header(0)).isEqualTo("0;w=3600");
    }

    @Test
    void theDockerHubPresetIsOneHundredAnonymousAndTwoHundredAuthenticatedPullsPerSixHours() {
        RateLimitPolicy policy = RateLimitPolicy.parse("docker-hub");

        assertThat(policy).isEqualTo(RateLimitPolicy.DOCKER_HUB);
        assertThat(policy.anonymous()).contains(new PullLimit(100, Duration.ofHours(6)));
        assertThat(policy.authenticated()).contains(new PullLimit(200, Duration.ofHours(6)));
    }

    @Test
    void theHourlyPresetIsTenAnonymousAndOneHundredAuthenticatedPullsPerHour() {
        RateLimitPolicy policy = RateLimitPolicy.parse("docker-hub-hourly");

        assertThat(policy.anonymous()).contains(new PullLimit(10, Duration.ofHours(1)));
        assertThat(policy.authenticated()).contains(new PullLimit(100, Duration.ofHours(1)));
    }

    @Test
    void unlimitedHasNoLimitOnEitherSide() {
        assertThat(RateLimitPolicy.parse("unlimited")).isEqualTo(RateLimitPolicy.UNLIMITED);
        assertThat(RateLimitPolicy.UNLIMITED.anonymous()).isEmpty();
        assertThat(RateLimitPolicy.UNLIMITED.authenticated()).isEmpty();
    }

    @Test
    void presetNamesIgnoreCaseAndSurroundingSpace() {
        assertThat(RateLimitPolicy.parse("  Docker-Hub ")).isEqualTo(RateLimitPolicy.DOCKER_HUB);
        assertThat(RateLimitPolicy.parse("UNLIMITED")).isEqualTo(RateLimitPolicy.UNLIMITED);
    }

    @Test
    void aSpecSetsBothSidesIndependently() {
        RateLimitPolicy policy = RateLimitPolicy.parse("anonymous=3/1h,authenticated=5/1h");

        assertThat(policy.anonymous()).contains(new PullLimit(3, Duration.ofHours(1)));
        assertThat(policy.authenticated()).contains(new PullLimit(5, Duration.ofHours(1)));
    }

    @Test
    void aSideLeftOutOrWrittenUnlimitedIsUnlimited() {
        assertThat(RateLimitPolicy.parse("anonymous=3/1h"))
                .isEqualTo(new RateLimitPolicy(Optional.of(new PullLimit(3, Duration.ofHours(1))), Optional.empty()));
        assertThat(RateLimitPolicy.parse("authenticated=5/1h, anonymous=unlimited"))
                .isEqualTo(new RateLimitPolicy(Optional.empty(), Optional.of(new PullLimit(5, Duration.ofHours(1)))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "anonymous", "everyone=3/1h", "anonymous:3/1h", "docker", "anonymous=3/1h,",
            ",anonymous=3/1h"})
    void aBadSpecNamesItselfAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> RateLimitPolicy.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("docker-hub")
                .hasMessageContaining("anonymous=3/1h,authenticated=5/1h");
    }

    @Test
    void aBadLimitInsideASpecNamesTheLimit() {
        assertThatThrownBy(() -> RateLimitPolicy.parse("anonymous=3/1x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'3/1x'");
        assertThatThrownBy(() -> RateLimitPolicy.parse("authenticated=0/1h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void aSideGivenTwiceIsRefusedRatherThanSilentlyOverridden() {
        assertThatThrownBy(() -> RateLimitPolicy.parse("anonymous=1/1h,anonymous=5/1h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anonymous is given twice");
    }

    @Test
    void pullLimitUnitsIgnoreCaseLikeTheSpecsThatContainThem() {
        assertThat(PullLimit.parse("3/1H")).isEqualTo(new PullLimit(3, Duration.ofHours(1)));
    }
}
