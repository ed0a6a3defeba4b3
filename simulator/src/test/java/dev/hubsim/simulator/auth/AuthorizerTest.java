package dev.hubsim.simulator.auth;

import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizerTest {
    private static final Principal ALICE = new Principal("alice", PatScope.ADMIN);
    private static final Principal BOB = new Principal("bob", PatScope.ADMIN);
    private static final Principal CAROL = new Principal("carol", PatScope.ADMIN);

    @TempDir
    Path storage;
    private Authorizer authorizer;

    @BeforeEach
    void cast() {
        TestClock clock = new TestClock();
        Accounts accounts = new Accounts(clock);
        accounts.addUser("alice", "a", Plan.FREE, true);
        accounts.addUser("bob", "b", Plan.FREE, false);
        accounts.addUser("carol", "c", Plan.FREE, false);
        accounts.addOrganisation("acme", Set.of("carol"));
        RegistryState registry = RegistryState.inMemory(storage, clock, Duration.ofHours(1));
        registry.setPrivate("alice/secret", true);
        registry.setPrivate("alice/open", false);
        registry.setPrivate("acme/internal", true);
        registry.setPrivate("library/nginx", false);
        authorizer = new Authorizer(accounts, registry);
    }

    private List<String> grant(Principal principal, String... scopes) {
        return authorizer.grant(principal, Scope.parseAll(List.of(scopes))).stream().map(Scope::toString).toList();
    }

    @Test
    void anyonePullsAPublicRepositoryButOnlyPulls() {
        assertThat(grant(Principal.ANONYMOUS, "repository:library/nginx:pull,push,delete"))
                .containsExactly("repository:library/nginx:pull");
        assertThat(grant(BOB, "repository:alice/open:pull,push,delete")).containsExactly("repository:alice/open:pull");
    }

    @Test
    void aPrivateRepositoryIsGrantedOnlyToItsOwners() {
        assertThat(grant(Principal.ANONYMOUS, "repository:alice/secret:pull")).isEmpty();
        assertThat(grant(BOB, "repository:alice/secret:pull")).isEmpty();
        assertThat(grant(ALICE, "repository:alice/secret:pull")).containsExactly("repository:alice/secret:pull");
        assertThat(grant(CAROL, "repository:acme/internal:pull,push")).containsExactly("repository:acme/internal:pull,push");
        assertThat(grant(ALICE, "repository:acme/internal:pull")).isEmpty();
    }

    @Test
    void aMissingRepositoryIsGrantedToItsNamespaceOwnerOnly() {
        assertThat(grant(ALICE, "repository:alice/new:pull,push")).containsExactly("repository:alice/new:pull,push");
        assertThat(grant(BOB, "repository:alice/new:pull,push")).isEmpty();
        assertThat(grant(Principal.ANONYMOUS, "repository:alice/new:pull")).isEmpty();
    }

    @Test
    void personalAccessTokenScopesLimitWhatAnOwnerGets() {
        String all = "repository:alice/secret:pull,push,delete";

        assertThat(grant(new Principal("alice", PatScope.PUBLIC_READ), all)).isEmpty();
        assertThat(grant(new Principal("alice", PatScope.READ), all)).containsExactly("repository:alice/secret:pull");
        assertThat(grant(new Principal("alice", PatScope.WRITE), all)).containsExactly("repository:alice/secret:pull,push");
        assertThat(grant(new Principal("alice", PatScope.ADMIN), all)).containsExactly(all);
    }

    @Test
    void aPublicReadTokenStillPullsPublicRepositories() {
        assertThat(grant(new Principal("alice", PatScope.PUBLIC_READ), "repository:alice/open:pull,push"))
                .containsExactly("repository:alice/open:pull");
    }

    @Test
    void aPublicReadTokenIsNotGrantedPullOnAMissingRepositoryOfItsOwnNamespace() {
        assertThat(grant(new Principal("alice", PatScope.PUBLIC_READ), "repository:alice/new:pull")).isEmpty();
    }

    @Test
    void theCatalogIsGrantedOnlyToAccountsAllowedToListIt() {
        assertThat(grant(ALICE, "registry:catalog:*")).containsExactly("registry:catalog:*");
        assertThat(grant(BOB, "registry:catalog:*")).isEmpty();
        assertThat(grant(Principal.ANONYMOUS, "registry:catalog:*")).isEmpty();
        assertThat(grant(ALICE, "registry:catalog:pull", "registry:other:*")).isEmpty();
    }

    @Test
    void unknownTypesAndActionsAreNotGranted() {
        assertThat(grant(ALICE, "plugin:alice/secret:pull", "repository:alice/secret:*,admin")).isEmpty();
    }

    @Test
    void aSingleComponentNameBelongsToLibrary() {
        assertThat(Authorizer.namespaceOf("nginx")).isEqualTo("library");
        assertThat(Authorizer.namespaceOf("alice/app/sub")).isEqualTo("alice");
        assertThat(grant(ALICE, "repository:nginx:push")).isEmpty();
    }
}
