package dev.hubsim.simulator.realclient;

import dev.hubsim.core.testing.Skopeo;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.HubTokens;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance with a real client: skopeo against a simulator with Docker Hub's token auth and a seeded
 * user. It pushes with credentials through the token flow, pulls anonymously from the public repository, and is
 * refused in exactly the ways Docker Hub refuses: anonymous pushes, pushes with a read-only token, another user's
 * private repository and a wrong password; over the rate limit it waits for {@code Retry-After}.
 */
class SkopeoAuthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How skopeo (containers/image) prints a 401 whose challenge says {@code error="insufficient_scope"}. */
    private static final String DENIED = "denied: requested access to the resource is denied";
    private static final String READ_ONLY_PAT = "dckr_pat_aliceReadOnly0123456789";
    private static final String WRITE_PAT = "dckr_pat_aliceWrite0123456789";
    private static final Seed SEED = new Seed(
            List.of(new Seed.User("alice", "alice-password", null, false, List.of(
                            new Seed.Token("read-only", READ_ONLY_PAT, "repo:read"),
                            new Seed.Token("ci", WRITE_PAT, "repo:write"))),
                    new Seed.User("bob", "bob-password", null, false, List.of())),
            List.of(),
            List.of(new Seed.Repository("bob/secret", true)),
            List.of(new Seed.Image("bob/secret:v1", null, List.of("4KB")),
                    new Seed.Image("library/nginx:1.27", List.of("linux/amd64", "linux/arm64/v8"), List.of("64KB"))));

    @TempDir
    static Path work;

    private static Simulator simulator;
    private static OciLayout layout;
    private static String registry;
    private Skopeo skopeo;

    @BeforeAll
    static void start() {
        layout = OciLayout.write(work.resolve("layout"));
        simulator = Simulator.builder().auth(AuthMode.TOKEN).rateLimit(RateLimitPolicy.UNLIMITED).seed(SEED).start();
        registry = simulator.baseUri().getAuthority();
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** Per test, so that without skopeo every test is reported as skipped (or failed on CI), not silently absent. */
    @BeforeEach
    void requireSkopeo() throws IOException {
        skopeo = Skopeo.require(Files.createDirectories(work.resolve("skopeo-home")));
    }

    @Test
    void skopeoPushesWithDestCredsThroughTheTokenFlowAndPullsThePublicRepositoryAnonymously() throws IOException {
        Path digestFile = work.resolve("alice-app.digest");

        skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", "alice:alice-password", "--preserve-digests",
                "--digestfile", digestFile.toString(), layout.reference(OciLayout.IMAGE_TAG), docker("alice/app:v1")).orFail();
        Skopeo.Result raw = skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds", docker("alice/app:v1")).orFail();
        Path out = work.resolve("alice-app-pulled");
        skopeo.run("copy", "--src-tls-verify=false", "--src-no-creds", "--preserve-digests",
                docker("alice/app:v1"), "dir:" + out).orFail();

        assertThat(Files.readString(digestFile).trim()).isEqualTo(layout.image().digest());
        assertThat(raw.stdoutBytes()).isEqualTo(layout.image().manifest());
        assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(layout.image().manifest());
        for (String digest : layout.image().blobDigests()) {
            assertThat(Files.readAllBytes(out.resolve(digest.substring("sha256:".length()))))
                    .as(digest).isEqualTo(layout.blob(digest));
        }
    }

    @Test
    void skopeoPushesWithAWritePersonalAccessToken() throws IOException {
        Path digestFile = work.resolve("alice-pat.digest");

        skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", "alice:" + WRITE_PAT, "--preserve-digests",
                "--digestfile", digestFile.toString(), layout.reference(OciLayout.IMAGE_TAG), docker("alice/ci:v1")).orFail();

        assertThat(Files.readString(digestFile).trim()).isEqualTo(layout.image().digest());
    }

    @Test
    void theOwnerDeletesAManifestWithSkopeoButAWriteTokenCannot() {
        skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", "alice:alice-password",
                layout.reference(OciLayout.IMAGE_TAG), docker("alice/doomed:v1")).orFail();

        Skopeo.Result withWriteToken = skopeo.run("delete", "--tls-verify=false", "--creds", "alice:" + WRITE_PAT,
                docker("alice/doomed:v1"));
        assertThat(withWriteToken.succeeded()).as("repo:write does not include delete: %s", withWriteToken).isFalse();

        skopeo.run("delete", "--tls-verify=false", "--creds", "alice:alice-password", docker("alice/doomed:v1")).orFail();
        Skopeo.Result inspected = skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds",
                docker("alice/doomed:v1"));
        assertThat(inspected.succeeded()).as("%s", inspected).isFalse();
        assertThat(inspected.stderr()).as("%s", inspected).contains("manifest unknown");
    }

    @Test
    void anAnonymousPushIsRefused() {
        Skopeo.Result pushed = skopeo.run("copy", "--dest-tls-verify=false", "--dest-no-creds",
                layout.reference(OciLayout.IMAGE_TAG), docker("alice/anonymous:v1"));

        assertThat(pushed.succeeded()).as("%s", pushed).isFalse();
        assertThat(pushed.stderr()).as("%s", pushed).contains(DENIED);
        assertThat(simulator.registry().privacy("alice/anonymous")).as("nothing was created").isEmpty();
    }

    @Test
    void aPullOnlyTokenCannotPush() {
        Skopeo.Result pushed = skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", "alice:" + READ_ONLY_PAT,
                layout.reference(OciLayout.IMAGE_TAG), docker("alice/readonly:v1"));

        assertThat(pushed.succeeded()).as("%s", pushed).isFalse();
        assertThat(pushed.stderr()).as("skopeo shows insufficient_scope as 'denied': %s", pushed)
                .contains(DENIED).contains("initiating layer upload");
        assertThat(simulator.registry().privacy("alice/readonly")).as("nothing was created").isEmpty();
        String token = new HubTokens(new RegistryHttp(simulator.baseUri()))
                .forUser("alice", READ_ONLY_PAT, "alice/readonly", "pull,push");
        Reply upload = new RegistryHttp(simulator.baseUri()).post("/v2/alice/readonly/blobs/uploads/", new byte[0],
                "Authorization", HubTokens.bearer(token));
        assertThat(upload.status()).isEqualTo(401);
        assertThat(upload.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"")
                .contains("scope=\"repository:alice/readonly:pull,push\"");
    }

    @Test
    void aPullOnlyTokenStillPulls() throws IOException {
        Skopeo.Result inspected = skopeo.run("inspect", "--tls-verify=false", "--creds", "alice:" + READ_ONLY_PAT,
                docker("library/nginx:1.27")).orFail();

        assertThat(JSON.readTree(inspected.stdout()).path("Os").asText()).isEqualTo("linux");
    }

    @Test
    void anotherUsersPrivateRepositoryIsInvisible() {
        Skopeo.Result asAlice = skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", "alice:alice-password",
                docker("bob/secret:v1"));
        Skopeo.Result anonymously = skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds",
                docker("bob/secret:v1"));
        Skopeo.Result tags = skopeo.run("list-tags", "--tls-verify=false", "--creds", "alice:alice-password",
                docker("bob/secret"));
        Skopeo.Result asBob = skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", "bob:bob-password",
                docker("bob/secret:v1"));

        assertThat(asAlice.succeeded()).as("%s", asAlice).isFalse();
        assertThat(asAlice.stderr()).as("%s", asAlice).contains(DENIED);
        assertThat(anonymously.stderr()).as("%s", anonymously).contains(DENIED);
        assertThat(anonymously.succeeded()).as("%s", anonymously).isFalse();
        assertThat(tags.succeeded()).as("%s", tags).isFalse();
        assertThat(asBob.succeeded()).as("the owner sees it: %s", asBob).isTrue();
    }

    @Test
    void aWrongPasswordFailsWithDockerHubsMessage() {
        Skopeo.Result inspected = skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", "alice:wrong",
                docker("library/nginx:1.27"));
        Skopeo.Result pushed = skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", "alice:wrong",
                layout.reference(OciLayout.IMAGE_TAG), docker("alice/wrong:v1"));

        assertThat(inspected.succeeded()).as("%s", inspected).isFalse();
        assertThat(inspected.stderr()).as("%s", inspected).contains("incorrect username or password");
        assertThat(pushed.succeeded()).as("%s", pushed).isFalse();
        assertThat(pushed.stderr()).as("%s", pushed).contains("incorrect username or password");
    }

    @Test
    void skopeoPullsTheSeededMultiPlatformImageAnonymously() throws IOException {
        Skopeo.Result arm64 = skopeo.run("--override-arch", "arm64", "--override-variant", "v8", "--override-os", "linux",
                "inspect", "--tls-verify=false", "--no-creds", docker("library/nginx:1.27")).orFail();

        assertThat(JSON.readTree(arm64.stdout()).path("Architecture").asText()).isEqualTo("arm64");
        assertThat(JSON.readTree(arm64.stdout()).path("Layers")).hasSize(1);
    }

    /**
     * skopeo does not give up on a 429: it sleeps for {@code Retry-After} (at most 60 s) and tries again, up to five
     * times. So with a three-second window the second pull is refused once, waits, and succeeds.
     */
    @Test
    void skopeoWaitsForTheRetryAfterOfA429AndThenPulls() {
        try (Simulator limited = Simulator.builder().auth(AuthMode.TOKEN)
                .rateLimit(RateLimitPolicy.parse("anonymous=1/3s")).seed(SEED).start()) {
            String image = "docker://" + limited.baseUri().getAuthority() + "/library/nginx:1.27";

            Skopeo.Result first = skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds", image);
            Skopeo.Result second = skopeo.run("--debug", "inspect", "--raw", "--tls-verify=false", "--no-creds", image);

            assertThat(first.succeeded()).as("%s", first).isTrue();
            assertThat(second.succeeded()).as("%s", second).isTrue();
            assertThat(second.stdoutBytes()).isEqualTo(first.stdoutBytes());
            assertThat(second.stderr()).as("%s", second)
                    .containsPattern("Detected 'Retry-After' header \\\\?\"[1-3]\\\\?\"")
                    .contains("Too many requests");
        }
    }

    private static String docker(String reference) {
        return "docker://" + registry + "/" + reference;
    }
}
