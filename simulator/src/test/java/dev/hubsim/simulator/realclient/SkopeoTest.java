package dev.hubsim.simulator.realclient;

import dev.hubsim.core.testing.Skopeo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.auth.Plan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator against a real client nobody here wrote: skopeo pushes an OCI layout, reads it back, lists tags,
 * copies between repositories and deletes, and every digest and byte must survive the round trip.
 */
class SkopeoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static Skopeo skopeo;
    private static Simulator simulator;
    private static OciLayout layout;
    private static String registry;

    @BeforeAll
    static void start() {
        layout = OciLayout.write(work.resolve("layout"));
        // An open registry: these tests are about the registry protocol; the token flow has its own test below.
        simulator = Simulator.builder().auth(AuthMode.NONE).start();
        registry = simulator.baseUri().getAuthority();
    }

    /** Per test, so that without skopeo every test is reported as skipped (or failed on CI), not silently absent. */
    @BeforeEach
    void requireSkopeo() throws IOException {
        skopeo = Skopeo.require(Files.createDirectories(work.resolve("skopeo-home")));
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void skopeoPushesAThreeLayerImageAndReadsBackTheIdenticalManifestUnderTheSameDigest() throws IOException {
        String pushed = push(layout.reference(OciLayout.IMAGE_TAG), "realclient/single:v1", false);

        assertThat(pushed).isEqualTo(layout.image().digest());
        assertThat(rawManifest("realclient/single:v1")).isEqualTo(layout.image().manifest());
        assertThat(rawManifest("realclient/single@" + pushed)).isEqualTo(layout.image().manifest());
        JsonNode inspected = JSON.readTree(skopeo.run("inspect", "--tls-verify=false", "--no-creds",
                docker("realclient/single:v1")).orFail().stdout());
        assertThat(inspected.path("Digest").asText()).isEqualTo(layout.image().digest());
        assertThat(inspected.path("Architecture").asText()).isEqualTo("amd64");
        assertThat(inspected.path("Os").asText()).isEqualTo("linux");
        assertThat(texts(inspected.path("Layers"))).isEqualTo(layout.image().layerDigests());
    }

    @Test
    void skopeoPushesATwoPlatformIndexWithAllAndReadsBackEveryManifestByteForByte() throws IOException {
        String pushed = push(layout.reference(OciLayout.INDEX_TAG), "realclient/multi:v1", true);

        assertThat(pushed).isEqualTo(layout.indexDigest());
        assertThat(rawManifest("realclient/multi:v1")).isEqualTo(layout.index());
        assertThat(rawManifest("realclient/multi@" + layout.amd64().digest())).isEqualTo(layout.amd64().manifest());
        assertThat(rawManifest("realclient/multi@" + layout.arm64().digest())).isEqualTo(layout.arm64().manifest());
        JsonNode arm64 = JSON.readTree(skopeo.run("--override-arch", "arm64", "--override-variant", "v8",
                "--override-os", "linux", "inspect", "--tls-verify=false", "--no-creds",
                docker("realclient/multi:v1")).orFail().stdout());
        assertThat(arm64.path("Architecture").asText()).isEqualTo("arm64");
        assertThat(texts(arm64.path("Layers"))).isEqualTo(layout.arm64().layerDigests());
    }

    @Test
    void skopeoListsTheTagsItPushed() throws IOException {
        push(layout.reference(OciLayout.IMAGE_TAG), "realclient/tags:v1", false);
        push(layout.reference(OciLayout.IMAGE_TAG), "realclient/tags:latest", false);
        push(layout.reference(OciLayout.INDEX_TAG), "realclient/tags:multi", true);

        JsonNode listed = JSON.readTree(skopeo.run("list-tags", "--tls-verify=false", "--no-creds",
                docker("realclient/tags")).orFail().stdout());

        assertThat(listed.path("Repository").asText()).isEqualTo(registry + "/realclient/tags");
        assertThat(texts(listed.path("Tags"))).containsExactlyInAnyOrder("v1", "latest", "multi");
    }

    @Test
    void skopeoCopiesAnImageToADirectoryWithByteIdenticalBlobs() throws IOException {
        push(layout.reference(OciLayout.IMAGE_TAG), "realclient/pull:v1", false);
        Path out = work.resolve("pulled-single");

        skopeo.run("copy", "--src-tls-verify=false", "--src-no-creds", "--preserve-digests",
                docker("realclient/pull:v1"), "dir:" + out).orFail();

        assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(layout.image().manifest());
        assertThat(Skopeo.directoryBlobs(out)).containsOnlyKeys(hexes(layout.image().blobDigests()));
        assertBlobsMatchLayout(out);
    }

    @Test
    void skopeoCopiesATwoPlatformIndexToADirectoryWithByteIdenticalManifestsAndBlobs() throws IOException {
        push(layout.reference(OciLayout.INDEX_TAG), "realclient/pullall:v1", true);
        Path out = work.resolve("pulled-multi");

        skopeo.run("copy", "--all", "--src-tls-verify=false", "--src-no-creds", "--preserve-digests",
                docker("realclient/pullall:v1"), "dir:" + out).orFail();

        assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(layout.index());
        List<String> expected = new ArrayList<>(layout.amd64().blobDigests());
        expected.addAll(layout.arm64().blobDigests());
        assertThat(Skopeo.directoryBlobs(out)).containsOnlyKeys(hexes(expected));
        assertBlobsMatchLayout(out);
        for (OciLayout.Image image : List.of(layout.amd64(), layout.arm64())) {
            Path instance = out.resolve(hex(image.digest()) + ".manifest.json");
            assertThat(instance).exists();
            assertThat(Files.readAllBytes(instance)).isEqualTo(image.manifest());
        }
    }

    @Test
    void skopeoCopiesBetweenRepositoriesOfTheSimulatorAndTheCopyReadsBackIdentical() throws IOException {
        push(layout.reference(OciLayout.IMAGE_TAG), "realclient/origin:v1", false);
        Path digestFile = work.resolve("cross-repo.digest");

        Skopeo.Result copied = skopeo.run("--debug", "copy", "--src-tls-verify=false", "--dest-tls-verify=false",
                "--src-no-creds", "--dest-no-creds", "--preserve-digests", "--digestfile", digestFile.toString(),
                docker("realclient/origin:v1"), docker("realclient/elsewhere/copy:v2")).orFail();

        assertThat(Files.readString(digestFile).trim()).isEqualTo(layout.image().digest());
        assertThat(copied.stderr())
                .as("skopeo mounts the layers it knows are in realclient/origin instead of uploading them again")
                .contains("from=realclient%2Forigin&mount=");
        assertThat(copied.stderr().split("mount OK", -1))
                .as("one successful mount per layer")
                .hasSize(layout.image().layerDigests().size() + 1);
        assertThat(rawManifest("realclient/elsewhere/copy:v2")).isEqualTo(layout.image().manifest());
        Path out = work.resolve("pulled-copy");
        skopeo.run("copy", "--src-tls-verify=false", "--src-no-creds", "--preserve-digests",
                docker("realclient/elsewhere/copy:v2"), "dir:" + out).orFail();
        assertThat(Skopeo.directoryBlobs(out)).containsOnlyKeys(hexes(layout.image().blobDigests()));
        assertBlobsMatchLayout(out);
    }

    @Test
    void skopeoDeletesAManifestByDigestAndItsTagDisappears() throws IOException {
        push(layout.reference(OciLayout.IMAGE_TAG), "realclient/doomed:gone", false);
        push(layout.reference(OciLayout.INDEX_TAG), "realclient/doomed:kept", true);

        skopeo.run("delete", "--tls-verify=false", "--no-creds",
                docker("realclient/doomed@" + layout.image().digest())).orFail();

        Skopeo.Result byDigest = skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds",
                docker("realclient/doomed@" + layout.image().digest()));
        assertThat(byDigest.succeeded()).as("%s", byDigest).isFalse();
        assertThat(byDigest.stderr()).containsIgnoringCase("manifest unknown");
        Skopeo.Result byTag = skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds",
                docker("realclient/doomed:gone"));
        assertThat(byTag.succeeded()).as("%s", byTag).isFalse();
        assertThat(byTag.stderr()).containsIgnoringCase("manifest unknown");
        JsonNode listed = JSON.readTree(skopeo.run("list-tags", "--tls-verify=false", "--no-creds",
                docker("realclient/doomed")).orFail().stdout());
        assertThat(texts(listed.path("Tags"))).containsExactly("kept");
        assertThat(rawManifest("realclient/doomed:kept")).isEqualTo(layout.index());
    }

    @Test
    void skopeoLogsInThroughTheTokenServicePushesWithCredentialsAndPullsThePublicRepositoryAnonymously() throws IOException {
        try (Simulator hub = Simulator.builder().auth(AuthMode.TOKEN).start()) {
            hub.accounts().addUser("alice", "correct-horse", Plan.PRO, false);
            String target = "docker://" + hub.baseUri().getAuthority() + "/alice/app:v1";
            Path digestFile = work.resolve("token-push.digest");

            skopeo.run("copy", "--dest-tls-verify=false", "--dest-creds", "alice:correct-horse", "--preserve-digests",
                    "--digestfile", digestFile.toString(), layout.reference(OciLayout.IMAGE_TAG), target).orFail();
            Skopeo.Result anonymousPush = skopeo.run("copy", "--dest-tls-verify=false", "--dest-no-creds",
                    layout.reference(OciLayout.IMAGE_TAG), target.replace(":v1", ":anonymous"));
            Skopeo.Result wrongPassword = skopeo.run("inspect", "--raw", "--tls-verify=false", "--creds", "alice:wrong", target);
            Skopeo.Result anonymousPull = skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds", target).orFail();

            assertThat(Files.readString(digestFile).trim()).isEqualTo(layout.image().digest());
            assertThat(anonymousPull.stdoutBytes()).isEqualTo(layout.image().manifest());
            assertThat(anonymousPush.succeeded()).as("%s", anonymousPush).isFalse();
            assertThat(anonymousPush.stderr()).containsIgnoringCase("authentication required");
            assertThat(wrongPassword.succeeded()).as("%s", wrongPassword).isFalse();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Pushes with preserved digests and returns the digest skopeo reports. */
    private static String push(String source, String destination, boolean all) throws IOException {
        Path digestFile = Files.createTempFile(work, "push-", ".digest");
        List<String> args = new ArrayList<>(List.of("copy", "--dest-tls-verify=false", "--dest-no-creds",
                "--preserve-digests", "--digestfile", digestFile.toString()));
        if (all) {
            args.add("--all");
        }
        args.add(source);
        args.add(docker(destination));
        skopeo.run(args.toArray(String[]::new)).orFail();
        return Files.readString(digestFile).trim();
    }

    private static byte[] rawManifest(String reference) {
        // skopeo inspect --raw writes the registry's bytes exactly, with nothing added.
        return skopeo.run("inspect", "--raw", "--tls-verify=false", "--no-creds", docker(reference)).orFail().stdoutBytes();
    }

    private static String docker(String reference) {
        return "docker://" + registry + "/" + reference;
    }


    private static void assertBlobsMatchLayout(Path directory) throws IOException {
        Map<String, byte[]> blobs = Skopeo.directoryBlobs(directory);
        assertThat(blobs).isNotEmpty();
        blobs.forEach((name, bytes) -> {
            assertThat(OciLayout.sha256(bytes)).as("sha256 of %s", name).isEqualTo("sha256:" + name);
            assertThat(bytes).as("bytes of %s", name).isEqualTo(layout.blob("sha256:" + name));
        });
    }

    private static Set<String> hexes(List<String> digests) {
        Set<String> hexes = new HashSet<>();
        digests.forEach(d -> hexes.add(hex(d)));
        return hexes;
    }

    private static String hex(String digest) {
        return digest.substring(digest.indexOf(':') + 1);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
