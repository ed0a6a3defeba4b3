package dev.hubsim.simulator.fault;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Applies the {@link Faults} to every request outside the admin API, in front of every route (a servlet filter, so
 * routes added later are covered too). The id of the rule that fired is left in the request attribute
 * {@value #APPLIED} for the journal.
 */
public final class FaultFilter implements Filter {
    /** The request attribute naming the fault rule applied to the request. */
    public static final String APPLIED = "hubsim.fault";

    private final Faults faults;

    public FaultFilter(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String path = request.getRequestURI();
        Optional<Faults.Firing> firing = RequestTarget.isAdmin(path) ? Optional.empty()
                : faults.decide(RequestTarget.of(request.getMethod(), path));
        if (firing.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(APPLIED, firing.get().ruleId());
        FaultAction action = firing.get().action();
        if (action instanceof FaultAction.Respond respond) {
            respond(response, respond);
            return;
        }
        if (action instanceof FaultAction.Latency latency) {
            pause(latency);
            chain.doFilter(request, response);
            return;
        }
        FaultyResponse faulty = new FaultyResponse(response, action, reset -> Connections.cut(request, reset));
        try {
            chain.doFilter(request, faulty);
        } finally {
            faulty.finish();
        }
    }

    private static void respond(HttpServletResponse response, FaultAction.Respond respond) throws IOException {
        response.setStatus(respond.status());
        response.setHeader("Docker-Distribution-API-Version", "registry/2.0");
        response.setContentType("application/json");
        if (respond.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(respond.retryAfter().toSeconds()));
        }
        byte[] body = errors(respond).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The registry's {@code {"errors":[{"code","message","detail"}]}} body. */
    private static String errors(FaultAction.Respond respond) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("code", respond.code().name())
                .put("message", respond.message());
        entry.putNull("detail");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("errors").add(entry);
        return body.toString();
    }

    private static void pause(FaultAction.Latency latency) throws IOException {
        try {
            Thread.sleep(latency.delay().toMillis(), latency.delay().toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during an injected latency", e);
        }
    }
}
