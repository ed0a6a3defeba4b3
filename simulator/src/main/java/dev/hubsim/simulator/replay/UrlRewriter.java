package dev.hubsim.simulator.replay;

import dev.hubsim.core.auth.AuthChallenge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points the URLs a response hands to the client back at hubsim, so the client's next request (an upload's
 * {@code Location}, the token {@code realm} of a {@code WWW-Authenticate} challenge, a {@code Link} to the next page)
 * comes through it too: the origin of each URL it applies to is replaced by the origin the client used to reach
 * hubsim; path and query are kept. Other headers and relative URLs are left as they are.
 */
final class UrlRewriter {
    private static final Pattern LINK_TARGET = Pattern.compile("<([^>]*)>");

    private final Predicate<URI> applies;

    private UrlRewriter(Predicate<URI> applies) {
        this.applies = applies;
    }

    /** Rewrites URLs on the upstreams' origins (record and spy: the rest of the web stays where it is). */
    static UrlRewriter onOrigins(Upstreams upstreams) {
        return new UrlRewriter(upstreams::holds);
    }

    /** Rewrites every absolute URL (replay: without network, only hubsim can answer). */
    static UrlRewriter allAbsolute() {
        return new UrlRewriter(url -> url.getScheme() != null && url.getHost() != null);
    }

    /**
     * The value of a response header as the client should see it.
     *
     * @param name  the header name, any case
     * @param value the value as the upstream or the recording has it
     * @param base  the origin the client reached hubsim at, e.g. {@code http://127.0.0.1:5000}
     */
    String rewrite(String name, String value, String base) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "location", "content-location" -> url(value, base);
            case "www-authenticate" -> realm(value, base);
            case "link" -> links(value, base);
            default -> value;
        };
    }

    private String url(String value, String base) {
        URI url;
        try {
            url = new URI(value.trim());
        } catch (URISyntaxException e) {
            return value;
        }
        if (!applies.test(url)) {
            return value;
        }
        return base + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                + (url.getRawFragment() == null ? "" : "#" + url.getRawFragment());
    }

    /** Replaces each challenge's quoted realm; a header that is not a valid challenge list is left alone. */
    private String realm(String value, String base) {
        String rewritten = value;
        try {
            for (AuthChallenge challenge : AuthChallenge.parseAll(value)) {
                String realm = challenge.parameter("realm").orElse(null);
                if (realm != null) {
                    String target = url(realm, base);
                    rewritten = rewritten.replace("\"" + realm + "\"", "\"" + target + "\"");
                }
            }
        } catch (RuntimeException malformed) {
            return value;
        }
        return rewritten;
    }

    /** RFC 8288: each target is between angle brackets. */
    private String links(String value, String base) {
        Matcher targets = LINK_TARGET.matcher(value);
        StringBuilder rewritten = new StringBuilder();
        while (targets.find()) {
            targets.appendReplacement(rewritten, Matcher.quoteReplacement("<" + url(targets.group(1), base) + ">"));
        }
        return targets.appendTail(rewritten).toString();
    }
}
