package dev.hubsim.simulator.mirror;

import java.io.IOException;
import java.io.OutputStream;

/** The client's side of a blob the mirror streams from upstream. */
public interface BlobResponse {
    /** The upstream has the blob: send the status and headers, and give the stream for the body. */
    OutputStream start() throws IOException;

    /**
     * The transfer broke, or the bytes do not have the digest, after {@link #start()}: end the response so that the
     * client cannot take what it received for the whole blob (cut the connection).
     */
    void abort();
}
