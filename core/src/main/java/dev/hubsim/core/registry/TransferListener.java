package dev.hubsim.core.registry;

/**
 * Receives the progress of an image pull or push, blob by blob (configs and layers; manifests are small and not
 * reported).
 *
 * <p><b>Threading:</b> blobs move in parallel, so {@link #onProgress} is called from the transfer's worker threads,
 * never from the caller's. Calls are serialised (never two at once for one transfer) and totals never go down from
 * one call to the next, so a listener needs no locking of its own for one transfer; one listener shared by several
 * transfers at once must be thread-safe. The listener runs inside the transfer: keep it quick (a slow listener slows
 * every worker), and an exception it throws fails the transfer.
 */
@FunctionalInterface
public interface TransferListener {
    /** A listener that ignores everything. */
    TransferListener NONE = event -> { };

    void onProgress(TransferEvent event);
}
