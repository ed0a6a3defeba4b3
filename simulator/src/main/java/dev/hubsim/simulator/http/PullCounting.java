package dev.hubsim.simulator.http;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.auth.TokenService.VerifiedToken;
import dev.hubsim.simulator.ratelimit.PullRateLimiter;
import dev.hubsim.simulator.ratelimit.PullRateLimiter.Decision;
import dev.hubsim.simulator.registry.RegistryException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.EndpointMetadata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Docker Hub's pull rate limit at the manifest routes: a GET counts, a HEAD only shows the quota; anonymous clients
 * are counted per IP (an IPv6 client per /64), authenticated ones per account; accounts on a paid plan are not
 * limited and get no headers. Over the limit: 429 {@code TOOMANYREQUESTS} with {@code Retry-After}.
 */
final class PullCounting {
    /** Marks the routes whose requests are pulls. */
    enum Counted implements EndpointMetadata {
        PULL
    }

    private final PullRateLimiter limiter;
    private final Accounts accounts;

    PullCounting(PullRateLimiter limiter, Accounts accounts) {
        this.limiter = limiter;
        this.accounts = accounts;
    }

    void check(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint().metadata(Counted.class) == null) {
            return;
        }
        String account = AccessControl.token(ctx).map(VerifiedToken::subject).filter(s -> !s.isEmpty()).orElse(null);
        if (account != null && accounts.plan(account).isUnlimited()) {
            return;
        }
        boolean authenticated = account != null;
        String source = authenticated ? accounts.idOf(account) : sourceAddress(ctx.ip());
        Optional<Decision> decision = limiter.check(authenticated, source, ctx.method() == HandlerType.GET);
        if (decision.isEmpty()) {
            return;
        }
        Map<String, String> headers = headers(decision.get());
        headers.forEach(ctx::header);
        if (!decision.get().allowed()) {
            RegistryException refusal = RegistryException.of(RegistryErrorCode.TOOMANYREQUESTS, message(authenticated))
                    .withHeader("Retry-After", Long.toString(Math.max(1, decision.get().retryAfter().toSeconds()
                            + (decision.get().retryAfter().toNanosPart() > 0 ? 1 : 0))));
            for (Map.Entry<String, String> header : headers.entrySet()) {
                refusal = refusal.withHeader(header.getKey(), header.getValue());
            }
            throw refusal;
        }
    }

    private static Map<String, String> headers(Decision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ratelimit-limit", decision.limit().header(decision.limit().count()));
        headers.put("ratelimit-remaining", decision.limit().header(decision.remaining()));
        headers.put("docker-ratelimit-source", decision.source());
        return headers;
    }

    /** Docker Hub's messages (the anonymous one as seen in 2025, the authenticated one as documented). */
    private static String message(boolean authenticated) {
        return authenticated
                ? "You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: "
                        + "https://www.docker.com/increase-rate-limit"
                : "You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit";
    }

    /** The client's IPv4 address, or the /64 prefix of an IPv6 one, as Docker Hub reports it. */
    static String sourceAddress(String ip) {
        if (!ip.contains(":")) {
            return ip;
        }
        String[] groups = ip.replace("[", "").replace("]", "").split(":", -1);
        if (groups.length < 8) {
            return ip;
        }
        return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::";
    }
}
