package dev.hubsim.simulator.replay;

import dev.hubsim.recordings.Body;
import dev.hubsim.recordings.RecordedResponse;
import dev.hubsim.recordings.StoredRecording;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;

/** Answers a request with a recorded response: its status, its headers (URLs pointed at hubsim) and its body, streamed. */
final class RecordedAnswer {
    private static final UrlRewriter REWRITER = UrlRewriter.allAbsolute();

    private RecordedAnswer() {
    }

    static void write(StoredRecording recording, RecordedResponse recorded, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        ResponseHead.write(response, recorded.status(), recorded.headers(), REWRITER, IncomingRequest.base(request));
        Body body = recorded.body();
        if (body == null) {
            // a HEAD answer keeps the length of the body it did not send
            String length = recorded.header("content-length");
            response.setHeader("Content-Length", length == null ? "0" : length);
            return;
        }
        if (!body.isInline()) {
            // a small body is buffered whole and answered when the request is done, after the journal has it (as the
            // mock's answers are); a blob streams with its length declared
            response.setContentLengthLong(body.size());
        }
        if (!request.getMethod().equals("HEAD")) {
            try (InputStream in = recording.openBody(body)) {
                in.transferTo(response.getOutputStream());
            }
        }
    }
}
