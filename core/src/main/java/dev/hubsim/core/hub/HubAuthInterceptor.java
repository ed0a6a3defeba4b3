package dev.hubsim.core.hub;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <Hub token>} to requests for the Hub API's host and port only (never to another
 * host a pagination link might name), and answers a 401 by signing in again and repeating the request once.
 */
final class HubAuthInterceptor implements Interceptor {
    private final HubSession session;
    private final HttpUrl hub;

    HubAuthInterceptor(HubSession session, HttpUrl hub) {
        this.session = session;
        this.hub = hub;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!sameOrigin(request.url())) {
            return chain.proceed(request);
        }
        HubToken token = session.token();
        Response response = chain.proceed(authorized(request, token));
        if (response.code() != 401) {
            return response;
        }
        response.close();
        return chain.proceed(authorized(request, session.renewAfterRefusal(token)));
    }

    private boolean sameOrigin(HttpUrl url) {
        return url.scheme().equals(hub.scheme()) && url.host().equals(hub.host()) && url.port() == hub.port();
    }

    private static Request authorized(Request request, HubToken token) {
        return request.newBuilder().header("Authorization", "Bearer " + token.jwt().reveal()).build();
    }
}
