package dev.hubsim.core.registry;

import dev.hubsim.core.manifest.Platform;
import java.util.Objects;

/**
 * How to pull an image: which platform of an index, how many blobs at once, who hears the progress, and the name
 * the image gets in the layout's {@code index.json}. Start from {@link #defaults()}.
 *
 * @param platform    the platform to take from an index, or null for all of them (the index itself is then named)
 * @param concurrency blobs downloaded at once, 1 or more
 * @param listener    progress of the blobs; see {@link TransferListener} for the threads it is called on
 * @param name        the {@code org.opencontainers.image.ref.name} to give the image, or null for the reference's
 *                    tag (its digest when it has no tag)
 */
public record PullOptions(Platform platform, int concurrency, TransferListener listener, String name) {
    /** Blobs downloaded at once unless told otherwise. */
    public static final int DEFAULT_CONCURRENCY = 4;

    public PullOptions {
        checkConcurrency(concurrency);
        Objects.requireNonNull(listener, "listener");
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("the image name in the layout must not be blank");
        }
    }

    /** The platform this JVM runs on ({@link Platform#ofRuntime}), {@value #DEFAULT_CONCURRENCY} blobs at once. */
    public static PullOptions defaults() {
        return new PullOptions(Platform.ofRuntime(System.getProperty("os.name"), System.getProperty("os.arch")),
                DEFAULT_CONCURRENCY, TransferListener.NONE, null);
    }

    /** Takes this platform from an index. */
    public PullOptions withPlatform(Platform wanted) {
        return new PullOptions(Objects.requireNonNull(wanted, "platform"), concurrency, listener, name);
    }

    /** Takes every manifest of an index, and names the index. */
    public PullOptions withAllPlatforms() {
        return new PullOptions(null, concurrency, listener, name);
    }

    public PullOptions withConcurrency(int blobsAtOnce) {
        return new PullOptions(platform, blobsAtOnce, listener, name);
    }

    public PullOptions withListener(TransferListener progress) {
        return new PullOptions(platform, concurrency, progress, name);
    }

    /** The name of the image in the layout, e.g. {@code v1} for skopeo's {@code oci:DIR:v1}. */
    public PullOptions withName(String refName) {
        return new PullOptions(platform, concurrency, listener, Objects.requireNonNull(refName, "name"));
    }

    static void checkConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, got " + concurrency);
        }
    }
}
