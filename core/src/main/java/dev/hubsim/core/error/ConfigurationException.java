package dev.hubsim.core.error;

/** The client configuration is wrong; the message names the file and the field. */
public final class ConfigurationException extends DockerHubException {

    public ConfigurationException(String reason) {
        super("", "", reason, null);
    }

    public ConfigurationException(String reason, Throwable cause) {
        super("", "", reason, cause);
    }
}
