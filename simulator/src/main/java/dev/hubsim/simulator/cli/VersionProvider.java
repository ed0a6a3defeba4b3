package dev.hubsim.simulator.cli;

import picocli.CommandLine;

/** The version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = HubsimCommand.class.getPackage().getImplementationVersion();
        return new String[] {"hubsim " + (version == null ? "development" : version)};
    }
}
