package dev.hubsim.junit.parallel;

import dev.hubsim.junit.DockerHubSimulation;

/** One of the twin classes of {@link SharedTagPushes}; its alice has her own password. */
@DockerHubSimulation(users = "alice:parallel-pw-one")
class ParallelClassOneTest extends SharedTagPushes {
    @Override
    String owner() {
        return "one";
    }
}
