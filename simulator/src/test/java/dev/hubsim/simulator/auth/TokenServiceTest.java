package dev.hubsim.simulator.auth;

import dev.hubsim.simulator.auth.TokenService.IssuedToken;
import dev.hubsim.simulator.auth.TokenService.VerifiedToken;
import dev.hubsim.simulator.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenServiceTest {
    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final TokenService service = new TokenService(clock, "registry.docker.io", Duration.ofSeconds(300));
    private final List<Scope> pull = List.of(new Scope("repository", "alice/app", List.of("pull")));

    @Test
    void anIssuedTokenVerifiesWithItsSubjectAndAccess() {
        IssuedToken issued = service.issue(new Principal("alice", PatScope.ADMIN), pull);

        VerifiedToken verified = service.verify(issued.token()).orElseThrow();

        assertThat(verified.subject()).isEqualTo("alice");
        assertThat(verified.access()).containsExactlyElementsOf(pull);
        assertThat(verified.grants("repository", "alice/app", "pull")).isTrue();
        assertThat(verified.grants("repository", "alice/app", "push")).isFalse();
        assertThat(verified.grants("repository", "alice/other", "pull")).isFalse();
        assertThat(issued.issuedAt()).isEqualTo(clock.instant());
        assertThat(issued.lifetime()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void anAnonymousTokenHasAnEmptySubject() {
        assertThat(service.verify(service.issue(Principal.ANONYMOUS, List.of()).token()).orElseThrow().subject()).isEmpty();
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        String token = service.issue(Principal.ANONYMOUS, pull).token();

        clock.advance(Duration.ofSeconds(299));
        assertThat(service.verify(token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.verify(token)).isEmpty();
    }

    @Test
    void aTokenIssuedMidSecondIsValidForItsWholeLifetime() {
        clock.advance(Duration.ofMillis(999));
        String token = service.issue(Principal.ANONYMOUS, pull).token();

        clock.advance(Duration.ofMillis(299_999));

        assertThat(service.verify(token)).isPresent();
    }

    @Test
    void aTokenIsNotValidBeforeItWasIssued() {
        String token = service.issue(Principal.ANONYMOUS, pull).token();

        clock.advance(Duration.ofSeconds(-5));

        assertThat(service.verify(token)).isEmpty();
    }

    @Test
    void aTokenOfAnotherKeyOrAudienceIsRefused() {
        TokenService otherKey = new TokenService(clock, "registry.docker.io", Duration.ofSeconds(300));
        TokenService otherAudience = new TokenService(clock, "registry.example.com", Duration.ofSeconds(300));

        assertThat(service.verify(otherKey.issue(Principal.ANONYMOUS, pull).token())).isEmpty();
        assertThat(service.verify(otherAudience.issue(Principal.ANONYMOUS, pull).token())).isEmpty();
        assertThat(otherKey.verify(otherKey.issue(Principal.ANONYMOUS, pull).token())).isPresent();
    }

    @Test
    void garbageAndUnsignedTokensAreRefused() {
        String token = service.issue(new Principal("alice", PatScope.ADMIN), pull).token();
        String[] parts = token.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        String swapped = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("alice/app", "alice/zzz").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(service.verify("")).isEmpty();
        assertThat(service.verify("garbage")).isEmpty();
        assertThat(service.verify(none)).isEmpty();
        assertThat(service.verify(swapped)).isEmpty();
        assertThat(service.verify(token + "x")).isEmpty();
    }

    @Test
    void theIssuedTokensToStringHidesTheJwt() {
        IssuedToken issued = service.issue(new Principal("alice", PatScope.ADMIN), pull);

        assertThat(issued.toString()).doesNotContain(issued.token()).doesNotContain(issued.token().split("\\.")[1]);
    }

    @Test
    void aStarActionGrantsEveryAction() {
        VerifiedToken token = new VerifiedToken("alice", List.of(new Scope("registry", "catalog", List.of("*"))));

        assertThat(token.grants("registry", "catalog", "*")).isTrue();
        assertThat(token.grants("registry", "catalog", "list")).isTrue();
        assertThat(token.grants("repository", "catalog", "pull")).isFalse();
    }
}
