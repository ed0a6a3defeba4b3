package dev.hubsim.core.registry;

import dev.hubsim.core.reference.Digest;

/**
 * One step of an image transfer: what happened to one blob, and where the whole transfer stands. The total counts
 * every blob of the image: those moved, and those that needed no moving (already there, or mounted), in full.
 *
 * @param blob        the blob's digest
 * @param kind        what happened
 * @param blobBytes   bytes of this blob done so far
 * @param blobSize    the blob's size
 * @param totalBytes  bytes of all blobs done so far
 * @param totalSize   the size of all blobs of the transfer
 */
public record TransferEvent(Digest blob, Kind kind, long blobBytes, long blobSize, long totalBytes, long totalSize) {

    /** What happened to the blob. */
    public enum Kind {
        /** The transfer of the blob began ({@code blobBytes} is 0). */
        STARTED,
        /** More bytes of the blob went through. */
        PROGRESS,
        /** The blob is complete (and verified, when pulled). */
        COMPLETED,
        /** The destination had the blob already: nothing was moved. */
        SKIPPED,
        /** The registry linked the blob from another repository: nothing was moved. */
        MOUNTED
    }
}
