package dev.hubsim.junit.parallel;

import dev.hubsim.junit.DockerHubSimulation;

/** The other twin class of {@link SharedTagPushes}; its alice has her own password. */
@DockerHubSimulation(users = "alice:parallel-pw-two")
class ParallelClassTwoTest extends SharedTagPushes {
    @Override
    String owner() {
        return "two";
    }
}
