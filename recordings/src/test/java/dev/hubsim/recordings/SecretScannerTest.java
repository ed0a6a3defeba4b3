package dev.hubsim.recordings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static dev.hubsim.recordings.Exchanges.METADATA;
import static dev.hubsim.recordings.Exchanges.interaction;
import static dev.hubsim.recordings.Exchanges.request;
import static dev.hubsim.recordings.Exchanges.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretScannerTest {
    private static final String JWT = "eyJhbGciOiJFUzI1NiIsImtpZCI6IngifQ.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
    private static final String PAT = "dckr_pat_AbCdEfGh0123456789_-xyz";

    @TempDir
    Path dir;

    @Test
    void aRecordingWithOnlyPlaceholdersPasses() throws IOException {
        record("{\"token\":\"" + JWT + "\"}");
        String file = Files.readString(dir.resolve("interactions.json"));
        assertThat(file).contains("hubsim-redacted-token-1").contains("docker.io/library/nginx:1.25");

        assertThat(SecretScanner.withKnownSecrets(List.of(JWT, "s3cret")).scan(dir)).isEmpty();
        SecretScanner.patternsOnly().verifyClean(dir);
    }

    @Test
    void aPlantedKnownSecretIsFoundWithItsLineAndColumn() throws IOException {
        record("{}");
        Path file = dir.resolve("interactions.json");
        Files.writeString(file, Files.readString(file).replace("\"format\": 1,", "\"format\": 1, \"note\": \"s3cret-value\","));

        List<SecretFinding> findings = SecretScanner.withKnownSecrets(List.of("s3cret-value")).scan(dir);

        assertThat(findings).containsExactly(new SecretFinding(file, "line 2, column 25",
                SecretFinding.Kind.KNOWN_SECRET, "s3cr…"));
    }

    @Test
    void aJwtOrDockerTokenInABlobIsFound() throws IOException {
        byte[] noise = RecordingRoundTripTest.randomBytes(400_000, 9);
        Path blob = dir.resolve("blobs/sha256/" + "a".repeat(64));
        Files.createDirectories(blob.getParent());
        try (OutputStream out = Files.newOutputStream(blob)) {
            out.write(noise, 0, 262_140);
            out.write(("\n" + JWT + " and " + PAT.replace("pat", "oat") + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(noise, 262_140, noise.length - 262_140);
        }

        List<SecretFinding> findings = SecretScanner.patternsOnly().scan(dir);

        assertThat(findings).extracting(SecretFinding::kind)
                .containsExactly(SecretFinding.Kind.JWT, SecretFinding.Kind.DOCKER_ACCESS_TOKEN);
        assertThat(findings).allSatisfy(f -> assertThat(f.file()).isEqualTo(blob));
        assertThat(findings.get(0).hint()).isEqualTo("eyJh…");
    }

    @Test
    void aPersonalAccessTokenInAHeaderIsFound() throws IOException {
        record("{}");
        Path file = dir.resolve("interactions.json");
        Files.writeString(file, Files.readString(file).replace("\"server\": ", "\"server\": \"" + PAT + "\", \"x\": "));

        assertThat(SecretScanner.patternsOnly().scan(dir)).extracting(SecretFinding::kind)
                .containsExactly(SecretFinding.Kind.DOCKER_ACCESS_TOKEN);
    }

    @Test
    void aSecretInsideABase64BodyIsFound() throws IOException {
        byte[] binary = ("\u0000\u0001binary " + JWT).getBytes(StandardCharsets.ISO_8859_1);
        try (RecordingWriter writer = RecordingWriter.create(dir, METADATA)) {
            writer.append(interaction(request("GET", "/v2/a/blobs/x"),
                    RecordedResponse.of(200, Exchanges.headers(), Body.inline(binary))));
        }
        assertThat(Files.readString(dir.resolve("interactions.json"))).doesNotContain(JWT);

        List<SecretFinding> findings = SecretScanner.patternsOnly().scan(dir);

        assertThat(findings).extracting(SecretFinding::where, SecretFinding::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("interactions[0].response.body (base64)", SecretFinding.Kind.JWT));
    }

    @Test
    void dottedNamesThatAreNotJwtsPass() throws IOException {
        String notJwts = "registry-1.docker.io.cdn example.com.abc.def "
                + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"typ\":\"x\"}".getBytes()) + ".eyJ4IjoxfQ.sig";
        Files.writeString(dir.resolve("notes.txt"), notJwts);

        assertThat(SecretScanner.patternsOnly().scan(dir)).isEmpty();
    }

    @Test
    void verifyCleanListsWhereButNotWhat() throws IOException {
        record("{}");
        Files.writeString(dir.resolve("leak.txt"), "Authorization: Bearer " + JWT);

        assertThatThrownBy(() -> SecretScanner.patternsOnly().verifyClean(dir))
                .isInstanceOf(SecretsFoundException.class)
                .hasMessageContaining("holds 1 secret(s)")
                .hasMessageContaining(dir.resolve("leak.txt") + " line 1, column 23: JWT eyJh…")
                .message().doesNotContain(JWT.substring(10));
    }

    private void record(String tokenResponse) {
        try (RecordingWriter writer = RecordingWriter.create(dir, METADATA)) {
            writer.append(interaction(request("GET", "/token?scope=repository:library/nginx:pull", "Authorization",
                            "Basic czNjcmV0"),
                    response(200, tokenResponse, "Content-Type", "application/json")));
            writer.append(interaction(request("GET", "/v2/library/nginx/manifests/1.25", "Authorization", "Bearer " + JWT),
                    response(200, "{\"annotations\":{\"ref\":\"docker.io/library/nginx:1.25\"}}")));
        }
    }
}
