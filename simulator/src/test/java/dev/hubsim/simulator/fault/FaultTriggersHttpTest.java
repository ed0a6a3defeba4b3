package dev.hubsim.simulator.fault;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.simulator.testing.OpenSimulatorTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** When a rule fires among the requests it matches: once, N times, after K, with a seeded probability. */
class FaultTriggersHttpTest extends OpenSimulatorTest {
    private static final String BASE = "/v2/";

    /** The status of each of {@code n} requests to {@code /v2/}. */
    private List<Integer> statuses(int n) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(http.get(BASE).status());
        }
        return statuses;
    }

    private static FaultRule unavailable(Function<FaultRule.Builder, FaultRule.Builder> trigger) {
        return trigger.apply(FaultRule.when().path(BASE)).respond(RegistryErrorCode.UNAVAILABLE);
    }

    @Test
    void withoutATriggerARuleFiresOnEveryMatch() {
        simulator.faults().add(unavailable(rule -> rule));

        assertThat(statuses(3)).containsExactly(503, 503, 503);
    }

    @Test
    void onceFiresOnTheFirstMatchOnly() {
        simulator.faults().add(unavailable(FaultRule.Builder::once));

        assertThat(statuses(3)).containsExactly(503, 200, 200);
    }

    @Test
    void timesFiresOnTheFirstNMatches() {
        FaultRule rule = simulator.faults().add(unavailable(r -> r.times(2)));

        assertThat(statuses(4)).containsExactly(503, 503, 200, 200);
        assertThat(simulator.faults().get(rule.id()).orElseThrow()).isEqualTo(new FaultStatus(rule, 4, 2));
    }

    @Test
    void afterSkipsTheFirstKMatches() {
        simulator.faults().add(unavailable(r -> r.after(2)));

        assertThat(statuses(4)).containsExactly(200, 200, 503, 503);
    }

    @Test
    void afterAndTimesTogetherFireOnAWindow() {
        simulator.faults().add(unavailable(r -> r.after(1).times(2)));

        assertThat(statuses(5)).containsExactly(200, 503, 503, 200, 200);
    }

    @Test
    void aSeededProbabilityFiresOnTheSameRequestsEveryTimeAsItsGeneratorSays() {
        simulator.faults().add(unavailable(r -> r.probability(0.5, 42)));
        List<Integer> first = statuses(30);
        simulator.reset();
        simulator.faults().add(unavailable(r -> r.probability(0.5, 42)));
        List<Integer> second = statuses(30);

        Random generator = new Random(42);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add(generator.nextDouble() < 0.5 ? 503 : 200);
        }
        assertThat(first).isEqualTo(expected).isEqualTo(second).contains(200, 503);
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        simulator.faults().add(unavailable(r -> r.probability(0.5, 42)));
        List<Integer> first = statuses(30);
        simulator.faults().clear();
        simulator.faults().add(unavailable(r -> r.probability(0.5, 7)));

        assertThat(statuses(30)).isNotEqualTo(first);
    }

    @Test
    void theFirstRuleThatFiresWinsAndLaterRulesDoNotSeeTheRequest() {
        FaultRule first = simulator.faults().add(FaultRule.when().path(BASE).once().respond(RegistryErrorCode.UNAVAILABLE));
        FaultRule second = simulator.faults().add(FaultRule.when().path(BASE).respond(RegistryErrorCode.DENIED));

        assertThat(statuses(3)).containsExactly(503, 403, 403);
        assertThat(simulator.faults().list()).containsExactly(new FaultStatus(first, 3, 1), new FaultStatus(second, 2, 2));
    }
}
