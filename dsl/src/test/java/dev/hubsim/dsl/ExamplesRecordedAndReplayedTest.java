package dev.hubsim.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.hubsim.core.config.DockerHubConfig;
import dev.hubsim.core.registry.DistributionRegistry;
import dev.hubsim.recordings.SecretScanner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples that run against a live registry also run, unchanged, under {@code record} (through the recording proxy
 * in front of the Debian {@code docker-registry}) and then under {@code replay} from that recording with the registry
 * stopped.
 */
class ExamplesRecordedAndReplayedTest {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"push-and-pull.groovy", "tags-and-cleanup.groovy"})
    void exampleRecordedAgainstTheRegistryReplaysOffline(String example) throws Exception {
        Path recording = work.resolve("recording");
        DockerHubConfig upstream;
        try (DistributionRegistry registry = DistributionRegistry.start(Files.createDirectories(work.resolve("registry")))) {
            DockerHubConfig defaults = DockerHubConfig.defaults();
            upstream = new DockerHubConfig(defaults.hubUrl(), URI.create(registry.url()), defaults.authUrl(),
                    defaults.timeout(), defaults.chunkSize(), defaults.maxRetries(), defaults.circuitBreaker(), null);
            assertThatCode(() -> ScriptRunner.builder().target(Target.RECORD).liveConfig(upstream).recording(recording)
                    .build().run(Examples.named(example))).doesNotThrowAnyException();
        }

        assertThat(recording.resolve("interactions.json")).exists();
        assertThat(Files.size(recording.resolve("interactions.json"))).isGreaterThan(100);
        SecretScanner.patternsOnly().verifyClean(recording);
        assertThatCode(() -> ScriptRunner.builder().target(Target.REPLAY).liveConfig(upstream).recording(recording)
                .build().run(Examples.named(example))).doesNotThrowAnyException();
    }
}
