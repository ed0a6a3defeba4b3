package dev.hubsim.core.error;

import java.io.IOException;

/** The connection failed (refused, reset, timed out, truncated) and bounded retries did not help. */
public final class TransportException extends DockerHubException {

    public TransportException(String operation, String target, IOException cause) {
        super(operation, target, "I/O error: " + cause.getMessage(), cause);
    }
}
