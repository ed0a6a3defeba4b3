package dev.hubsim.recordings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static dev.hubsim.recordings.Exchanges.METADATA;
import static dev.hubsim.recordings.Exchanges.interaction;
import static dev.hubsim.recordings.Exchanges.request;
import static dev.hubsim.recordings.Exchanges.response;
import static dev.hubsim.recordings.Exchanges.withBody;
import static org.assertj.core.api.Assertions.assertThat;

class ScrubbingTest {
    private static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
    private static final String REFRESH = "d6c1f6d0-refresh-secret";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String PAT = "dckr_pat_0123456789abcdefghijklmnopq";

    @TempDir
    Path dir;

    @Test
    void aTokenIssuedInAResponseAndPresentedLaterGetsTheSamePlaceholder() throws IOException {
        List<Interaction> stored = record(writer -> {
            writer.append(interaction(request("GET", "/token?scope=repository:a:pull&service=registry"),
                    response(200, "{\"token\":\"" + JWT + "\",\"access_token\":\"" + JWT + "\",\"expires_in\":300}",
                            "Content-Type", "application/json")));
            writer.append(interaction(request("GET", "/v2/a/manifests/1", "Authorization", "Bearer " + JWT),
                    response(200, "{}")));
        });

        assertThat(stored.get(0).response().body().text()).isEqualTo(
                "{\"token\":\"hubsim-redacted-token-1\",\"access_token\":\"hubsim-redacted-token-1\",\"expires_in\":300}");
        assertThat(stored.get(1).request().header("authorization")).isEqualTo("Bearer hubsim-redacted-token-1");
        assertClean();
    }

    @Test
    void loginPasswordsPatSecretsAndTwoFactorTokensAreReplaced() throws IOException {
        List<Interaction> stored = record(writer -> {
            writer.append(interaction(withBody(request("POST", "/v2/users/login", "Content-Type", "application/json"),
                            "{\"username\": \"alice\", \"password\": \"" + PASSWORD + "\"}"),
                    response(401, "{\"detail\":\"Require secondary authentication\",\"login_2fa_token\":\"" + JWT + "\"}",
                            "Content-Type", "application/json")));
            writer.append(interaction(withBody(request("POST", "/v2/auth/token", "Content-Type", "application/json"),
                            "{\"identifier\":\"alice\",\"secret\":\"" + PAT + "\"}"),
                    response(200, "{\n  \"access_token\" : \"" + JWT + "\"\n}", "Content-Type", "application/json")));
        });

        assertThat(stored.get(0).request().body().text())
                .isEqualTo("{\"username\": \"alice\", \"password\": \"hubsim-redacted-password-1\"}");
        assertThat(stored.get(0).response().body().text()).contains("\"login_2fa_token\":\"hubsim-redacted-token-1\"");
        assertThat(stored.get(1).request().body().text())
                .isEqualTo("{\"identifier\":\"alice\",\"secret\":\"hubsim-redacted-secret-1\"}");
        assertThat(stored.get(1).response().body().text()).isEqualTo("{\n  \"access_token\" : \"hubsim-redacted-token-1\"\n}");
        assertClean();
    }

    @Test
    void oauthFormsAndSecretQueryParametersAreReplaced() throws IOException {
        List<Interaction> stored = record(writer -> writer.append(interaction(
                withBody(request("POST", "/token?access_token=" + REFRESH + "&service=registry",
                                "Content-Type", "application/x-www-form-urlencoded"),
                        "grant_type=password&username=alice&password=correct+horse+battery+staple&refresh_token="
                                + REFRESH + "&service=registry"),
                response(200, "{\"access_token\":\"" + JWT + "\",\"refresh_token\":\"" + REFRESH + "\"}",
                        "Content-Type", "application/json"))));

        Interaction token = stored.get(0);
        assertThat(token.request().query()).containsExactly(
                new QueryParameter("access_token", "hubsim-redacted-token-1"), new QueryParameter("service", "registry"));
        assertThat(token.request().body().text()).isEqualTo("grant_type=password&username=alice"
                + "&password=hubsim-redacted-password-1&refresh_token=hubsim-redacted-token-1&service=registry");
        assertThat(token.response().body().text())
                .isEqualTo("{\"access_token\":\"hubsim-redacted-token-2\",\"refresh_token\":\"hubsim-redacted-token-1\"}");
        assertClean();
    }

    @Test
    void credentialsAndCookiesInHeadersAreReplacedKeepingNamesAndAttributes() throws IOException {
        String basic = "Basic YWxpY2U6c2VjcmV0LXBhc3N3b3Jk";
        List<Interaction> stored = record(writer -> writer.append(interaction(
                request("GET", "/token", "Authorization", basic, "Cookie", "session=abc123secret; csrf=tok456secret"),
                response(200, "{}", "Set-Cookie", "session=abc123secret; Path=/; HttpOnly"))));

        Interaction interaction = stored.get(0);
        assertThat(interaction.request().header("authorization")).isEqualTo("Basic hubsim-redacted-credentials-1");
        assertThat(interaction.request().header("cookie"))
                .isEqualTo("session=hubsim-redacted-cookie-1; csrf=hubsim-redacted-cookie-2");
        assertThat(interaction.response().header("set-cookie")).isEqualTo("session=hubsim-redacted-cookie-1; Path=/; HttpOnly");
        assertThat(SecretScanner.withKnownSecrets(List.of("YWxpY2U6c2VjcmV0LXBhc3N3b3Jk", "abc123secret", "tok456secret"))
                .scan(dir)).isEmpty();
    }

    @Test
    void headersOffTheAllowListAreDropped() throws IOException {
        List<Interaction> stored = record(writer -> writer.append(interaction(
                request("GET", "/v2/", "User-Agent", "docker/27", "X-Forwarded-For", "10.0.0.1", "Accept", "*/*"),
                response(401, null, "Www-Authenticate", "Bearer realm=\"http://127.0.0.1/token\"", "Server", "nginx",
                        "Docker-Distribution-Api-Version", "registry/2.0"))));

        assertThat(stored.get(0).request().headers()).containsOnlyKeys("accept");
        assertThat(stored.get(0).response().headers()).containsOnlyKeys("docker-distribution-api-version", "www-authenticate");
    }

    @Test
    void bodiesWithoutSecretsKeepTheirExactBytes() throws IOException {
        String manifest = "{\n   \"schemaVersion\" :2,\n\t\"layers\": [ ],  \"annotations\": {\"tokenizer\": \"x\"}}";
        List<Interaction> stored = record(writer -> writer.append(interaction(request("GET", "/v2/a/manifests/1"),
                response(200, manifest, "Content-Type", "application/vnd.oci.image.manifest.v1+json"))));

        assertThat(stored.get(0).response().body()).isEqualTo(Exchanges.text(manifest));
    }

    @Test
    void aSecretWrittenWithEscapesIsStillReplaced() throws IOException {
        List<Interaction> stored = record(writer -> writer.append(interaction(
                withBody(request("POST", "/v2/users/login", "Content-Type", "application/json"),
                        "{\"username\":\"alice\",\"password\":\"p\\u0061ss/word\"}"),
                response(200, "{}"))));

        assertThat(stored.get(0).request().body().text())
                .isEqualTo("{\"username\":\"alice\",\"password\":\"hubsim-redacted-password-1\"}");
        assertThat(SecretScanner.withKnownSecrets(List.of("pass/word", "p\\u0061ss")).scan(dir)).isEmpty();
    }

    @Test
    void rawRequestsAndResponsesNeverShowSecretsInToString() {
        Interaction raw = interaction(
                withBody(request("POST", "/v2/users/login?password=" + PASSWORD, "Authorization", "Bearer " + JWT),
                        "{\"password\":\"" + PASSWORD + "\"}"),
                response(200, "{\"token\":\"" + JWT + "\"}", "Set-Cookie", "s=" + JWT));

        assertThat(raw.toString() + raw.request() + raw.response() + raw.request().body())
                .doesNotContain(PASSWORD).doesNotContain(JWT).doesNotContain("correct");
    }

    private List<Interaction> record(Consumer<RecordingWriter> session) throws IOException {
        try (RecordingWriter writer = RecordingWriter.create(dir, METADATA)) {
            session.accept(writer);
        }
        String file = Files.readString(dir.resolve("interactions.json"), StandardCharsets.UTF_8);
        assertThat(file).doesNotContain(JWT).doesNotContain(PASSWORD).doesNotContain(PAT).doesNotContain(REFRESH);
        return RecordingReader.read(dir).interactions();
    }

    private void assertClean() {
        assertThat(SecretScanner.withKnownSecrets(List.of(JWT, PASSWORD, PAT, REFRESH, "correct+horse")).scan(dir))
                .isEmpty();
    }
}
