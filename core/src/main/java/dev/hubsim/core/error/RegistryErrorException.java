package dev.hubsim.core.error;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The registry refused the request with an error body: the HTTP status and the error codes it sent. */
public final class RegistryErrorException extends DockerHubException {
    private final int status;
    private final List<RegistryError> errors;

    public RegistryErrorException(String operation, String target, int status, List<RegistryError> errors) {
        super(operation, target, "HTTP " + status + " "
                + errors.stream().map(RegistryError::toString).collect(Collectors.joining(", ")), null);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** Every error of the body, in order; never empty. */
    public List<RegistryError> errors() {
        return errors;
    }

    /** The known codes among {@link #errors()}. */
    public List<RegistryErrorCode> codes() {
        return errors.stream().map(RegistryError::knownCode).flatMap(Optional::stream).toList();
    }

    /** True when one of the errors has this code. */
    public boolean has(RegistryErrorCode code) {
        return codes().contains(code);
    }
}
