package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.Credentials;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.fault.Operation;
import dev.hubsim.simulator.journal.JournalQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every injectable type, in the constructor, a lifecycle method and a test method. */
@DockerHubSimulation(users = {"alice:inject-pw-1", "bob:inject-pw-2"})
class InjectionTest {
    private final DockerHubClient constructorClient;
    private SimulatorHandle beforeEachSimulator;

    InjectionTest(DockerHubClient client) {
        this.constructorClient = client;
    }

    @BeforeEach
    void remember(SimulatorHandle simulator) {
        this.beforeEachSimulator = simulator;
    }

    @Test
    void theClientTalksToTheSimulatorAsTheFirstUser(DockerHubClient client, HubsimRuntimeInfo info,
                                                    SimulatorHandle simulator) {
        assertThat(client).isSameAs(constructorClient);
        assertThat(client.config().registryUrl()).isEqualTo(info.registryUrl());
        assertThat(client.config().account()).map(Credentials::username).contains("alice");

        TinyImage.push(client, "alice/app:1.0", "injected");

        assertThat(simulator.journal().entries(JournalQuery.all().operation(Operation.MANIFEST_PUT)))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.principal()).isEqualTo("alice");
                    assertThat(entry.status()).isEqualTo(201);
                });
    }

    @Test
    void eachTestGetsItsOwnClientSoTheFirstPushFetchesAToken(DockerHubClient client, SimulatorHandle simulator) {
        assertThat(client).isSameAs(constructorClient);

        TinyImage.push(client, "alice/again:1", "again");

        assertThat(simulator.journal().entries(JournalQuery.all().operation(Operation.TOKEN))).isNotEmpty();
    }

    @Test
    void theHandleIsTheSimulatorTheRuntimeInfoDescribes(SimulatorHandle simulator, HubsimRuntimeInfo info) {
        assertThat(simulator).isSameAs(beforeEachSimulator);
        assertThat(info.target()).isEqualTo(Target.MOCK);
        assertThat(info.simulatorUrl()).contains(simulator.baseUri());
        assertThat(info.registryUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(info.registryUrl().getPort()).isPositive();
        assertThat(info.hubUrl()).isEqualTo(info.registryUrl()).isEqualTo(info.authUrl());
        assertThat(info.registryAuthority()).isEqualTo("127.0.0.1:" + info.registryUrl().getPort());
    }

    @Test
    void theHandleReachesClockAccountsAndRegistry(SimulatorHandle simulator, DockerHubClient client) {
        simulator.clock().advance(Duration.ofMinutes(10));
        assertThat(simulator.clock().offset()).isEqualTo(Duration.ofMinutes(10));
        assertThat(simulator.accounts().user("bob")).isPresent();

        TinyImage.push(client, "alice/tools:2", "tools");
        assertThat(simulator.registry().repositoryView("alice/tools")).isPresent();
        assertThat(client.registry().checkManifest(ImageReference.parse("alice/tools:2"))).isPresent();
    }
}
