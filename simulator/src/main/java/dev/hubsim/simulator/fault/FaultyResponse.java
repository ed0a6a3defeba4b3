package dev.hubsim.simulator.fault;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The response a route writes to when a body fault fired: its body goes through {@link FaultyBody}. */
final class FaultyResponse extends HttpServletResponseWrapper {
    private final FaultAction action;
    private final FaultyBody.Cutter cutter;
    private FaultyBody body;
    private PrintWriter writer;

    FaultyResponse(HttpServletResponse response, FaultAction action, FaultyBody.Cutter cutter) {
        super(response);
        this.action = action;
        this.cutter = cutter;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return body();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body(), Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (body == null) {
            super.flushBuffer();
        } else {
            body.flush();
        }
    }

    /** Called once the route is done. */
    void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        body().finish();
    }

    private FaultyBody body() throws IOException {
        if (body == null) {
            String length = getHeader("Content-Length");
            body = new FaultyBody(super.getOutputStream(), action, length == null ? -1 : Long.parseLong(length), cutter);
        }
        return body;
    }
}
