package dev.hubsim.simulator.journal;

import dev.hubsim.simulator.fault.FaultFilter;
import dev.hubsim.simulator.fault.RequestTarget;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Records every request outside the admin API in the {@link Journal} once it has been answered, faults included (it
 * sits in front of the {@link FaultFilter}). The principal is the request attribute {@value #PRINCIPAL}, which routes
 * set once they know who is calling (the token's subject), else the user name of HTTP Basic credentials.
 */
public final class JournalFilter implements Filter {
    /** The request attribute naming who made the request; never a secret. */
    public static final String PRINCIPAL = "hubsim.principal";

    private final Journal journal;
    private final Clock clock;

    public JournalFilter(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        String path = request.getRequestURI();
        if (RequestTarget.isAdmin(path)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        Instant time = clock.instant();
        long started = System.nanoTime();
        journal.begin();
        try {
            chain.doFilter(servletRequest, servletResponse);
        } finally {
            RequestTarget target = RequestTarget.of(request.getMethod(), path);
            journal.record(new JournalEntry(time, target.method(), path, SafeQuery.of(request.getQueryString()),
                    ((HttpServletResponse) servletResponse).getStatus(), Duration.ofNanos(System.nanoTime() - started),
                    principal(request), target.operation(), target.repository(),
                    (String) request.getAttribute(FaultFilter.APPLIED)));
        }
    }

    private static String principal(HttpServletRequest request) {
        if (request.getAttribute(PRINCIPAL) instanceof String principal && !principal.isEmpty()) {
            return principal;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, colon) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
