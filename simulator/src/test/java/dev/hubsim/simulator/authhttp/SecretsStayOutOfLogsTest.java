package dev.hubsim.simulator.authhttp;

import dev.hubsim.simulator.SimulatorServices;
import dev.hubsim.simulator.auth.AccessToken;
import dev.hubsim.simulator.auth.Account;
import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.auth.PasswordHash;
import dev.hubsim.simulator.auth.PatScope;
import dev.hubsim.simulator.auth.Plan;
import dev.hubsim.simulator.auth.Principal;
import dev.hubsim.simulator.auth.TokenService;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No secret (password, personal access token, JWT, refresh token, Basic header) reaches a log line, an exception
 * message or a {@code toString()}: logins of every kind, good and bad, run while the log is captured.
 */
class SecretsStayOutOfLogsTest {
    private static final String WRONG_PASSWORD = "wrong-pw-Hq93xx";
    private static final String UNKNOWN_PAT = "dckr_pat_unknownZZZZZZZZZZ";

    @TempDir
    Path temp;

    /** Every kind of login against a hub; returns every secret that was used or handed out. */
    private static List<String> exerciseLogins(RegistryHttp http) {
        List<String> secrets = new ArrayList<>(List.of(Hub.ALICE_PASSWORD, Hub.BOB_PASSWORD, Hub.CAROL_PASSWORD,
                Hub.PAT_PUBLIC_READ, Hub.PAT_READ, Hub.PAT_WRITE, Hub.PAT_ADMIN, WRONG_PASSWORD, UNKNOWN_PAT));
        String scope = "&scope=repository:alice/secret:pull,push,delete";
        for (String credentials : List.of(Hub.ALICE, Hub.BOB, "alice:" + Hub.PAT_WRITE, "alice:" + Hub.PAT_ADMIN,
                "alice:" + WRONG_PASSWORD, "alice:" + UNKNOWN_PAT, "nobody:" + Hub.ALICE_PASSWORD)) {
            String basic = Hub.basic(credentials);
            secrets.add(basic.substring(6));
            Reply reply = http.get("/token?service=registry.docker.io&offline_token=true" + scope, "Authorization", basic);
            if (reply.status() == 200) {
                secrets.add(reply.json().get("token").asText());
                secrets.add(reply.json().get("refresh_token").asText());
            }
        }
        Reply password = form(http, "grant_type", "password", "service", Hub.SERVICE, "client_id", "t",
                "access_type", "offline", "username", "alice", "password", Hub.ALICE_PASSWORD,
                "scope", "repository:alice/secret:pull").expect(200);
        String refresh = password.json().get("refresh_token").asText();
        secrets.add(refresh);
        secrets.add(password.json().get("access_token").asText());
        Reply refreshed = form(http, "grant_type", "refresh_token", "service", Hub.SERVICE, "client_id", "t",
                "refresh_token", refresh, "scope", "repository:alice/secret:pull").expect(200);
        String token = refreshed.json().get("access_token").asText();
        secrets.add(token);
        form(http, "grant_type", "password", "service", Hub.SERVICE, "client_id", "t", "username", "alice",
                "password", WRONG_PASSWORD).expect(401);
        form(http, "grant_type", "refresh_token", "service", Hub.SERVICE, "client_id", "t",
                "refresh_token", "bogus-refresh-Rr55").expect(401);
        secrets.add("bogus-refresh-Rr55");
        form(http, "grant_type", "magic", "service", Hub.SERVICE, "client_id", "t", "username", "alice",
                "password", Hub.ALICE_PASSWORD).expect(400);
        // the tokens at the registry: good, insufficient, forged, expired-looking
        http.get("/v2/alice/secret/manifests/1.0", "Authorization", "Bearer " + token, "Accept", RegistryHttp.ACCEPT_ALL)
                .expect(200);
        http.post("/v2/alice/secret/blobs/uploads/", new byte[0], "Authorization", "Bearer " + token).expect(401);
        http.get("/v2/", "Authorization", "Bearer " + token + "tampered").expect(401);
        http.get("/v2/", "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("alice:" + Hub.ALICE_PASSWORD).getBytes(StandardCharsets.UTF_8))).expect(401);
        return secrets;
    }

    private static Reply form(RegistryHttp http, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(fields[i]).append('=')
                    .append(java.net.URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return http.post("/token", body.toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void noSecretReachesTheLogOfAnInProcessSimulator() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> secrets;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Hub hub = Hub.start()) {
            LoggerFactory.getLogger(SecretsStayOutOfLogsTest.class).warn("capture-probe");
            secrets = exerciseLogins(hub.http);
            hub.simulator.reset();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).as("the capture works").contains("capture-probe");
        assertThat(secrets).hasSizeGreaterThan(20);
        for (String secret : secrets) {
            assertThat(log).as("log must not contain a secret").doesNotContain(secret);
        }
    }

    @Test
    void noSecretReachesTheLogOfAServeProcessLoggingAtTrace() throws Exception {
        Path seed = temp.resolve("seed.json");
        Files.writeString(seed, """
                {"users": [
                  {"name": "alice", "password": "%s", "catalog": true, "tokens": [
                    {"label": "pr", "token": "%s", "scope": "repo:public_read"},
                    {"label": "r", "token": "%s", "scope": "repo:read"},
                    {"label": "w", "token": "%s", "scope": "repo:write"},
                    {"label": "a", "token": "%s", "scope": "repo:admin"}]},
                  {"name": "bob", "password": "%s"},
                  {"name": "carol", "password": "%s"}],
                 "organisations": [{"name": "acme", "members": ["alice", "carol"]}],
                 "repositories": [{"name": "alice/secret", "private": true}],
                 "images": [{"reference": "alice/secret:1.0", "layers": ["1KB"]}]}
                """.formatted(Hub.ALICE_PASSWORD, Hub.PAT_PUBLIC_READ, Hub.PAT_READ, Hub.PAT_WRITE, Hub.PAT_ADMIN,
                Hub.BOB_PASSWORD, Hub.CAROL_PASSWORD));
        Path stderr = temp.resolve("hubsim.stderr");
        Path stdout = temp.resolve("hubsim.stdout");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "dev.hubsim.simulator.cli.HubsimCommand", "serve", "--port", "0", "--auth", "token",
                "--seed", seed.toString(), "--user", "dave:dave-pw-Lk09")
                .redirectError(stderr.toFile()).redirectOutput(stdout.toFile()).start();
        List<String> secrets;
        try {
            RegistryHttp http = new RegistryHttp(awaitAddress(process, stdout, stderr));
            secrets = exerciseLogins(http);
            Reply dave = http.get("/token?service=registry.docker.io&offline_token=true", "Authorization",
                    Hub.basic("dave:dave-pw-Lk09")).expect(200);
            secrets.add("dave-pw-Lk09");
            secrets.add(dave.json().get("token").asText());
            secrets.add(dave.json().get("refresh_token").asText());
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        String log = Files.readString(stderr, StandardCharsets.UTF_8) + Files.readString(stdout, StandardCharsets.UTF_8);

        assertThat(log).contains("hubsim listening on");
        for (String secret : secrets) {
            assertThat(log).as("the serve process's output must not contain a secret").doesNotContain(secret);
        }
    }

    private static java.net.URI awaitAddress(Process process, Path stdout, Path stderr) throws Exception {
        Pattern listening = Pattern.compile("hubsim listening on (http://\\S+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher matcher = listening.matcher(Files.readString(stdout, StandardCharsets.UTF_8));
            if (matcher.find()) {
                return java.net.URI.create(matcher.group(1));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("hubsim did not start; stderr:\n" + Files.readString(stderr, StandardCharsets.UTF_8));
    }

    // ---- toString and exception messages -------------------------------------------------------------------------

    @Test
    void theModelsToStringsHoldNoSecret() {
        TestClock clock = new TestClock();
        Seed seed = Hub.seed().withUsers(List.of("dave:dave-pw-Lk09"));
        Accounts accounts = new Accounts(clock);
        accounts.addUser("alice", Hub.ALICE_PASSWORD, Plan.FREE, true);
        AccessToken pat = accounts.addToken("alice", Hub.PAT_WRITE, PatScope.WRITE, "ci");
        Account alice = accounts.user("alice").orElseThrow();
        TokenService tokens = new TokenService(clock, Hub.SERVICE, Duration.ofMinutes(5));
        TokenService.IssuedToken issued = tokens.issue(new Principal("alice", PatScope.WRITE), List.of());
        SimulatorServices services = new SimulatorServices(null, accounts, tokens, null, null, null, null, null, null,
                AuthMode.TOKEN, Optional.of("admin-secret-Ww31"), null, null, () -> { });

        List<String> shown = new ArrayList<>(List.of(seed.toString(), alice.toString(), pat.toString(),
                PasswordHash.of(Hub.ALICE_PASSWORD).toString(), services.toString(), issued.toString(),
                tokens.verify(issued.token()).orElseThrow().toString(), accounts.authenticate("alice", Hub.PAT_WRITE)
                        .orElseThrow().toString()));
        seed.users().forEach(u -> shown.add(u.toString()));
        seed.users().forEach(u -> u.tokens().forEach(t -> shown.add(t.toString())));

        List<String> secrets = List.of(Hub.ALICE_PASSWORD, Hub.BOB_PASSWORD, Hub.CAROL_PASSWORD, "dave-pw-Lk09",
                Hub.PAT_PUBLIC_READ, Hub.PAT_READ, Hub.PAT_WRITE, Hub.PAT_ADMIN, "admin-secret-Ww31", issued.token(),
                issued.token().split("\\.")[2]);
        for (String text : shown) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    @Test
    void aMalformedUserArgumentDoesNotEchoThePassword() {
        assertThatThrownBy(() -> Seed.EMPTY.withUsers(List.of(":only-a-password-Pp11")))
                .hasMessageNotContaining("only-a-password-Pp11");
    }

    @Test
    void aPersonalAccessTokenWithoutItsPrefixIsRefusedWithoutEchoingIt() {
        Accounts accounts = new Accounts(new TestClock());
        accounts.addUser("alice", Hub.ALICE_PASSWORD, Plan.FREE, false);

        assertThatThrownBy(() -> accounts.addToken("alice", "plain-token-Tt77", PatScope.READ, "x"))
                .hasMessageNotContaining("plain-token-Tt77");
    }

    @Test
    void aSeedFileWithTokensWrittenAsPlainStringsIsRefusedWithoutEchoingThem() throws Exception {
        Path seed = temp.resolve("bad-seed.yaml");
        Files.writeString(seed, """
                users:
                  - name: alice
                    password: %s
                    tokens:
                      - dckr_pat_writtenAsAStringQQQQ
                """.formatted(Hub.ALICE_PASSWORD));

        assertThatThrownBy(() -> Seed.load(seed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(seed.toString())
                .hasMessageNotContaining("dckr_pat_writtenAsAStringQQQQ")
                .hasMessageNotContaining(Hub.ALICE_PASSWORD);
    }

    @Test
    void aSeedFileWithAPasswordOfTheWrongShapeIsRefusedWithoutEchoingIt() throws Exception {
        Path seed = temp.resolve("bad-password.yaml");
        Files.writeString(seed, """
                users:
                  - name: alice
                    password: {secret: pw-in-a-map-Mm42}
                """);

        assertThatThrownBy(() -> Seed.load(seed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pw-in-a-map-Mm42");
    }

    @Test
    void aSeedFileWithAnUnterminatedPasswordIsRefusedWithoutEchoingIt() throws Exception {
        Path seed = temp.resolve("unterminated.yaml");
        Files.writeString(seed, "users:\n  - name: alice\n    password: \"half-a-pw-Uu66\n    plan: free\n");

        assertThatThrownBy(() -> Seed.load(seed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("half-a-pw-Uu66");
    }

    @Test
    void aSeedUserWithAnUnknownTokenScopeIsRefusedWithoutEchoingTheToken() {
        Seed seed = new Seed(List.of(new Seed.User("alice", Hub.ALICE_PASSWORD, null, false,
                List.of(new Seed.Token("x", "dckr_pat_scopeTypoSSSSSS", "repo:writ")))), null, null, null);

        assertThatThrownBy(() -> seed.apply(null, new Accounts(new TestClock())))
                .hasMessageContaining("repo:writ")
                .hasMessageNotContaining("dckr_pat_scopeTypoSSSSSS")
                .hasMessageNotContaining(Hub.ALICE_PASSWORD);
    }
}
