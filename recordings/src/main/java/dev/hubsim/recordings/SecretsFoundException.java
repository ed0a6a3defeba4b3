package dev.hubsim.recordings;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A recording holds secrets; the message lists where (never the secrets themselves). */
public final class SecretsFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<SecretFinding> findings;

    public SecretsFoundException(Path directory, List<SecretFinding> findings) {
        super("the recording in " + directory + " holds " + findings.size() + " secret(s):\n"
                + findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
        this.findings = List.copyOf(findings);
    }

    public List<SecretFinding> findings() {
        return findings;
    }
}
