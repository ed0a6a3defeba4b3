package dev.hubsim.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hubsim.core.error.ConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code docker_hub:} section of a YAML file over given settings. Every field is checked: an unknown
 * key, a wrong type or a value out of range fails with the file and the field's path in the message.
 * <pre>
 * docker_hub:
 *   hub_url: https://hub.docker.com
 *   registry_url: https://registry-1.docker.io
 *   auth_url: https://auth.docker.io
 *   timeout_seconds: 60
 *   chunk_size_mb: 5          # smaller blobs go in one request; a larger file in one PATCH, a stream in chunks
 *   max_retries: 3
 *   circuit_breaker:
 *     failure_threshold: 5
 *     reset_timeout_seconds: 30
 * </pre>
 */
final class YamlConfigReader {
    private static final String SECTION = "docker_hub";
    private static final Set<String> FIELDS = Set.of("hub_url", "registry_url", "auth_url", "timeout_seconds",
            "chunk_size_mb", "max_retries", "circuit_breaker");
    private static final Set<String> BREAKER_FIELDS = Set.of("failure_threshold", "reset_timeout_seconds");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path file;

    private YamlConfigReader(Path file) {
        this.file = file;
    }

    static DockerHubConfig read(Path file, DockerHubConfig base) {
        return new YamlConfigReader(file).apply(base);
    }

    private DockerHubConfig apply(DockerHubConfig base) {
        JsonNode root = parse();
        JsonNode section = root == null || root.isMissingNode() || root.isNull() ? null : root.get(SECTION);
        if (root != null && !root.isMissingNode() && !root.isNull() && !root.isObject()) {
            throw error("the document must be a mapping with a '" + SECTION + ":' section");
        }
        if (section == null || section.isNull()) {
            return base;
        }
        requireMapping(section, SECTION);
        refuseUnknown(section, SECTION, FIELDS);
        DockerHubConfig.CircuitBreakerSettings breaker = base.circuitBreaker();
        JsonNode breakerNode = section.get("circuit_breaker");
        if (breakerNode != null && !breakerNode.isNull()) {
            String path = SECTION + ".circuit_breaker";
            requireMapping(breakerNode, path);
            refuseUnknown(breakerNode, path, BREAKER_FIELDS);
            breaker = new DockerHubConfig.CircuitBreakerSettings(
                    (int) integer(breakerNode, path, "failure_threshold", breaker.failureThreshold(), 1),
                    Duration.ofSeconds(integer(breakerNode, path, "reset_timeout_seconds",
                            breaker.resetTimeout().toSeconds(), 1)));
        }
        long chunkMb = integer(section, SECTION, "chunk_size_mb", -1, 1);
        return new DockerHubConfig(
                url(section, "hub_url", base.hubUrl().toString()),
                url(section, "registry_url", base.registryUrl().toString()),
                url(section, "auth_url", base.authUrl().toString()),
                Duration.ofSeconds(integer(section, SECTION, "timeout_seconds", base.timeout().toSeconds(), 1)),
                chunkMb < 0 ? base.chunkSize() : chunkMb * 1024 * 1024,
                (int) integer(section, SECTION, "max_retries", base.maxRetries(), 0),
                breaker, base.credentials());
    }

    private JsonNode parse() {
        try {
            return YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw error("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            boolean missing = e instanceof NoSuchFileException || !file.toFile().exists();
            throw error(missing ? "the file does not exist" : "cannot be read: " + e.getMessage());
        }
    }

    private URI url(JsonNode section, String field, String fallback) {
        JsonNode node = section.get(field);
        if (node == null || node.isNull()) {
            return Endpoints.require(field, fallback);
        }
        if (!node.isTextual()) {
            throw error(SECTION + "." + field + " must be a URL string, got " + node.getNodeType().name().toLowerCase());
        }
        try {
            return Endpoints.require(SECTION + "." + field, node.textValue());
        } catch (ConfigurationException e) {
            throw error(e.getMessage());
        }
    }

    private long integer(JsonNode section, String path, String field, long fallback, long minimum) {
        JsonNode node = section.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asLong() < minimum) {
            throw error(path + "." + field + " must be an integer >= " + minimum + ", got '" + node.asText() + "'");
        }
        return node.asLong();
    }

    private void requireMapping(JsonNode node, String path) {
        if (!node.isObject()) {
            throw error(path + " must be a mapping, got " + node.getNodeType().name().toLowerCase());
        }
    }

    private void refuseUnknown(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(path + "." + name + " is not a known setting (known: " + String.join(", ",
                        new TreeSet<>(known)) + ")");
            }
        }
    }

    private ConfigurationException error(String problem) {
        return new ConfigurationException("configuration file " + file + ": " + problem);
    }
}
