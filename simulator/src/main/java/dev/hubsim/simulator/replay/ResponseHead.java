package dev.hubsim.simulator.replay;

import jakarta.servlet.http.HttpServletResponse;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the status and headers of a forwarded or recorded answer to the client: URLs rewritten to point at hubsim,
 * hop-by-hop headers and {@code Content-Length} left out (the caller sets the length from the body it sends).
 */
final class ResponseHead {
    private ResponseHead() {
    }

    static void write(HttpServletResponse response, int status, Map<String, List<String>> headers,
                      UrlRewriter rewriter, String base) {
        response.setStatus(status);
        // neither Javalin's default content type nor the registry's API version header stands in for a missing one
        response.setContentType(null);
        response.setHeader("Docker-Distribution-API-Version", null);
        headers.forEach((name, values) -> {
            if (Forwarder.HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith(":")) {
                return;
            }
            for (int i = 0; i < values.size(); i++) {
                String value = rewriter.rewrite(name, values.get(i), base);
                if (i == 0) {
                    response.setHeader(name, value);
                } else {
                    response.addHeader(name, value);
                }
            }
        });
    }
}
