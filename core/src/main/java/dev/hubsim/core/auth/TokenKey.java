package dev.hubsim.core.auth;

import java.util.Collection;
import java.util.TreeSet;

/** What a bearer token is for: the realm that issues it, the service it is for and its scopes (sorted, space-joined). */
record TokenKey(String realm, String service, String scope) {

    static TokenKey of(String realm, String service, Collection<String> scopes) {
        return new TokenKey(realm, service == null ? "" : service, String.join(" ", new TreeSet<>(scopes)));
    }
}
