package dev.hubsim.simulator.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.auth.PatScope;
import dev.hubsim.simulator.auth.Plan;
import dev.hubsim.simulator.testing.HubTokens;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.hubsim.simulator.testing.HubTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Seed files in YAML and JSON: everything they can hold, what a simulator does with it, and bad files. */
class SeedFileTest {
    private static final String YAML = """
            # everything a seed file can hold
            users:
              - name: alice
                password: alice-password
                plan: pro
                catalog: true
                tokens:
                  - label: ci
                    token: dckr_pat_alice_read
                    scope: repo:read
                  - token: dckr_pat_alice_write
              - name: bob
                password: bob-password
            organisations:
              - name: acme
                members: [bob]
            repositories:
              - name: alice/secret
                private: true
              - name: acme/tools
            images:
              - reference: library/nginx:1.27
                platforms: [linux/amd64, linux/arm64/v8]
                layers: [5MB, 200KB]
              - reference: alice/secret:v1
                layers: [1KB]
            """;
    private static final String JSON = """
            {
              "users": [
                {"name": "alice", "password": "alice-password", "plan": "pro", "catalog": true,
                 "tokens": [{"label": "ci", "token": "dckr_pat_alice_read", "scope": "repo:read"},
                            {"token": "dckr_pat_alice_write"}]},
                {"name": "bob", "password": "bob-password"}
              ],
              "organisations": [{"name": "acme", "members": ["bob"]}],
              "repositories": [{"name": "alice/secret", "private": true}, {"name": "acme/tools"}],
              "images": [
                {"reference": "library/nginx:1.27", "platforms": ["linux/amd64", "linux/arm64/v8"], "layers": ["5MB", "200KB"]},
                {"reference": "alice/secret:v1", "layers": ["1KB"]}
              ]
            }
            """;
    private static final Seed EXPECTED = new Seed(
            List.of(new Seed.User("alice", "alice-password", "pro", true, List.of(
                            new Seed.Token("ci", "dckr_pat_alice_read", "repo:read"),
                            new Seed.Token(null, "dckr_pat_alice_write", null))),
                    new Seed.User("bob", "bob-password", null, false, List.of())),
            List.of(new Seed.Organisation("acme", List.of("bob"))),
            List.of(new Seed.Repository("alice/secret", true), new Seed.Repository("acme/tools", false)),
            List.of(new Seed.Image("library/nginx:1.27", List.of("linux/amd64", "linux/arm64/v8"), List.of("5MB", "200KB")),
                    new Seed.Image("alice/secret:v1", null, List.of("1KB"))));

    @TempDir
    Path directory;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    @Test
    void aYamlFileLoadsEveryUserTokenOrganisationRepositoryAndImage() throws IOException {
        Seed seed = Seed.load(file("seed.yaml", YAML));

        assertThat(seed).isEqualTo(EXPECTED);
        assertThat(seed.users().get(0).tokens().get(0).scope()).isEqualTo(PatScope.READ);
        assertThat(seed.users().get(0).tokens().get(1).scope()).as("a token without scope may write").isEqualTo(PatScope.WRITE);
        assertThat(seed.images().get(1).platforms()).as("default platform").containsExactly("linux/amd64");
    }

    @Test
    void aJsonFileLoadsTheSameAsTheYamlFile() throws IOException {
        assertThat(Seed.load(file("seed.json", JSON))).isEqualTo(EXPECTED);
    }

    @Test
    void theAmericanSpellingOfOrganisationsIsAccepted() throws IOException {
        Seed seed = Seed.load(file("seed.yaml", "organizations:\n  - name: acme\n    members: [bob]\n"));

        assertThat(seed.organisations()).containsExactly(new Seed.Organisation("acme", List.of("bob")));
    }

    @Test
    void anEmptyFileIsAnEmptySeed() throws IOException {
        assertThat(Seed.load(file("empty.yaml", ""))).isEqualTo(Seed.EMPTY);
    }

    @Test
    void theSeedNeverShowsPasswordsOrTokens() throws IOException {
        Seed seed = Seed.load(file("seed.yaml", YAML));

        assertThat(seed.toString() + seed.users() + seed.users().get(0).tokens())
                .doesNotContain("alice-password").doesNotContain("dckr_pat_alice_read");
    }

    @Test
    void aSimulatorSeededFromTheFileHasItsAccountsPlansTokensOrganisationsAndPrivacy() throws IOException {
        Seed seed = Seed.load(file("seed.yaml", YAML));
        try (Simulator simulator = Simulator.builder().auth(AuthMode.TOKEN).seed(seed).start()) {
            RegistryHttp http = new RegistryHttp(simulator.baseUri());

            assertThat(simulator.accounts().plan("alice")).isEqualTo(Plan.PRO);
            assertThat(simulator.accounts().plan("bob")).isEqualTo(Plan.FREE);
            assertThat(granted(http, "alice", "alice-password", "repository:alice/app:pull,push")).isEqualTo("repository:alice/app:pull,push");
            assertThat(granted(http, "alice", "dckr_pat_alice_read", "repository:alice/secret:pull,push"))
                    .as("a repo:read token pulls but cannot push").isEqualTo("repository:alice/secret:pull");
            assertThat(granted(http, "alice", "dckr_pat_alice_write", "repository:alice/secret:pull,push"))
                    .isEqualTo("repository:alice/secret:pull,push");
            assertThat(granted(http, "alice", "alice-password", "registry:catalog:*")).isEqualTo("registry:catalog:*");
            assertThat(granted(http, "bob", "bob-password", "registry:catalog:*")).isEmpty();
            assertThat(granted(http, "bob", "bob-password", "repository:acme/tools:pull,push"))
                    .as("bob is a member of acme").isEqualTo("repository:acme/tools:pull,push");
            assertThat(granted(http, "alice", "alice-password", "repository:acme/tools:pull,push"))
                    .as("alice is not").isEqualTo("repository:acme/tools:pull");
            assertThat(granted(http, "bob", "bob-password", "repository:alice/secret:pull"))
                    .as("alice/secret is private").isEmpty();

            HubTokens tokens = new HubTokens(http);
            Reply anonymous = http.get("/v2/alice/secret/manifests/v1", "Accept", RegistryHttp.ACCEPT_ALL,
                    "Authorization", bearer(tokens.anonymous("alice/secret", "pull")));
            Reply owner = http.get("/v2/alice/secret/manifests/v1", "Accept", RegistryHttp.ACCEPT_ALL,
                    "Authorization", bearer(tokens.forUser("alice", "alice-password", "alice/secret", "pull")));
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"");
            assertThat(owner.status()).isEqualTo(200);
            assertThat(owner.header("ratelimit-limit")).as("alice is on the pro plan").isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field     | users: [{name: a, password: p, passwrd: x}]                          | passwrd
            unknown top level | user: [{name: a, password: p}]                                       | user
            bad scope         | users: [{name: a, password: p, tokens: [{token: dckr_pat_x, scope: repo:everything}]}] | repo:everything
            bad size          | images: [{reference: 'a/b:1', layers: [5 parsecs]}]                   | 5 parsecs
            bad plan          | users: [{name: a, password: p, plan: gold}]                           | gold
            missing password  | users: [{name: a}]                                                    | password
            image by digest   | images: [{reference: 'a/b@sha256:0000000000000000000000000000000000000000000000000000000000000000'}] | by a tag
            token prefix      | users: [{name: a, password: p, tokens: [{token: secret}]}]            | dckr_pat_
            not a boolean     | repositories: [{name: a/b, private: maybe}]                          | maybe
            not yaml          | 'users: [ {name: a'                                                   | seed
            """)
    void aBadFileFailsWithAMessageNamingTheProblem(String problem, String content, String named) throws IOException {
        Path file = file("bad.yaml", content);

        Throwable failure = catchThrowable(() -> Simulator.builder().auth(AuthMode.TOKEN).seed(Seed.load(file)).start().close());

        assertThat(failure).as(problem).isInstanceOf(IllegalArgumentException.class);
        assertThat(failure.getMessage()).as(problem).containsIgnoringCase(named).doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field | users: [{name: a, password: p, passwrd: x}]                                              | passwrd
            bad scope     | users: [{name: a, password: p, tokens: [{token: dckr_pat_x, scope: repo:everything}]}] | repo:everything
            bad size      | images: [{reference: 'a/b:1', layers: [5 parsecs]}]                                      | 5 parsecs
            bad plan      | users: [{name: a, password: p, plan: gold}]                                              | gold
            by digest     | images: [{reference: 'a/b@sha256:0000000000000000000000000000000000000000000000000000000000000000'}] | by a tag
            bad platform  | images: [{reference: 'a/b:1', platforms: [amd64]}]                                       | amd64
            bad reference | images: [{reference: 'A/B:1'}]                                                           | A/B:1
            """)
    void aBadFileFailsWhenLoadedNamingTheFile(String problem, String content, String named) throws IOException {
        Path file = file("bad.yaml", content);

        assertThatThrownBy(() -> Seed.load(file)).as(problem)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(named);
    }

    @Test
    void aBadPlanNamesThePlansThatExist() throws IOException {
        Path file = file("bad.yaml", "users: [{name: a, password: p, plan: gold}]");

        Throwable failure = catchThrowable(() -> Simulator.builder().auth(AuthMode.TOKEN).seed(Seed.load(file)).start().close());

        assertThat(failure).hasMessageContaining("gold").hasMessageContaining("free").hasMessageContaining("pro");
    }

    @Test
    void aMissingFileIsNamedInTheMessage() {
        Path missing = directory.resolve("nowhere.yaml");

        assertThatThrownBy(() -> Seed.load(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read seed file")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void usersGivenOnTheCommandLineJoinTheFile() throws IOException {
        Seed seed = Seed.load(file("seed.yaml", YAML)).withUsers(List.of("carol:pa:ss"));

        assertThat(seed.users()).extracting(Seed.User::name).containsExactly("alice", "bob", "carol");
        assertThat(seed.users().get(2).password()).as("only the first colon separates").isEqualTo("pa:ss");
        assertThatThrownBy(() -> Seed.EMPTY.withUsers(List.of("carol"))).hasMessageContaining("NAME:PASSWORD");
        assertThatThrownBy(() -> Seed.EMPTY.withUsers(List.of("carol:"))).hasMessageContaining("NAME:PASSWORD");
    }

    /** The scopes the OAuth2 form of the token service grants, space-separated. */
    private static String granted(RegistryHttp http, String user, String secret, String scope) {
        String form = "grant_type=password&service=registry.docker.io&client_id=test"
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        JsonNode body = http.post("/token", form.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded").expect(200).json();
        return body.path("scope").asText();
    }
}
