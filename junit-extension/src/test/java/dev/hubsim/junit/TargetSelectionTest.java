package dev.hubsim.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetSelectionTest {

    @Test
    void theDeclaredTargetHoldsWhenNothingOverridesIt() {
        assertThat(TargetSelection.resolve(Target.MOCK, null, null)).isEqualTo(Target.MOCK);
        assertThat(TargetSelection.resolve(Target.LIVE, " ", "")).isEqualTo(Target.LIVE);
    }

    @Test
    void theEnvironmentVariableOverridesTheDeclaredTarget() {
        assertThat(TargetSelection.resolve(Target.MOCK, null, "live")).isEqualTo(Target.LIVE);
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentVariable() {
        assertThat(TargetSelection.resolve(Target.MOCK, "Replay", "live")).isEqualTo(Target.REPLAY);
    }

    @Test
    void anUnknownTargetNamesItsSourceAndTheChoices() {
        assertThatThrownBy(() -> TargetSelection.resolve(Target.MOCK, "staging", null))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("-Dhubsim.target=staging is not a target: use one of mock, replay, record, spy, live");
        assertThatThrownBy(() -> TargetSelection.resolve(Target.MOCK, null, "prod"))
                .hasMessageStartingWith("HUBSIM_TARGET=prod is not a target");
    }
}
