package dev.hubsim.simulator.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * The scopes of a Docker Hub personal access token. They are hierarchical: {@code repo:admin} implies
 * {@code repo:write}, which implies {@code repo:read}, which implies {@code repo:public_read}.
 */
public enum PatScope {
    PUBLIC_READ("repo:public_read"),
    READ("repo:read"),
    WRITE("repo:write"),
    ADMIN("repo:admin");

    private final String wireName;

    PatScope(String wireName) {
        this.wireName = wireName;
    }

    /** The name as Docker Hub writes it, e.g. {@code repo:write}. */
    public String wireName() {
        return wireName;
    }

    /** True when this scope includes {@code other}. */
    public boolean includes(PatScope other) {
        return compareTo(other) >= 0;
    }

    /** The scope with this wire name. */
    public static Optional<PatScope> byWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
