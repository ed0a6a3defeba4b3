package dev.hubsim.simulator.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class PatScopeTest {

    @Test
    void scopesAreHierarchicalFromPublicReadToAdmin() {
        assertThat(PatScope.ADMIN.includes(PatScope.WRITE)).isTrue();
        assertThat(PatScope.WRITE.includes(PatScope.READ)).isTrue();
        assertThat(PatScope.READ.includes(PatScope.PUBLIC_READ)).isTrue();
        assertThat(PatScope.READ.includes(PatScope.WRITE)).isFalse();
        assertThat(PatScope.PUBLIC_READ.includes(PatScope.READ)).isFalse();
        assertThat(PatScope.WRITE.includes(PatScope.ADMIN)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PatScope.class)
    void everyScopeIncludesItselfAndRoundTripsThroughItsWireName(PatScope scope) {
        assertThat(scope.includes(scope)).isTrue();
        assertThat(PatScope.byWireName(scope.wireName())).contains(scope);
        assertThat(scope.wireName()).startsWith("repo:");
    }

    @Test
    void wireNamesAreDockerHubs() {
        assertThat(PatScope.byWireName("repo:public_read")).contains(PatScope.PUBLIC_READ);
        assertThat(PatScope.byWireName("repo:admin")).contains(PatScope.ADMIN);
        assertThat(PatScope.byWireName("admin")).isEmpty();
        assertThat(PatScope.byWireName("REPO:WRITE")).isEmpty();
    }
}
