package dev.hubsim.simulator.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One resource scope of a token request, {@code type:name:actions} (distribution's scope grammar, auth/scope.md).
 * The name may hold a {@code host:port}, so type is split at the first colon and actions at the last one; a type
 * class such as {@code repository(plugin)} is ignored.
 */
public record Scope(String type, String name, List<String> actions) {
    public static final String REPOSITORY = "repository";
    public static final String REGISTRY = "registry";

    public Scope {
        actions = List.copyOf(new LinkedHashSet<>(actions));
    }

    /** Parses one scope; empty when it does not follow the grammar (a malformed scope grants nothing). */
    public static Optional<Scope> parse(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first <= 0 || last <= first + 1) {
            return Optional.empty();
        }
        String type = text.substring(0, first);
        int classStart = type.indexOf('(');
        if (classStart > 0) {
            type = type.substring(0, classStart);
        }
        Set<String> actions = new LinkedHashSet<>();
        for (String action : text.substring(last + 1).split(",")) {
            if (!action.isBlank()) {
                actions.add(action.trim());
            }
        }
        return Optional.of(new Scope(type, text.substring(first + 1, last), List.copyOf(actions)));
    }

    /** Parses every scope of a request: repeated {@code scope} parameters, each possibly space-separated. */
    public static List<Scope> parseAll(List<String> parameters) {
        List<Scope> scopes = new ArrayList<>();
        for (String parameter : parameters) {
            for (String one : parameter.trim().split("\\s+")) {
                if (!one.isEmpty()) {
                    parse(one).ifPresent(scopes::add);
                }
            }
        }
        return scopes;
    }

    /** {@code repository:alice/app:pull,push}, as in a challenge. */
    @Override
    public String toString() {
        return type + ":" + name + ":" + String.join(",", actions);
    }
}
