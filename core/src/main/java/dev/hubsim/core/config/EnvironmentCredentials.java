package dev.hubsim.core.config;

import dev.hubsim.core.auth.Credentials;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.ConfigurationException;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from {@code DOCKER_HUB_USERNAME} with {@code DOCKER_HUB_ACCESS_TOKEN} (preferred) or
 * {@code DOCKER_HUB_PASSWORD}. A secret without a user name, or a user name without a secret, is an error.
 */
final class EnvironmentCredentials {
    static final String USERNAME = "DOCKER_HUB_USERNAME";
    static final String PASSWORD = "DOCKER_HUB_PASSWORD";
    static final String ACCESS_TOKEN = "DOCKER_HUB_ACCESS_TOKEN";

    private EnvironmentCredentials() {
    }

    static Optional<Credentials> read(Map<String, String> environment) {
        String username = nonEmpty(environment.get(USERNAME));
        String token = nonEmpty(environment.get(ACCESS_TOKEN));
        String password = nonEmpty(environment.get(PASSWORD));
        String secret = token != null ? token : password;
        if (username == null && secret == null) {
            return Optional.empty();
        }
        if (username == null) {
            throw new ConfigurationException((token != null ? ACCESS_TOKEN : PASSWORD) + " is set but " + USERNAME
                    + " is not: set the user name the secret belongs to");
        }
        if (secret == null) {
            throw new ConfigurationException(USERNAME + " is set but neither " + ACCESS_TOKEN + " nor " + PASSWORD
                    + " is: set one of them");
        }
        try {
            return Optional.of(new Credentials(username, SecretString.of(secret)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(USERNAME + " is not a valid user name: " + e.getMessage());
        }
    }

    private static String nonEmpty(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
