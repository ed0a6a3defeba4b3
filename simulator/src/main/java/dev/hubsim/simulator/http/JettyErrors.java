package dev.hubsim.simulator.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors that Jetty answers before a request reaches the routes (a malformed request line, headers too large, an
 * ambiguous path) in the registry's shape: the {@code Docker-Distribution-API-Version} header and a JSON errors
 * envelope instead of an HTML page.
 */
public final class JettyErrors extends ErrorHandler {
    private static final String API_VERSION = "Docker-Distribution-API-Version";

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(API_VERSION, "registry/2.0");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, envelope(status, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(API_VERSION, "registry/2.0");
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return envelope(status, reason);
    }

    private static ByteBuffer envelope(int status, String message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", "UNSUPPORTED");
        entry.put("message", message == null ? "HTTP " + status : message);
        return ByteBuffer.wrap(Json.bytes(Map.of("errors", List.of(entry))));
    }
}
