package dev.hubsim.core.registry;

import dev.hubsim.core.DockerHubClient;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the test classes that run the client against the CNCF reference registry (distribution), started once per
 * class on a loopback port: the registry, a client for it (64 KiB chunks) and a directory for the class.
 */
abstract class AgainstDistributionRegistry {
    @TempDir
    static Path directory;
    static DistributionRegistry registry;
    static DockerHubClient client;

    @BeforeAll
    static void startRegistry() throws IOException, InterruptedException {
        registry = DistributionRegistry.start(directory);
        client = DockerHubClient.builder().registryUrl(registry.url()).chunkSize(64 * 1024).build();
    }

    @AfterAll
    static void stopRegistry() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
    }
}
