package dev.hubsim.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.Manifest;
import dev.hubsim.core.oci.OciImageLayout;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.testing.RandomImage;
import dev.hubsim.core.testing.Skopeo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Image push and pull with the client against the CNCF reference registry, checked with skopeo. */
class ImageTransferRegistryTest extends AgainstDistributionRegistry {
    @Test
    void anImagePushedFromALayoutIsPulledBackByteIdenticalBySkopeoAndByTheClient() throws IOException {
        OciImageLayout source = OciImageLayout.create(directory.resolve("source"));
        Descriptor image = RandomImage.write(source, "v1", 3, 200_000, 7);
        Manifest manifest = Manifest.parse(source.readBlob(image.digest()), image.mediaType());
        ImageReference target = ImageReference.parse(registry.url().substring("http://".length()) + "/it/roundtrip:v1");

        PushedImage pushed = client.images().push(source.directory(), "v1", target);

        assertThat(pushed.digest()).isEqualTo(image.digest());
        assertThat(pushed.uploaded()).isEqualTo(4);
        Skopeo skopeo = Skopeo.require(Files.createDirectories(directory.resolve("skopeo-home")));
        Path copied = directory.resolve("skopeo-copy");
        skopeo.run("copy", "--src-tls-verify=false", "--src-no-creds", "--preserve-digests", "docker://" + target,
                "dir:" + copied).orFail();
        assertThat(Files.readAllBytes(copied.resolve("manifest.json"))).isEqualTo(source.readBlob(image.digest()));
        for (Descriptor blob : manifest.blobReferences()) {
            assertThat(Files.readAllBytes(copied.resolve(blob.digest().hex()))).isEqualTo(source.readBlob(blob.digest()));
        }

        PulledImage pulled = client.images().pull(target, directory.resolve("pulled"));

        OciImageLayout back = OciImageLayout.open(directory.resolve("pulled"));
        assertThat(pulled.manifest().digest()).isEqualTo(image.digest());
        assertThat(back.find("v1")).hasValueSatisfying(d -> assertThat(d.digest()).isEqualTo(image.digest()));
        assertThat(back.readBlob(image.digest())).isEqualTo(source.readBlob(image.digest()));
        for (Descriptor blob : manifest.blobReferences()) {
            assertThat(Files.mismatch(back.blobPath(blob.digest()), source.blobPath(blob.digest()))).isEqualTo(-1);
        }
    }

    /**
     * A JVM with a 40 MiB heap pushes and pulls an image with an 80 MiB layer: only possible when no blob is ever held
     * whole in memory.
     */
    @Test
    void aSmallHeapMovesABlobTwiceItsSizeBecauseBlobsAreStreamed() throws IOException, InterruptedException {
        long layerSize = 80L * 1024 * 1024;
        OciImageLayout source = OciImageLayout.create(directory.resolve("big"));
        Descriptor image = RandomImage.write(source, "big", 1, layerSize, 11);
        String reference = registry.url().substring("http://".length()) + "/it/big:v1";

        String pushed = tool("push", registry.url(), source.directory().toString(), "big", reference);
        String pulled = tool("pull", registry.url(), reference, directory.resolve("big-pulled").toString());

        assertThat(pushed.split(" ")[1]).isEqualTo(Long.toString(layerSize + source.blobSize(
                Manifest.parse(source.readBlob(image.digest()), image.mediaType()).config().digest())));
        assertThat(pulled.split(" ")[1]).isEqualTo(pushed.split(" ")[1]);
        OciImageLayout back = OciImageLayout.open(directory.resolve("big-pulled"));
        assertThat(back.find("v1")).hasValueSatisfying(d -> assertThat(d.digest()).isEqualTo(image.digest()));
    }

    /** Runs {@code ImageTool} in a JVM with a 40 MiB heap; returns its output line. */
    private static String tool(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx40m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "dev.hubsim.core.testing.ImageTool"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(directory, "tool-", ".out");
        Path errors = Files.createTempFile(directory, "tool-", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ImageTool %s finished", args[0]).isTrue();
        String text = Files.readString(output, StandardCharsets.UTF_8).trim();
        assertThat(process.exitValue()).as("ImageTool %s: %s %s", args[0], text,
                Files.readString(errors, StandardCharsets.UTF_8)).isZero();
        return text;
    }
}
