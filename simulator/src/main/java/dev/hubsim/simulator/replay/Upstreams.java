package dev.hubsim.simulator.replay;

import dev.hubsim.simulator.fault.Operation;
import dev.hubsim.simulator.fault.RequestTarget;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The live services a recording proxy forwards to, each an origin ({@code http(s)://host[:port]}): the registry, the
 * token service (auth) and the Hub API; any may be left out, at least one is given. A request goes to the upstream
 * of its kind (Hub API paths to the hub, paths outside {@code /v2/} such as {@code /token} to auth, the rest to the
 * registry) or, when that one is not given, to the first given of registry, hub, auth. The proxy keeps paths as they
 * are: only the origin changes.
 *
 * @param registry the registry, e.g. {@code https://registry-1.docker.io}; null when not proxied
 * @param auth     the token service, e.g. {@code https://auth.docker.io}; null when not proxied
 * @param hub      the Hub API, e.g. {@code https://hub.docker.com}; null when not proxied
 */
public record Upstreams(URI registry, URI auth, URI hub) {

    public Upstreams {
        registry = origin("registry", registry);
        auth = origin("auth", auth);
        hub = origin("hub", hub);
        if (registry == null && auth == null && hub == null) {
            throw new IllegalArgumentException("give at least one upstream: registry, auth or hub");
        }
    }

    /** Upstreams from URL strings, any of them null. */
    public static Upstreams of(String registry, String auth, String hub) {
        return new Upstreams(uri("registry", registry), uri("auth", auth), uri("hub", hub));
    }

    /** Only a registry (whose token realm, if any, is then reached through the registry's origin). */
    public static Upstreams registry(String registry) {
        return of(registry, null, null);
    }

    /** These upstreams with the token service at {@code auth}. */
    public Upstreams withAuth(String auth) {
        return new Upstreams(registry, uri("auth", auth), hub);
    }

    /** These upstreams with the Hub API at {@code hub}. */
    public Upstreams withHub(String hub) {
        return new Upstreams(registry, auth, uri("hub", hub));
    }

    /** The origin a request with this method and raw path is forwarded to. */
    public URI forRequest(String method, String path) {
        RequestTarget target = RequestTarget.of(method, path);
        URI preferred = target.operation() == Operation.HUB_API ? hub
                : path.equals("/v2") || path.startsWith("/v2/") ? registry : auth;
        return preferred != null ? preferred
                : Stream.of(registry, hub, auth).filter(Objects::nonNull).findFirst().orElseThrow();
    }

    /** True when {@code url} is absolute and on the origin of one of these upstreams. */
    public boolean holds(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            return false;
        }
        URI origin = originOf(url);
        return Stream.of(registry, auth, hub).anyMatch(origin::equals);
    }

    /** E.g. {@code registry http://127.0.0.1:5000, auth https://auth.docker.io}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (registry != null) {
            parts.add("registry " + registry);
        }
        if (auth != null) {
            parts.add("auth " + auth);
        }
        if (hub != null) {
            parts.add("hub " + hub);
        }
        return String.join(", ", parts);
    }

    /** {@code scheme://host[:port]} of an absolute URL, lowercase, default ports left out. */
    static URI originOf(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        try {
            return new URI(scheme, null, url.getHost().toLowerCase(Locale.ROOT), defaultPort ? -1 : port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' has no usable origin", e);
        }
    }

    private static URI origin(String name, URI url) {
        if (url == null) {
            return null;
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the " + name + " upstream URL holds credentials; give the origin only "
                    + "(clients send their own credentials through the proxy)");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("the " + name + " upstream '" + url + "' is not an http(s) URL with a host");
        }
        boolean bare = (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"))
                && url.getRawQuery() == null && url.getRawFragment() == null;
        if (!bare) {
            throw new IllegalArgumentException("the " + name + " upstream '" + url + "' must be an origin such as "
                    + "https://host:port, without path or query: the proxy keeps paths as they are");
        }
        return originOf(url);
    }

    private static URI uri(String name, String url) {
        if (url == null) {
            return null;
        }
        try {
            return new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the " + name + " upstream '" + url + "' is not a URL: " + e.getReason());
        }
    }
}
