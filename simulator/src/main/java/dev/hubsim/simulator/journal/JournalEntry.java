package dev.hubsim.simulator.journal;

import dev.hubsim.simulator.fault.Operation;

import java.time.Duration;
import java.time.Instant;

/**
 * One request as the journal keeps it: metadata only, never a body, a header or a secret. {@code time} is the
 * simulator's clock when the request arrived; {@code query} has the values of secret parameters replaced;
 * {@code principal} is the token's subject or the Basic user name (null when anonymous); {@code repository} and
 * {@code fault} (the id of the fault rule applied) are null when there is none. {@code status} is the status the
 * server set: after a reset or truncation the client saw less, which {@code fault} tells.
 */
public record JournalEntry(Instant time, String method, String path, String query, int status, Duration duration,
                           String principal, Operation operation, String repository, String fault) {
}
