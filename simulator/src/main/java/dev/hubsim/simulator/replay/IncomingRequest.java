package dev.hubsim.simulator.replay;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.recordings.QueryParameter;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.simulator.registry.RegistryException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request reaching hubsim in record, replay or spy mode, seen as the recording model sees requests. */
final class IncomingRequest {
    private IncomingRequest() {
    }

    /** Method, raw path, decoded query and every header; no body (bodies are streamed separately). */
    static RecordedRequest of(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Iterator<String> names = request.getHeaderNames().asIterator(); names.hasNext(); ) {
            String name = names.next();
            List<String> values = Collections.list(request.getHeaders(name));
            if (!values.isEmpty()) {
                headers.put(name, values);
            }
        }
        List<QueryParameter> query;
        try {
            query = QueryParameter.parse(request.getQueryString());
        } catch (IllegalArgumentException e) {
            throw RegistryException.of(RegistryErrorCode.UNSUPPORTED, "the query string is not valid percent-encoding: "
                    + e.getMessage()).withStatus(400);
        }
        return RecordedRequest.of(request.getMethod(), request.getRequestURI(), query, headers);
    }

    /** The origin the client used to reach hubsim, e.g. {@code http://127.0.0.1:5000}, from its {@code Host}. */
    static String base(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            String address = request.getLocalAddr();
            host = (address.contains(":") ? "[" + address + "]" : address) + ":" + request.getLocalPort();
        }
        return request.getScheme() + "://" + host.trim();
    }
}
