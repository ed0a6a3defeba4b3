package dev.hubsim.junit;

import dev.hubsim.core.registry.DistributionRegistry;
import dev.hubsim.simulator.storage.FileTrees;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stands in for the live service of a nightly job: when the build sets {@value #SWITCH}, it starts the Debian
 * {@code docker-registry} on a free loopback port for the whole test run and points the LIVE target at it through
 * {@code hubsim.live.registry}. Registered in {@code META-INF/services}; does nothing without the switch.
 */
public final class LocalLiveRegistry implements LauncherSessionListener {
    static final String SWITCH = "hubsim.test.start-live-registry";

    private DistributionRegistry registry;
    private Path directory;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean(SWITCH)) {
            return;
        }
        if (!Files.isExecutable(DistributionRegistry.BINARY)) {
            throw new IllegalStateException(SWITCH + " is set but " + DistributionRegistry.BINARY
                    + " is missing: apt-get install docker-registry");
        }
        try {
            directory = Files.createTempDirectory("hubsim-live-registry-");
            registry = DistributionRegistry.start(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start docker-registry", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting docker-registry", e);
        }
        System.setProperty(LiveSettings.REGISTRY_PROPERTY, registry.url());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (registry == null) {
            return;
        }
        try {
            registry.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            FileTrees.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory, e);
        }
    }
}
