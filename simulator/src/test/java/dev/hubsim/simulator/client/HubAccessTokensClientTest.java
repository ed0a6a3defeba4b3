package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.error.HubErrorException;
import dev.hubsim.core.hub.AccessTokenChange;
import dev.hubsim.core.hub.CreatedAccessToken;
import dev.hubsim.core.hub.HubClient;
import dev.hubsim.core.hub.NewAccessToken;
import dev.hubsim.core.hub.PersonalAccessToken;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Personal access tokens through the client's Hub API against the simulator. */
class HubAccessTokensClientTest {
    private final HubClientCast cast = HubClientCast.start();
    private final HubClient alice = cast.alice().hub();

    @AfterEach
    void stop() {
        cast.close();
    }

    @Test
    void aCreatedTokenShowsItsSecretOnceAndTheSecretSignsIn() {
        Instant expiry = cast.simulator.clock().instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

        CreatedAccessToken created = alice.accessTokens().create(NewAccessToken.of("deploy", "repo:read")
                .expiringAt(expiry));

        assertThat(created.secret().reveal()).startsWith("dckr_pat_");
        assertThat(created.toString()).doesNotContain(created.secret().reveal());
        assertThat(created.token().tokenLabel()).isEqualTo("deploy");
        assertThat(created.token().scopes()).containsExactly("repo:read");
        assertThat(created.token().isActive()).isTrue();
        assertThat(created.token().expiresAt()).isEqualTo(expiry);
        HubClient withToken = cast.anonymous().credentials("alice", created.secret()).build().hub();
        assertThat(withToken.repositories().get("alice", "secret")).isPresent();
    }

    @Test
    void listedAndFetchedTokensCarryNoSecret() {
        CreatedAccessToken created = alice.accessTokens().create(NewAccessToken.of("deploy", "repo:write"));

        assertThat(alice.accessTokens().list().stream().map(PersonalAccessToken::tokenLabel)).contains("deploy", "ci");
        PersonalAccessToken fetched = alice.accessTokens().get(created.token().uuid()).orElseThrow();
        assertThat(fetched).isEqualTo(created.token());
        assertThat(alice.accessTokens().get("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void aRelabelledThenDeactivatedTokenNoLongerSignsIn() {
        CreatedAccessToken created = alice.accessTokens().create(NewAccessToken.of("deploy", "repo:write"));
        String uuid = created.token().uuid();

        assertThat(alice.accessTokens().update(uuid, AccessTokenChange.label("renamed")).tokenLabel()).isEqualTo("renamed");
        PersonalAccessToken inactive = alice.accessTokens().update(uuid, AccessTokenChange.active(false));

        assertThat(inactive.isActive()).isFalse();
        assertThat(inactive.tokenLabel()).isEqualTo("renamed");
        HubClient withToken = cast.anonymous().credentials("alice", created.secret()).build().hub();
        assertThatThrownBy(() -> withToken.repositories().get("alice", "open"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aDeletedTokenIsGone() {
        String uuid = alice.accessTokens().create(NewAccessToken.of("temporary", "repo:read")).token().uuid();

        alice.accessTokens().delete(uuid);

        assertThat(alice.accessTokens().get(uuid)).isEmpty();
        assertThatThrownBy(() -> alice.accessTokens().delete(uuid))
                .isInstanceOfSatisfying(HubErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void badRequestsAreTheHubsFieldErrors() {
        assertThatThrownBy(() -> alice.accessTokens().create(NewAccessToken.of("x", "repo:everything")))
                .isInstanceOfSatisfying(HubErrorException.class, e -> assertThat(e.fields()).containsOnlyKeys("scopes"))
                .hasMessageContaining("scopes: unknown scope 'repo:everything'");
    }

    @Test
    void aSessionSignedInWithATokenMayNotManageTokens() {
        HubClient withPat = cast.anonymous().credentials("alice", SecretString.of(HubClientCast.ALICE_PAT)).build().hub();

        assertThatThrownBy(() -> withPat.accessTokens().list().page(1, 10))
                .isInstanceOfSatisfying(HubErrorException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessageContaining("personal access tokens are managed with a session signed in by password");
    }
}
