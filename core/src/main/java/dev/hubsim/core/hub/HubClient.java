package dev.hubsim.core.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.config.Endpoints;
import java.net.URI;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Hub API ({@code hub.docker.com/v2/...}): repositories, tags, personal access tokens and vulnerability data.
 * With a {@link HubLogin} every request carries a Hub token, obtained on first use and renewed before it expires (by
 * the client's clock) or when the Hub refuses it, one sign-in for any number of concurrent calls; without one the
 * client is anonymous and sees public repositories. Thread-safe.
 * <pre>{@code
 * HubClient hub = client.hub();
 * hub.repositories().create(NewRepository.of("alice", "app").asPrivate());
 * hub.tags().list("alice", "app").stream().map(HubTag::name).forEach(System.out::println);
 * }</pre>
 */
public final class HubClient {
    private final OkHttpClient http;
    private final HubLogin login;
    private final HubSession session;
    private final HubRepositories repositories;
    private final HubTags tags;
    private final AccessTokens accessTokens;
    private final HubsimVulnerabilities vulnerabilities;

    /**
     * @param http  the client's HTTP client (timeouts and connection pool); the Hub's auth is added here
     * @param login how to sign in, or null for anonymous access
     * @param clock decides when the token is old enough to renew
     */
    public HubClient(OkHttpClient http, URI hubUrl, ObjectMapper json, HubLogin login, Clock clock) {
        HttpUrl base = HttpUrl.get(Endpoints.require("hubUrl", hubUrl.toString()).toString());
        this.http = http;
        this.login = login;
        this.session = login == null ? null
                : new HubSession(new HubSignIn(http, base, json, login)::signIn, clock);
        OkHttpClient hubHttp = session == null ? http
                : http.newBuilder().addInterceptor(new HubAuthInterceptor(session, base)).build();
        HubCaller caller = new HubCaller(hubHttp, base, json);
        this.repositories = new HubRepositories(caller);
        this.tags = new HubTags(caller);
        this.accessTokens = new AccessTokens(caller);
        this.vulnerabilities = new HubsimVulnerabilities(new HubCaller(http, base, json));
    }

    public HubRepositories repositories() {
        return repositories;
    }

    public HubTags tags() {
        return tags;
    }

    /** The signed-in user's personal access tokens (needs a login with the password). */
    public AccessTokens accessTokens() {
        return accessTokens;
    }

    /** Scan results from the simulator's own JSON endpoint (not a Docker Hub API). */
    public HubsimVulnerabilities hubsimVulnerabilities() {
        return vulnerabilities;
    }

    /**
     * Docker Scout's metrics exporter at {@code scoutUrl} ({@link ScoutExporter#DOCKER_SCOUT_URL}, or the simulator's
     * base URL), authenticated with the login's secret, which must be a personal access token of an organisation owner.
     */
    public ScoutExporter scoutExporter(String scoutUrl) {
        URI base = Endpoints.require("scoutUrl", scoutUrl);
        return new ScoutExporter(http, HttpUrl.get(base.toString()), login == null ? null : login.secret());
    }

    /** Where the Hub session stands: {@link HubTokenState#SIGNED_OUT} until the first request, and when anonymous. */
    public HubTokenState sessionState() {
        return session == null ? HubTokenState.SIGNED_OUT : session.state();
    }
}
