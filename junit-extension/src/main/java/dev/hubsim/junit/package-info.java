/**
 * {@code @DockerHubSimulation} for JUnit 5 tests and the Testcontainers module. Filled by the JUnit extension
 * work; empty for now so the module graph is in place.
 */
package dev.hubsim.junit;
