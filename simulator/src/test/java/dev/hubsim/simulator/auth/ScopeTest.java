package dev.hubsim.simulator.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeTest {

    @Test
    void aRepositoryScopeSplitsIntoTypeNameAndActions() {
        assertThat(Scope.parse("repository:alice/app:pull,push"))
                .contains(new Scope("repository", "alice/app", List.of("pull", "push")));
    }

    @Test
    void aNameWithAHostAndPortKeepsItsColon() {
        assertThat(Scope.parse("repository:localhost:5000/alice/app:pull")).get()
                .satisfies(s -> {
                    assertThat(s.type()).isEqualTo("repository");
                    assertThat(s.name()).isEqualTo("localhost:5000/alice/app");
                    assertThat(s.actions()).containsExactly("pull");
                });
    }

    @Test
    void aResourceClassIsIgnored() {
        assertThat(Scope.parse("repository(plugin):alice/app:pull")).get()
                .extracting(Scope::type).isEqualTo("repository");
    }

    @Test
    void theCatalogScopeParses() {
        assertThat(Scope.parse("registry:catalog:*")).contains(new Scope("registry", "catalog", List.of("*")));
    }

    @Test
    void duplicateAndBlankActionsAreDroppedInOrder() {
        assertThat(Scope.parse("repository:a/b:push,,pull,push").orElseThrow().actions()).containsExactly("push", "pull");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "repository", "repository:alice/app", ":alice/app:pull", "repository::pull"})
    void malformedScopesAreEmpty(String text) {
        assertThat(Scope.parse(text)).isEmpty();
    }

    @Test
    void aScopeWithoutActionsParsesWithNoActions() {
        assertThat(Scope.parse("repository:alice/app:")).get().extracting(Scope::actions).asList().isEmpty();
    }

    @Test
    void parseAllReadsRepeatedAndSpaceSeparatedScopesAndSkipsBadOnes() {
        List<Scope> scopes = Scope.parseAll(List.of("repository:a/b:pull  repository:c/d:push", "junk",
                " registry:catalog:* "));

        assertThat(scopes).extracting(Scope::toString)
                .containsExactly("repository:a/b:pull", "repository:c/d:push", "registry:catalog:*");
    }

    @Test
    void toStringIsTheChallengeForm() {
        assertThat(new Scope("repository", "alice/app", List.of("pull", "push")))
                .hasToString("repository:alice/app:pull,push");
    }
}
