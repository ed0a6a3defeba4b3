package dev.hubsim.core.oci;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.InvalidManifestException;
import dev.hubsim.core.manifest.Manifest;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.manifest.Platform;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestingInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OCI image layout directory (image-spec {@code image-layout.md}): {@code oci-layout}, {@code index.json} and
 * content-addressed {@code blobs/<algorithm>/<hex>}. Blobs are streamed in and out, verified against their digest
 * and made visible by an atomic rename, so a failed write never leaves a blob. Images are named in
 * {@code index.json} by the {@code org.opencontainers.image.ref.name} annotation, as skopeo's {@code oci:DIR:NAME}.
 * Thread-safe: blobs may be written concurrently; index changes are serialised.
 */
public final class OciImageLayout {
    /** The annotation that names an image in {@code index.json}. */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LAYOUT_FILE = "oci-layout";
    private static final String INDEX_FILE = "index.json";
    /** Bytes per write when streaming a blob in (network reads are smaller): keeps system calls few. */
    private static final int COPY_BUFFER_BYTES = 128 * 1024;

    private final Path root;

    private OciImageLayout(Path root) {
        this.root = root;
    }

    /** Opens the layout in {@code directory}, creating the directory and an empty layout when there is none. */
    public static OciImageLayout create(Path directory) {
        try {
            Files.createDirectories(directory.resolve("blobs"));
            if (!Files.exists(directory.resolve(LAYOUT_FILE))) {
                writeAtomically(directory.resolve(LAYOUT_FILE), "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes());
            }
            if (!Files.exists(directory.resolve(INDEX_FILE))) {
                writeAtomically(directory.resolve(INDEX_FILE), index(List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an OCI layout in " + directory, e);
        }
        return new OciImageLayout(directory);
    }

    /** Opens an existing layout; fails with a message naming the directory when it is not one. */
    public static OciImageLayout open(Path directory) {
        if (!Files.isRegularFile(directory.resolve(LAYOUT_FILE)) || !Files.isRegularFile(directory.resolve(INDEX_FILE))) {
            throw new InvalidLayoutException(directory + " is not an OCI image layout: it needs "
                    + LAYOUT_FILE + " and " + INDEX_FILE);
        }
        return new OciImageLayout(directory);
    }

    /** The layout's directory. */
    public Path directory() {
        return root;
    }

    /** Where the blob with this digest lives (whether or not it is there). */
    public Path blobPath(Digest digest) {
        return root.resolve("blobs").resolve(digest.algorithm().prefix()).resolve(digest.hex());
    }

    public boolean hasBlob(Digest digest) {
        return Files.isRegularFile(blobPath(digest));
    }

    /** The size of a blob in the layout. */
    public long blobSize(Digest digest) {
        try {
            return Files.size(blobPath(digest));
        } catch (NoSuchFileException e) {
            throw missing(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a blob for reading; the caller closes it. */
    public InputStream openBlob(Digest digest) {
        return openBlob(digest, 0);
    }

    /** Opens a blob for reading from byte {@code offset} on; the caller closes it. */
    public InputStream openBlob(Digest digest, long offset) {
        try {
            return Channels.newInputStream(FileChannel.open(blobPath(digest)).position(offset));
        } catch (NoSuchFileException e) {
            throw missing(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a small blob (a manifest or config) whole. */
    public byte[] readBlob(Digest digest) {
        try (InputStream in = openBlob(digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams {@code content} into the blob {@code digest}: written to a temporary file, checked against the digest,
     * then renamed into place. A mismatch throws and leaves nothing behind; an existing blob is replaced by
     * identical bytes.
     *
     * @return the number of bytes written
     */
    public long writeBlob(Digest digest, InputStream content) {
        return write(digest, content, true);
    }

    /**
     * Streams {@code content} into the blob {@code digest} without hashing it again: for a stream that verifies itself,
     * i.e. that throws instead of ending when its bytes do not match {@code digest} (as the registry client's blob
     * downloads do). The blob is renamed into place only after the stream ended normally, so a stream that throws
     * leaves nothing behind.
     *
     * @return the number of bytes written
     */
    public long writeVerifiedBlob(Digest digest, InputStream content) {
        return write(digest, content, false);
    }

    private long write(Digest digest, InputStream source, boolean verify) {
        DigestingInputStream digesting = verify ? new DigestingInputStream(source, digest.algorithm()) : null;
        InputStream content = verify ? digesting : source;
        Path target = blobPath(digest);
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "." + digest.hex(), ".tmp");
            long count = 0;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[COPY_BUFFER_BYTES];
                for (int n = content.readNBytes(buffer, 0, buffer.length); n > 0;
                     n = content.readNBytes(buffer, 0, buffer.length)) {
                    out.write(buffer, 0, n);
                    count += n;
                }
            }
            if (verify) {
                Digest actual = digesting.digest();
                if (!actual.equals(digest)) {
                    throw new InvalidLayoutException("content written as " + digest + " has digest " + actual);
                }
            }
            move(temporary, target);
            temporary = null;
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write blob " + digest + " to " + root, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Writes small content (a manifest) as a blob and returns its sha256 digest. */
    public Digest writeBlob(byte[] content) {
        Digest digest = Digest.sha256(content);
        writeBlob(digest, new ByteArrayInputStream(content));
        return digest;
    }

    /** The descriptors listed in {@code index.json}, in order. */
    public List<Descriptor> manifests() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(root.resolve(INDEX_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(INDEX_FILE), e);
        }
        try {
            return Manifest.parse(bytes, MediaTypes.OCI_INDEX).manifests();
        } catch (InvalidManifestException e) {
            throw new InvalidLayoutException(root.resolve(INDEX_FILE) + " is not a valid image index: " + e.getMessage(), e);
        }
    }

    /** The image named {@code name} in {@code index.json}, if any. */
    public Optional<Descriptor> find(String name) {
        return manifests().stream().filter(d -> name.equals(d.annotations().get(REF_NAME))).findFirst();
    }

    /**
     * Lists a manifest (already written as a blob) in {@code index.json} under {@code name}, replacing any image
     * listed under that name before.
     */
    public synchronized void name(String name, Descriptor manifest) {
        if (!hasBlob(manifest.digest())) {
            throw missing(manifest.digest());
        }
        Map<String, String> annotations = new LinkedHashMap<>(manifest.annotations());
        annotations.put(REF_NAME, name);
        List<Descriptor> entries = new ArrayList<>();
        for (Descriptor entry : manifests()) {
            if (!name.equals(entry.annotations().get(REF_NAME))) {
                entries.add(entry);
            }
        }
        entries.add(new Descriptor(manifest.mediaType(), manifest.digest(), manifest.size(), manifest.urls(),
                annotations, manifest.platform(), manifest.artifactType()));
        try {
            writeAtomically(root.resolve(INDEX_FILE), index(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + root.resolve(INDEX_FILE), e);
        }
    }

    private InvalidLayoutException missing(Digest digest) {
        return new InvalidLayoutException("the OCI layout " + root + " has no blob " + digest);
    }

    private static byte[] index(List<Descriptor> manifests) throws IOException {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        ArrayNode entries = index.putArray("manifests");
        manifests.forEach(d -> entries.add(descriptor(d)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index);
    }

    private static ObjectNode descriptor(Descriptor descriptor) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaType", descriptor.mediaType());
        node.put("digest", descriptor.digest().toString());
        node.put("size", descriptor.size());
        if (descriptor.artifactType() != null) {
            node.put("artifactType", descriptor.artifactType());
        }
        if (!descriptor.annotations().isEmpty()) {
            ObjectNode annotations = node.putObject("annotations");
            descriptor.annotations().forEach(annotations::put);
        }
        Platform platform = descriptor.platform();
        if (platform != null) {
            ObjectNode p = node.putObject("platform");
            p.put("architecture", platform.architecture());
            p.put("os", platform.os());
            if (platform.variant() != null) {
                p.put("variant", platform.variant());
            }
            if (platform.osVersion() != null) {
                p.put("os.version", platform.osVersion());
            }
            if (!platform.osFeatures().isEmpty()) {
                ArrayNode features = p.putArray("os.features");
                platform.osFeatures().forEach(features::add);
            }
        }
        return node;
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, content);
            move(temporary, target);
            temporary = null;
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: a stray temporary file is hidden (leading dot) and harmless
            }
        }
    }
}
