package dev.hubsim.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void parsesDockerHubsBearerChallenge() {
        List<AuthChallenge> challenges = AuthChallenge.parseAll("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\"");

        assertThat(challenges).singleElement().satisfies(c -> {
            assertThat(c.is("bearer")).isTrue();
            assertThat(c.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of("realm", "https://auth.docker.io/token",
                    "service", "registry.docker.io", "scope", "repository:library/nginx:pull"));
        });
    }

    @Test
    void keepsCommasAndEscapedQuotesInsideQuotedStrings() {
        AuthChallenge c = AuthChallenge.parseAll("Bearer realm=\"https://a/token\",scope=\"repository:a/b:pull,push "
                + "repository:c/d:pull\",error=\"say \\\"no\\\" \\\\ here\"").get(0);

        assertThat(c.parameter("scope")).contains("repository:a/b:pull,push repository:c/d:pull");
        assertThat(c.parameter("error")).contains("say \"no\" \\ here");
    }

    @Test
    void splitsSeveralChallengesInOneHeader() {
        List<AuthChallenge> challenges = AuthChallenge.parseAll("Newauth realm=\"apps\", type=1, "
                + "title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\", Bearer realm=\"https://x/token\"");

        assertThat(challenges).extracting(AuthChallenge::scheme).containsExactly("Newauth", "Basic", "Bearer");
        assertThat(challenges.get(0).parameters()).containsExactlyInAnyOrderEntriesOf(
                Map.of("realm", "apps", "type", "1", "title", "Login to \"apps\""));
        assertThat(challenges.get(1).parameter("REALM")).contains("simple");
    }

    @Test
    void readsToken68AndBareSchemes() {
        List<AuthChallenge> challenges = AuthChallenge.parseAll("Negotiate abc+/de==, Basic, Bearer realm=r");

        assertThat(challenges.get(0).token68()).isEqualTo("abc+/de==");
        assertThat(challenges.get(1).parameters()).isEmpty();
        assertThat(challenges.get(2).parameter("realm")).contains("r");
    }

    @Test
    void allowsWhitespaceAroundEqualsAndTokenValues() {
        AuthChallenge c = AuthChallenge.parseAll("Bearer realm = \"https://t\" , service=registry").get(0);

        assertThat(c.parameter("realm")).contains("https://t");
        assertThat(c.parameter("service")).contains("registry");
    }

    @Test
    void refusesMalformedHeadersWithThePosition() {
        assertThatThrownBy(() -> AuthChallenge.parseAll("Bearer realm=\"unterminated"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated quoted string");
        assertThatThrownBy(() -> AuthChallenge.parseAll("Bearer realm=\"a\",realm=\"b\""))
                .hasMessageContaining("'realm' is repeated");
        assertThatThrownBy(() -> AuthChallenge.parseAll("Bearer service=x,realm="))
                .hasMessageContaining("'realm' has no value");
        assertThatThrownBy(() -> AuthChallenge.parseAll("  ,, "))
                .hasMessageContaining("no challenge");
        assertThatThrownBy(() -> AuthChallenge.parseAll("Bearer realm=\"a\" service=\"b\""))
                .hasMessageContaining("expected ','");
    }
}
