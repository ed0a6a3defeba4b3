package dev.hubsim.core.registry;

import dev.hubsim.core.reference.ImageReference;
import java.util.Objects;

/**
 * How to push an image: how many blobs at once, who hears the progress, and a repository of the same registry to
 * mount missing blobs from. Start from {@link #defaults()}.
 *
 * @param concurrency   blobs checked and uploaded at once, 1 or more
 * @param listener      progress of the blobs; see {@link TransferListener} for the threads it is called on
 * @param mountFrom     a repository that may hold the blobs (e.g. the one the image was pulled from), or null
 */
public record PushOptions(int concurrency, TransferListener listener, String mountFrom) {

    public PushOptions {
        PullOptions.checkConcurrency(concurrency);
        Objects.requireNonNull(listener, "listener");
        if (mountFrom != null && !ImageReference.isValidRepositoryName(mountFrom)) {
            throw new IllegalArgumentException("cannot mount from '" + mountFrom + "': not a repository name");
        }
    }

    /** {@value PullOptions#DEFAULT_CONCURRENCY} blobs at once, no listener, no mounts. */
    public static PushOptions defaults() {
        return new PushOptions(PullOptions.DEFAULT_CONCURRENCY, TransferListener.NONE, null);
    }

    public PushOptions withConcurrency(int blobsAtOnce) {
        return new PushOptions(blobsAtOnce, listener, mountFrom);
    }

    public PushOptions withListener(TransferListener progress) {
        return new PushOptions(concurrency, progress, mountFrom);
    }

    /** Blobs the target lacks are mounted from this repository (uploaded when the registry cannot mount them). */
    public PushOptions withMountFrom(String repository) {
        return new PushOptions(concurrency, listener, Objects.requireNonNull(repository, "repository"));
    }
}
