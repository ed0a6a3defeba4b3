package dev.hubsim.simulator.replay;

import dev.hubsim.recordings.Body;
import dev.hubsim.recordings.BodyCapture;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body on its way upstream, copied into the recording as it is read (by the HTTP client's thread). The
 * copy is kept only when the body was read to its end; an upstream that answered without reading it all leaves no
 * request body in the recording rather than a truncated one.
 */
final class RequestBodyTee extends InputStream {
    private final InputStream in;
    // guarded by this; null once finished
    private BodyCapture capture;
    private boolean ended;

    RequestBodyTee(InputStream in, BodyCapture capture) {
        this.in = in;
        this.capture = capture;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = in.read(bytes, offset, length);
        synchronized (this) {
            if (n < 0) {
                ended = true;
            } else if (capture != null) {
                capture.write(bytes, offset, n);
            }
        }
        return n;
    }

    /** Stops copying; the body as recorded, or null when there was none or it was not read to its end. */
    synchronized Body finish() throws IOException {
        BodyCapture finished = capture;
        capture = null;
        if (finished == null) {
            return null;
        }
        if (!ended) {
            finished.discard();
            return null;
        }
        finished.close();
        return finished.body();
    }
}
