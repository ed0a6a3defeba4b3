package dev.hubsim.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.error.ConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerHubConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreDockerHubsWithTheDocumentedLimits() {
        DockerHubConfig config = DockerHubConfig.load(Optional.empty(), Map.of());

        assertThat(config.hubUrl()).isEqualTo(URI.create("https://hub.docker.com"));
        assertThat(config.registryUrl()).isEqualTo(URI.create("https://registry-1.docker.io"));
        assertThat(config.authUrl()).isEqualTo(URI.create("https://auth.docker.io"));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.chunkSize()).isEqualTo(5L * 1024 * 1024);
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.circuitBreaker().failureThreshold()).isEqualTo(5);
        assertThat(config.circuitBreaker().resetTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.account()).isEmpty();
    }

    @Test
    void fileOverridesDefaultsAndKeepsWhatItDoesNotSet() throws IOException {
        Path file = write("""
                docker_hub:
                  registry_url: http://127.0.0.1:5000/
                  timeout_seconds: 5
                  chunk_size_mb: 2
                  circuit_breaker:
                    failure_threshold: 9
                """);

        DockerHubConfig config = DockerHubConfig.load(Optional.of(file), Map.of());

        assertThat(config.registryUrl()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(config.hubUrl()).isEqualTo(URI.create("https://hub.docker.com"));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.chunkSize()).isEqualTo(2L * 1024 * 1024);
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.circuitBreaker().failureThreshold()).isEqualTo(9);
        assertThat(config.circuitBreaker().resetTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void environmentCredentialsGoOverTheFileAndTheAccessTokenWinsOverThePassword() throws IOException {
        Path file = write("docker_hub:\n  max_retries: 0\n");

        DockerHubConfig config = DockerHubConfig.load(Optional.of(file), Map.of("DOCKER_HUB_USERNAME", "alice",
                "DOCKER_HUB_PASSWORD", "pw-secret", "DOCKER_HUB_ACCESS_TOKEN", "dckr_pat_secret"));

        assertThat(config.maxRetries()).isZero();
        assertThat(config.credentials().username()).isEqualTo("alice");
        assertThat(config.credentials().secret().reveal()).isEqualTo("dckr_pat_secret");
        assertThat(config.toString()).contains("alice").doesNotContain("dckr_pat_secret").doesNotContain("pw-secret");
    }

    @Test
    void aSecretWithoutAUserNameIsAnErrorThatDoesNotShowTheSecret() {
        assertThatThrownBy(() -> DockerHubConfig.load(Optional.empty(), Map.of("DOCKER_HUB_PASSWORD", "pw-secret")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DOCKER_HUB_PASSWORD is set but DOCKER_HUB_USERNAME is not")
                .hasMessageNotContaining("pw-secret");
        assertThatThrownBy(() -> DockerHubConfig.load(Optional.empty(), Map.of("DOCKER_HUB_USERNAME", "alice")))
                .hasMessageContaining("neither DOCKER_HUB_ACCESS_TOKEN nor DOCKER_HUB_PASSWORD");
    }

    @Test
    void badValuesNameTheFileAndTheField() throws IOException {
        Path file = write("docker_hub:\n  timeout_seconds: soon\n");

        assertThatThrownBy(() -> DockerHubConfig.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("docker_hub.timeout_seconds must be an integer >= 1, got 'soon'");
    }

    @Test
    void nestedAndUnknownFieldsAreNamedWithTheirPath() throws IOException {
        Path negative = write("docker_hub:\n  circuit_breaker:\n    reset_timeout_seconds: -3\n");
        assertThatThrownBy(() -> DockerHubConfig.load(Optional.of(negative), Map.of()))
                .hasMessageContaining("docker_hub.circuit_breaker.reset_timeout_seconds must be an integer >= 1");

        Path typo = write("docker_hub:\n  chunk_size: 3\n");
        assertThatThrownBy(() -> DockerHubConfig.load(Optional.of(typo), Map.of()))
                .hasMessageContaining("docker_hub.chunk_size is not a known setting");
    }

    @Test
    void plainHttpIsAllowedOnlyToLoopback() throws IOException {
        Path file = write("docker_hub:\n  registry_url: http://registry.example.com\n");

        assertThatThrownBy(() -> DockerHubConfig.load(Optional.of(file), Map.of()))
                .hasMessageContaining("docker_hub.registry_url must use https");
    }

    @Test
    void brokenYamlAndMissingFilesSayWhichFile() throws IOException {
        Path broken = write("docker_hub:\n  registry_url: [unclosed\n");
        assertThatThrownBy(() -> DockerHubConfig.load(Optional.of(broken), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(broken.toString()).hasMessageContaining("not valid YAML");

        Path missing = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> DockerHubConfig.load(Optional.of(missing), Map.of()))
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "config", ".yaml"), yaml);
    }
}
