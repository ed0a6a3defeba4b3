package dev.hubsim.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hubsim.core.config.DockerHubConfig;
import dev.hubsim.core.registry.DistributionRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples that make sense against a live registry run there unchanged: the Debian {@code docker-registry} on a
 * loopback port stands in for the live service. The mock-only ones are refused with the line of their simulator block.
 */
class ExamplesOnLiveRegistryTest {
    @TempDir
    static Path storage;

    private static DistributionRegistry registry;

    @BeforeAll
    static void startRegistry() throws IOException, InterruptedException {
        registry = DistributionRegistry.start(storage);
    }

    @AfterAll
    static void stopRegistry() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
    }

    private static ScriptRunner live() {
        DockerHubConfig config = DockerHubConfig.defaults();
        URI url = URI.create(registry.url());
        return ScriptRunner.builder().target(Target.LIVE).liveConfig(new DockerHubConfig(config.hubUrl(), url,
                config.authUrl(), config.timeout(), config.chunkSize(), config.maxRetries(), config.circuitBreaker(),
                null)).build();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"push-and-pull.groovy", "tags-and-cleanup.groovy"})
    void exampleSucceedsAgainstTheLiveRegistry(String example) {
        assertThatCode(() -> live().run(Examples.named(example))).doesNotThrowAnyException();
    }

    @Test
    void aMockOnlyExampleIsRefusedAtItsSimulatorBlock() {
        ScriptFailure failure = catchThrowableOfType(ScriptFailure.class,
                () -> live().run(Examples.named("fault-tolerance.groovy")));
        assertThat(failure.getMessage()).startsWith("(fault-tolerance.groovy, line 2) simulator { } configures the mock "
                + "and cannot run against target live");
        assertThat(failure.kind()).isEqualTo(ScriptFailure.Kind.ERROR);
    }
}
