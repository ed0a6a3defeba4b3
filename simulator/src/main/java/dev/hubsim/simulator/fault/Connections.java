package dev.hubsim.simulator.fault;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;

/** Ends a request's connection under Jetty: closed (the client reads an early end of stream) or reset (TCP RST). */
public final class Connections {
    private Connections() {
    }

    /** Closes the connection; with {@code reset} the close discards unsent data and sends RST instead of FIN. */
    public static void cut(HttpServletRequest request, boolean reset) {
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(request).getConnectionMetaData()
                .getConnection().getEndPoint();
        if (reset && endPoint.getTransport() instanceof NetworkChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | UnsupportedOperationException e) {
                // the connection is closed anyway, with FIN instead of RST
            }
        }
        endPoint.close();
    }
}
