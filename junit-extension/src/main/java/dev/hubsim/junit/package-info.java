/**
 * Docker Hub in JUnit tests: {@link dev.hubsim.junit.DockerHubSimulation} (or the programmatic
 * {@link dev.hubsim.junit.DockerHubSimulationExtension}) runs a test class against the simulator or a live registry
 * and injects a {@link dev.hubsim.core.DockerHubClient}, the {@link dev.hubsim.junit.SimulatorHandle} and the
 * {@link dev.hubsim.junit.HubsimRuntimeInfo}; {@link dev.hubsim.junit.HubsimAssertions} checks the request journal;
 * {@link dev.hubsim.junit.HubsimContainer} runs the simulator image with Testcontainers.
 */
package dev.hubsim.junit;
