package dev.hubsim.core.testing;

import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.oci.OciImageLayout;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import dev.hubsim.core.reference.DigestingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes an OCI image of random, incompressible layers into a layout, streamed: each layer is generated twice from
 * its seed (once to hash it, once to write it), so no layer is ever held in memory, whatever its size.
 */
public final class RandomImage {
    private RandomImage() {
    }

    /**
     * Writes {@code layers} layers of {@code layerSize} bytes, a config and an OCI manifest into the layout, names the
     * manifest {@code name}, and returns its descriptor.
     */
    public static Descriptor write(OciImageLayout layout, String name, int layers, long layerSize, long seed) {
        List<Descriptor> layerDescriptors = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            long layerSeed = seed * 1_000_003L + i;
            Digest digest = digest(new RandomStream(layerSeed, layerSize));
            layout.writeBlob(digest, new RandomStream(layerSeed, layerSize));
            layerDescriptors.add(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, digest, layerSize));
        }
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"seed\":\"" + seed
                + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}").getBytes(StandardCharsets.UTF_8);
        Digest configDigest = layout.writeBlob(config);
        StringBuilder manifest = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
                + "\",\"config\":" + json(Descriptor.of(MediaTypes.OCI_CONFIG, configDigest, config.length))
                + ",\"layers\":[");
        for (int i = 0; i < layerDescriptors.size(); i++) {
            manifest.append(i == 0 ? "" : ",").append(json(layerDescriptors.get(i)));
        }
        byte[] bytes = manifest.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        Descriptor descriptor = Descriptor.of(MediaTypes.OCI_MANIFEST, layout.writeBlob(bytes), bytes.length);
        layout.name(name, descriptor);
        return descriptor;
    }

    private static String json(Descriptor d) {
        return "{\"mediaType\":\"" + d.mediaType() + "\",\"digest\":\"" + d.digest() + "\",\"size\":" + d.size() + "}";
    }

    private static Digest digest(InputStream in) {
        try (DigestingInputStream digesting = new DigestingInputStream(in, DigestAlgorithm.SHA256)) {
            digesting.transferTo(OutputStream.nullOutputStream());
            return digesting.digest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code size} pseudo-random bytes from a seed, generated as they are read. */
    private static final class RandomStream extends InputStream {
        private final SplittableRandom random;
        private long left;
        private long word;
        private int wordBytes;

        RandomStream(long seed, long size) {
            this.random = new SplittableRandom(seed);
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                if (wordBytes == 0) {
                    word = random.nextLong();
                    wordBytes = 8;
                }
                buffer[offset + i] = (byte) word;
                word >>>= 8;
                wordBytes--;
            }
            left -= n;
            return n;
        }
    }
}
