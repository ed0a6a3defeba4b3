package dev.hubsim.junit;

import java.nio.file.Path;

/**
 * Added to the failure of a test under RECORD or SPY, so the failure output says where the recording is: it is written
 * as requests come, so it holds every interaction up to the failure and stays readable.
 */
final class KeptRecording extends Exception {
    private static final long serialVersionUID = 1L;

    KeptRecording(Path recording) {
        super("hubsim kept the recording written so far in " + recording.toAbsolutePath(), null, false, false);
    }
}
