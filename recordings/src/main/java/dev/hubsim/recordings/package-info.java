/**
 * The recording format: interactions captured from a registry, stored without secrets, replayed later.
 * Filled by the record/replay work; empty for now so the module graph is in place.
 */
package dev.hubsim.recordings;
