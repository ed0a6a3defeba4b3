package dev.hubsim.simulator.realclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Test fixture: an OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/...}) that
 * real clients such as skopeo read with {@code oci:DIR:TAG}. It holds a single-platform image with three gzip'd tar
 * layers (tagged {@link #IMAGE_TAG}) and a two-platform OCI index, linux/amd64 and linux/arm64/v8 (tagged
 * {@link #INDEX_TAG}). Every byte is deterministic, so digests are stable across runs.
 */
public final class OciLayout {
    public static final String IMAGE_TAG = "single";
    public static final String INDEX_TAG = "multi";

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";

    /** One manifest of the layout: its bytes, digest and the blobs (config first, then layers) it references. */
    public record Image(String digest, byte[] manifest, String configDigest, List<String> layerDigests) {
        /** Config and layer digests, config first. */
        public List<String> blobDigests() {
            List<String> all = new ArrayList<>();
            all.add(configDigest);
            all.addAll(layerDigests);
            return all;
        }
    }

    private final Path directory;
    private final Image image;
    private final String indexDigest;
    private final byte[] index;
    private final Image amd64;
    private final Image arm64;
    private final Map<String, byte[]> blobs;

    private OciLayout(Path directory, Image image, String indexDigest, byte[] index, Image amd64, Image arm64,
                      Map<String, byte[]> blobs) {
        this.directory = directory;
        this.image = image;
        this.indexDigest = indexDigest;
        this.index = index;
        this.amd64 = amd64;
        this.arm64 = arm64;
        this.blobs = blobs;
    }

    /** Writes the layout into {@code directory} (created if needed) and returns what it holds. */
    public static OciLayout write(Path directory) {
        try {
            Writer writer = new Writer(directory);
            Image image = writer.image("amd64", null, 3, 1001);
            Image amd64 = writer.image("amd64", null, 1, 2001);
            Image arm64 = writer.image("arm64", "v8", 1, 3001);
            byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                    + descriptor(OCI_MANIFEST, amd64.digest(), amd64.manifest().length,
                            ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}")
                    + ","
                    + descriptor(OCI_MANIFEST, arm64.digest(), arm64.manifest().length,
                            ",\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}")
                    + "]}").getBytes(StandardCharsets.UTF_8);
            String indexDigest = writer.blob(index);
            Files.writeString(directory.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            String top = "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                    + descriptor(OCI_MANIFEST, image.digest(), image.manifest().length, refName(IMAGE_TAG)) + ","
                    + descriptor(OCI_INDEX, indexDigest, index.length, refName(INDEX_TAG)) + "]}";
            Files.writeString(directory.resolve("index.json"), top);
            return new OciLayout(directory, image, indexDigest, index, amd64, arm64,
                    Collections.unmodifiableMap(writer.blobs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write OCI layout to " + directory, e);
        }
    }

    /** The layout directory. */
    public Path directory() {
        return directory;
    }

    /** The skopeo reference {@code oci:DIR:TAG}. */
    public String reference(String tag) {
        return "oci:" + directory.toAbsolutePath() + ":" + tag;
    }

    /** The single-platform, three-layer image (tag {@link #IMAGE_TAG}). */
    public Image image() {
        return image;
    }

    /** The digest of the two-platform index (tag {@link #INDEX_TAG}). */
    public String indexDigest() {
        return indexDigest;
    }

    /** The exact bytes of the two-platform index. */
    public byte[] index() {
        return index.clone();
    }

    /** The linux/amd64 image of the index. */
    public Image amd64() {
        return amd64;
    }

    /** The linux/arm64/v8 image of the index. */
    public Image arm64() {
        return arm64;
    }

    /** Every blob of the layout (manifests, index, configs, layers) by digest. */
    public Map<String, byte[]> blobs() {
        return blobs;
    }

    /** The bytes of one blob of the layout. */
    public byte[] blob(String digest) {
        byte[] bytes = blobs.get(digest);
        if (bytes == null) {
            throw new IllegalArgumentException("no blob " + digest + " in the layout");
        }
        return bytes.clone();
    }

    /** {@code sha256:<hex>} of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String descriptor(String mediaType, String digest, long size, String extra) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + extra + "}";
    }

    private static String refName(String tag) {
        return ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}";
    }

    /** Writes blobs into {@code blobs/sha256/} and remembers them. */
    private static final class Writer {
        private final Path blobDirectory;
        private final Map<String, byte[]> blobs = new LinkedHashMap<>();

        Writer(Path directory) throws IOException {
            this.blobDirectory = Files.createDirectories(directory.resolve("blobs").resolve("sha256"));
        }

        String blob(byte[] content) throws IOException {
            String digest = sha256(content);
            Files.write(blobDirectory.resolve(digest.substring("sha256:".length())), content);
            blobs.put(digest, content);
            return digest;
        }

        Image image(String architecture, String variant, int layerCount, long seed) throws IOException {
            Random random = new Random(seed);
            List<String> layers = new ArrayList<>();
            List<Long> layerSizes = new ArrayList<>();
            List<String> diffIds = new ArrayList<>();
            for (int i = 0; i < layerCount; i++) {
                byte[] content = new byte[16 * 1024 + random.nextInt(48 * 1024)];
                random.nextBytes(content);
                byte[] tar = tar("layer" + i + "/data-" + seed + ".bin", content);
                diffIds.add(sha256(tar));
                byte[] gzip = gzip(tar);
                layers.add(blob(gzip));
                layerSizes.add((long) gzip.length);
            }
            byte[] config = ("{\"architecture\":\"" + architecture + "\",\"os\":\"linux\""
                    + (variant == null ? "" : ",\"variant\":\"" + variant + "\"")
                    + ",\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"]}"
                    + ",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + String.join("\",\"", diffIds) + "\"]}}")
                    .getBytes(StandardCharsets.UTF_8);
            String configDigest = blob(config);
            StringBuilder manifest = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST
                    + "\",\"config\":" + descriptor(OCI_CONFIG, configDigest, config.length, "") + ",\"layers\":[");
            for (int i = 0; i < layers.size(); i++) {
                manifest.append(i == 0 ? "" : ",").append(descriptor(OCI_LAYER_GZIP, layers.get(i), layerSizes.get(i), ""));
            }
            byte[] bytes = manifest.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            return new Image(blob(bytes), bytes, configDigest, List.copyOf(layers));
        }
    }

    /** A ustar archive with one regular file (mode 0644, mtime 0, owned by root). */
    static byte[] tar(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name, 100);
        put(header, 100, "0000644", 8);
        put(header, 108, "0000000", 8);
        put(header, 116, "0000000", 8);
        put(header, 124, String.format("%011o", content.length), 12);
        put(header, 136, "00000000000", 12);
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        put(header, 265, "root", 32);
        put(header, 297, "root", 32);
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, String.format("%06o", checksum), 7);
        header[155] = ' ';
        int padding = (512 - content.length % 512) % 512;
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + content.length + padding + 1024);
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[padding + 1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String value, int length) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > length) {
            throw new IllegalArgumentException(value + " does not fit in " + length + " bytes");
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }
}
