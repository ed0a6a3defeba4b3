package dev.hubsim.core.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.error.InsufficientScopeException;
import dev.hubsim.core.error.ProtocolViolationException;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Registry auth as the distribution token spec describes it. Once a registry has challenged with
 * {@code Bearer realm=...,service=...}, every request tagged with {@link RequiredAccess} is sent with a cached token
 * for its scopes (fetched first when missing or about to expire). A 401 answers with a fresh token for the scopes of
 * the challenge and the request, at most {@value #MAX_TOKEN_ROUNDS} times; a {@code Basic} challenge is answered with
 * the credentials. {@code error="insufficient_scope"} to a fresh token is an {@link InsufficientScopeException}.
 * A 401 that stays is returned to the caller, which reports it.
 */
public final class RegistryAuthInterceptor implements Interceptor {
    private static final int MAX_TOKEN_ROUNDS = 2;
    private static final RequiredAccess UNTAGGED = new RequiredAccess("call the registry", "", List.of());

    private final TokenFetcher fetcher;
    private final TokenCache cache;
    private final Credentials credentials;
    /** The last challenge seen per registry origin (scheme://host:port). */
    private final ConcurrentMap<String, AuthChallenge> challenges = new ConcurrentHashMap<>();

    private RegistryAuthInterceptor(TokenFetcher fetcher, TokenCache cache, Credentials credentials) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.credentials = credentials;
    }

    /**
     * @param tokenHttp   the client for token requests (without this interceptor)
     * @param credentials the account, or null for anonymous access
     * @param clock       the client's clock, which decides when a cached token is refreshed
     */
    public static RegistryAuthInterceptor create(OkHttpClient tokenHttp, ObjectMapper json, Credentials credentials,
                                                 Clock clock) {
        return new RegistryAuthInterceptor(new TokenFetcher(tokenHttp, json, credentials, clock), new TokenCache(clock),
                credentials);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header("Authorization") != null) {
            return chain.proceed(request);
        }
        RequiredAccess access = Optional.ofNullable(request.tag(RequiredAccess.class)).orElse(UNTAGGED);
        String origin = request.url().scheme() + "://" + request.url().host() + ":" + request.url().port();
        Authorization sent = ahead(challenges.get(origin), access);
        Response response = chain.proceed(sent.apply(request));
        for (int round = 0; response.code() == 401 && round < MAX_TOKEN_ROUNDS; round++) {
            Optional<AuthChallenge> challenge = challenge(response, access);
            if (challenge.isEmpty()) {
                return response;
            }
            AuthChallenge c = challenge.get();
            if (c.is("Bearer") && sent.fresh() && sent.covers(c) && "insufficient_scope".equals(c.parameter("error").orElse(""))) {
                response.close();
                throw new InsufficientScopeException(access.operation(), access.target(), c.parameter("scope")
                        .orElse(String.join(" ", access.scopes())));
            }
            Authorization next = answer(c, access, sent);
            if (next == null) {
                return response;
            }
            challenges.put(origin, c);
            response.close();
            sent = next;
            response = chain.proceed(sent.apply(request));
        }
        return response;
    }

    /** What to send before any challenge: a cached (or refreshed) token once the realm is known, Basic, or nothing. */
    private Authorization ahead(AuthChallenge known, RequiredAccess access) {
        if (known == null || access.scopes().isEmpty() && !known.is("Basic")) {
            return Authorization.NONE;
        }
        if (known.is("Basic")) {
            return credentials == null ? Authorization.NONE : new Authorization(credentials.basicAuthorization(), null, null, false);
        }
        TokenKey key = TokenKey.of(known.parameter("realm").orElseThrow(), known.parameter("service").orElse(null), access.scopes());
        return cache.fresh(key).map(token -> Authorization.bearer(key, token, false)).orElseGet(() -> fetch(key, access));
    }

    /** The answer to a challenge, or null when there is none to give. */
    private Authorization answer(AuthChallenge challenge, RequiredAccess access, Authorization sent) {
        if (challenge.is("Basic")) {
            boolean alreadySent = sent.header() != null && sent.key() == null;
            return credentials == null || alreadySent ? null : new Authorization(credentials.basicAuthorization(), null, null, false);
        }
        if (!challenge.is("Bearer")) {
            return null;
        }
        String realm = challenge.parameter("realm").orElseThrow(() -> new ProtocolViolationException(
                access.operation(), access.target(), 401, "the Bearer challenge has no realm"));
        Set<String> scopes = new LinkedHashSet<>(access.scopes());
        challenge.parameter("scope").ifPresent(s -> scopes.addAll(List.of(s.trim().split(" +"))));
        scopes.remove("");
        TokenKey key = TokenKey.of(realm, challenge.parameter("service").orElse(null), scopes);
        if (sent.key() != null) {
            cache.evict(sent.key(), sent.token());
        }
        return fetch(key, access);
    }

    private Authorization fetch(TokenKey key, RequiredAccess access) {
        RegistryToken token = fetcher.fetch(key, access);
        cache.put(key, token);
        return Authorization.bearer(key, token, true);
    }

    /** The Bearer challenge if there is one, else the Basic one, else any; empty without a header. */
    private static Optional<AuthChallenge> challenge(Response response, RequiredAccess access) {
        List<String> headers = response.headers("WWW-Authenticate");
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        List<AuthChallenge> all;
        try {
            all = headers.stream().flatMap(h -> AuthChallenge.parseAll(h).stream()).toList();
        } catch (IllegalArgumentException e) {
            response.close();
            throw new ProtocolViolationException(access.operation(), access.target(), 401, e.getMessage());
        }
        return all.stream().filter(c -> c.is("Bearer")).findFirst()
                .or(() -> all.stream().filter(c -> c.is("Basic")).findFirst())
                .or(() -> all.stream().findFirst());
    }

    /** The Authorization header sent with one attempt, and the cached token it came from (if a token). */
    private record Authorization(String header, TokenKey key, RegistryToken token, boolean fresh) {
        static final Authorization NONE = new Authorization(null, null, null, false);

        static Authorization bearer(TokenKey key, RegistryToken token, boolean fresh) {
            return new Authorization("Bearer " + token.token().reveal(), key, token, fresh);
        }

        /** True when the token was asked for every scope the challenge names. */
        boolean covers(AuthChallenge challenge) {
            Set<String> asked = Set.of(key.scope().split(" "));
            return challenge.parameter("scope").map(s -> asked.containsAll(List.of(s.trim().split(" +")))).orElse(true);
        }

        Request apply(Request request) {
            return header == null ? request : request.newBuilder().header("Authorization", header).build();
        }

        @Override
        public String toString() {
            return "Authorization[" + (header == null ? "none" : header.substring(0, header.indexOf(' ')) + " ****") + "]";
        }
    }
}
