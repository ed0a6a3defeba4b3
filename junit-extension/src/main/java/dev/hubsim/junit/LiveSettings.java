package dev.hubsim.junit;

import dev.hubsim.core.config.DockerHubConfig;
import dev.hubsim.core.config.Endpoints;
import dev.hubsim.core.error.ConfigurationException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the LIVE target finds the live service, read where a nightly job sets it (a property wins over its variable):
 * <ul>
 *   <li>{@value #CONFIG_PROPERTY} / {@value #CONFIG_VARIABLE}: a YAML file with a {@code docker_hub:} section;</li>
 *   <li>{@value #REGISTRY_PROPERTY} / {@value #REGISTRY_VARIABLE}: a registry URL that replaces the configured one
 *       (e.g. a registry of your own; plain http only to loopback);</li>
 *   <li>{@code DOCKER_HUB_USERNAME} with {@code DOCKER_HUB_ACCESS_TOKEN} or {@code DOCKER_HUB_PASSWORD}: the
 *       account.</li>
 * </ul>
 * With none of them, LIVE is anonymous Docker Hub.
 */
final class LiveSettings {
    static final String CONFIG_PROPERTY = "hubsim.live.config";
    static final String CONFIG_VARIABLE = "HUBSIM_LIVE_CONFIG";
    static final String REGISTRY_PROPERTY = "hubsim.live.registry";
    static final String REGISTRY_VARIABLE = "HUBSIM_LIVE_REGISTRY";

    private LiveSettings() {
    }

    static DockerHubConfig read(Function<String, String> properties, Map<String, String> environment) {
        Optional<Path> file = value(properties, environment, CONFIG_PROPERTY, CONFIG_VARIABLE).map(Path::of);
        Optional<String> registry = value(properties, environment, REGISTRY_PROPERTY, REGISTRY_VARIABLE);
        try {
            DockerHubConfig config = DockerHubConfig.load(file, environment);
            if (registry.isEmpty()) {
                return config;
            }
            return new DockerHubConfig(config.hubUrl(), Endpoints.require(REGISTRY_PROPERTY, registry.get()),
                    config.authUrl(), config.timeout(), config.chunkSize(), config.maxRetries(), config.circuitBreaker(),
                    config.credentials());
        } catch (ConfigurationException e) {
            throw new ExtensionConfigurationException("target LIVE: " + e.getMessage(), e);
        }
    }

    private static Optional<String> value(Function<String, String> properties, Map<String, String> environment,
                                          String property, String variable) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.get(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
