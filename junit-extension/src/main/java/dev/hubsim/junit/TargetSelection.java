package dev.hubsim.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Chooses the target of a test class: the system property (or JUnit configuration parameter)
 * {@value #PROPERTY} wins over the environment variable {@value #ENVIRONMENT_VARIABLE}, which wins over the target
 * declared on the class. A blank value counts as unset.
 */
final class TargetSelection {
    static final String PROPERTY = "hubsim.target";
    static final String ENVIRONMENT_VARIABLE = "HUBSIM_TARGET";

    private TargetSelection() {
    }

    /**
     * @param declared    the annotation's or builder's target
     * @param property    the value of {@value #PROPERTY}, or null
     * @param environment the value of {@value #ENVIRONMENT_VARIABLE}, or null
     */
    static Target resolve(Target declared, String property, String environment) {
        if (property != null && !property.isBlank()) {
            return parse(property, "-D" + PROPERTY);
        }
        if (environment != null && !environment.isBlank()) {
            return parse(environment, ENVIRONMENT_VARIABLE);
        }
        return declared;
    }

    private static Target parse(String value, String source) {
        return Target.byName(value).orElseThrow(() -> new ExtensionConfigurationException(
                source + "=" + value + " is not a target: use one of " + Target.names()));
    }
}
