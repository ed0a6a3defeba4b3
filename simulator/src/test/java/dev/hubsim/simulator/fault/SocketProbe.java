package dev.hubsim.simulator.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One GET over a plain socket that keeps whatever arrives and how the connection ended: an orderly end of stream,
 * or the exception the read failed with (a reset). For faults that break the HTTP exchange itself.
 */
record SocketProbe(byte[] received, IOException failure) {
    static SocketProbe get(URI base, String target) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException e) {
                return new SocketProbe(received.toByteArray(), e);
            }
            return new SocketProbe(received.toByteArray(), null);
        }
    }

    /** The status line and headers (empty when nothing arrived). */
    String head() {
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    /** What followed the headers. */
    int bodyLength() {
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? 0 : received.length - end - 4;
    }

    /** The value of a header in the head, or null. */
    String header(String name) {
        for (String line : head().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
