package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.SimulatorServices;
import dev.hubsim.simulator.ratelimit.HubApiRateLimiter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * The Hub API ({@code hub.docker.com/v2/...}) on the simulator's one port, over the same state as the registry:
 * sign-in, personal access tokens, repositories and tags. Every answer carries Docker Hub's
 * {@code X-RateLimit-Limit/Remaining/Reset} headers; past the limit it is 429 with {@code Retry-After} (and the
 * older {@code X-Retry-After} timestamp, reference §5.3).
 *
 * <p>Register it before the registry routes: where a path fits both faces, the Hub API wins. Docker Hub's
 * repositories have exactly two components ({@code ns/repo}), so a registry repository named
 * {@code repositories/ns/repo} or {@code namespaces/ns/repositories} cannot exist there, while a Hub repository
 * named {@code manifests} or a tag named {@code list} can; so {@code /v2/repositories/ns/repo/tags/list} is the Hub's
 * tag {@code list}, not the registry's tag listing of {@code repositories/ns/repo}.
 */
public final class HubApi {
    private static final String NAMESPACES = "/v2/namespaces/{namespace}/repositories";
    private static final String LEGACY = "/v2/repositories/{namespace}";

    private final HubApiRateLimiter limiter;
    private final AuthRoutes auth;
    private final AccessTokenRoutes accessTokens;
    private final RepositoryRoutes repositories;
    private final TagRoutes tags;

    public HubApi(SimulatorServices services) {
        this.limiter = services.hubApiLimiter();
        HubTokens tokens = new HubTokens(services.clock());
        HubAuthentication authentication = new HubAuthentication(tokens);
        RepositoryAccess access = new RepositoryAccess(services.registry(), services.accounts());
        HubViews views = new HubViews(new TagImages(services.registry()));
        this.auth = new AuthRoutes(services.accounts(), tokens, services.refreshTokens(), services.clock());
        this.accessTokens = new AccessTokenRoutes(services.accounts(), authentication, services.clock());
        this.repositories = new RepositoryRoutes(services.registry(), services.accounts(), authentication, access, views);
        this.tags = new TagRoutes(services.registry(), authentication, access, views);
    }

    /** Adds the Hub API's routes and its error mapping. */
    public void register(RoutesConfig routes) {
        add(routes, HandlerType.POST, "/v2/users/login", auth::login);
        add(routes, HandlerType.POST, "/v2/users/2fa-login", auth::secondFactorLogin);
        add(routes, HandlerType.POST, "/v2/auth/token", auth::accessToken);

        add(routes, HandlerType.POST, "/v2/access-tokens", accessTokens::create);
        add(routes, HandlerType.GET, "/v2/access-tokens", accessTokens::list);
        add(routes, HandlerType.GET, "/v2/access-tokens/{uuid}", accessTokens::get);
        add(routes, HandlerType.PATCH, "/v2/access-tokens/{uuid}", accessTokens::patch);
        add(routes, HandlerType.DELETE, "/v2/access-tokens/{uuid}", accessTokens::delete);

        add(routes, HandlerType.GET, NAMESPACES, ctx -> repositories.list(ctx, false));
        add(routes, HandlerType.POST, NAMESPACES, repositories::create);
        add(routes, HandlerType.GET, LEGACY, ctx -> repositories.list(ctx, true));
        for (String repository : new String[] {NAMESPACES + "/{repository}", LEGACY + "/{repository}"}) {
            add(routes, HandlerType.GET, repository, repositories::get);
            add(routes, HandlerType.HEAD, repository, repositories::get);
            add(routes, HandlerType.GET, repository + "/tags", tags::list);
            add(routes, HandlerType.HEAD, repository + "/tags", tags::head);
            add(routes, HandlerType.GET, repository + "/tags/{tag}", tags::get);
            add(routes, HandlerType.HEAD, repository + "/tags/{tag}", tags::headTag);
            add(routes, HandlerType.DELETE, repository + "/tags/{tag}", tags::delete);
        }
        add(routes, HandlerType.DELETE, LEGACY + "/{repository}", repositories::delete);
        routes.exception(HubApiException.class, HubApi::refuse);
    }

    private void add(RoutesConfig routes, HandlerType method, String path, Handler handler) {
        routes.addHttpHandler(method, path, ctx -> {
            limit(ctx);
            handler.handle(ctx);
        });
    }

    private void limit(Context ctx) {
        HubApiRateLimiter.Decision decision = limiter.check(ctx.ip());
        ctx.header("X-RateLimit-Limit", Long.toString(decision.limit()));
        ctx.header("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        ctx.header("X-RateLimit-Reset", Long.toString(decision.reset().getEpochSecond()));
        if (!decision.allowed()) {
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            throw HubApiException.detailOnly(429, "Rate limit exceeded").with("error", false)
                    .withHeader("Retry-After", Long.toString(seconds))
                    .withHeader("X-Retry-After", Long.toString(decision.reset().getEpochSecond()));
        }
    }

    private static void refuse(HubApiException refusal, Context ctx) {
        refusal.headers().forEach(ctx::header);
        if (ctx.method() == HandlerType.HEAD) {
            ctx.status(refusal.status());
            return;
        }
        HubJson.write(ctx, refusal.status(), refusal.body());
    }
}
