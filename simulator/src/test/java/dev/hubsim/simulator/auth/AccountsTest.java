package dev.hubsim.simulator.auth;

import dev.hubsim.simulator.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountsTest {
    private final TestClock clock = new TestClock();
    private final Accounts accounts = new Accounts(clock);

    @BeforeEach
    void cast() {
        accounts.addUser("alice", "alice-pw", Plan.FREE, false);
        accounts.addUser("bob", "bob-pw", Plan.PRO, true);
        accounts.addToken("alice", "dckr_pat_aliceRead", PatScope.READ, "ci");
        accounts.addOrganisation("acme", Set.of("alice"));
    }

    @Test
    void aPasswordAuthenticatesWithFullRights() {
        assertThat(accounts.authenticate("alice", "alice-pw")).contains(new Principal("alice", PatScope.ADMIN));
    }

    @Test
    void aPersonalAccessTokenAuthenticatesWithItsScope() {
        assertThat(accounts.authenticate("alice", "dckr_pat_aliceRead")).contains(new Principal("alice", PatScope.READ));
    }

    @Test
    void wrongSecretsUnknownUsersAndAnotherUsersTokenDoNotAuthenticate() {
        assertThat(accounts.authenticate("alice", "bob-pw")).isEmpty();
        assertThat(accounts.authenticate("alice", null)).isEmpty();
        assertThat(accounts.authenticate("nobody", "alice-pw")).isEmpty();
        assertThat(accounts.authenticate("bob", "dckr_pat_aliceRead")).isEmpty();
        assertThat(accounts.authenticate("alice", "dckr_pat_other")).isEmpty();
    }

    @Test
    void aTokenSecretMustCarryThePatPrefix() {
        assertThatThrownBy(() -> accounts.addToken("alice", "plain-secret", PatScope.WRITE, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("plain-secret");
    }

    @Test
    void aTokenForAnUnknownUserIsRefused() {
        assertThatThrownBy(() -> accounts.addToken("nobody", "dckr_pat_x", PatScope.WRITE, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody")
                .hasMessageNotContaining("dckr_pat_x");
    }

    @Test
    void anAccessTokenIsUsableOnlyWhileActiveAndUnexpired() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        AccessToken token = new AccessToken("id", "l", PatScope.READ, PasswordHash.of("dckr_pat_x"), true, now,
                now.plus(Duration.ofDays(1)), "", "", null);

        assertThat(token.usableAt(now)).isTrue();
        assertThat(token.usableAt(now.plus(Duration.ofDays(1)))).isFalse();
        assertThat(new AccessToken("id", "l", PatScope.READ, PasswordHash.of("x"), false, now, null, "", "", null).usableAt(now)).isFalse();
        assertThat(new AccessToken("id", "l", PatScope.READ, PasswordHash.of("x"), true, now, null, "", "", null)
                .usableAt(now.plus(Duration.ofDays(10_000)))).isTrue();
    }

    @Test
    void anAccountOwnsItsNamespaceAndThoseOfItsOrganisations() {
        Principal alice = new Principal("alice", PatScope.ADMIN);
        Principal bob = new Principal("bob", PatScope.ADMIN);

        assertThat(accounts.owns(alice, "alice")).isTrue();
        assertThat(accounts.owns(alice, "acme")).isTrue();
        assertThat(accounts.owns(bob, "acme")).isFalse();
        assertThat(accounts.owns(bob, "alice")).isFalse();
        assertThat(accounts.owns(Principal.ANONYMOUS, "alice")).isFalse();
        assertThat(accounts.owns(alice, "library")).isFalse();
    }

    @Test
    void replacingAUserKeepsNoOldTokens() {
        accounts.addUser("alice", "new-pw", Plan.FREE, false);

        assertThat(accounts.authenticate("alice", "dckr_pat_aliceRead")).isEmpty();
        assertThat(accounts.authenticate("alice", "alice-pw")).isEmpty();
        assertThat(accounts.authenticate("alice", "new-pw")).isPresent();
    }

    @Test
    void plansIdsAndNamespacesAreReported() {
        assertThat(accounts.plan("bob")).isEqualTo(Plan.PRO);
        assertThat(accounts.plan("nobody")).isEqualTo(Plan.FREE);
        assertThat(accounts.idOf("alice")).matches("[0-9a-f]{32}").isNotEqualTo(accounts.idOf("bob"));
        assertThat(accounts.hasNamespace("acme")).isTrue();
        assertThat(accounts.hasNamespace("alice")).isTrue();
        assertThat(accounts.hasNamespace("zed")).isFalse();
        assertThat(accounts.user("bob").orElseThrow().catalogAccess()).isTrue();
    }

    @Test
    void clearForgetsEveryone() {
        accounts.clear();

        assertThat(accounts.authenticate("alice", "alice-pw")).isEmpty();
        assertThat(accounts.hasNamespace("acme")).isFalse();
    }

    @Test
    void anAccountsToStringHoldsNoSecret() {
        Account alice = accounts.user("alice").orElseThrow();

        assertThat(alice.toString()).doesNotContain("alice-pw").doesNotContain("dckr_pat_aliceRead");
        assertThat(alice.tokens().get(0).toString()).doesNotContain("dckr_pat_aliceRead");
    }
}
