package dev.hubsim.recordings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A request reduced to what the match rules compare: one value per {@link MatchRule}, normalised as its mode says,
 * null when the rule is off or the request has no such part. Two requests match when their keys are equal. Values
 * of secret query parameters are masked, so a live token never has to equal the recorded placeholder.
 */
record MatchKey(List<String> values) {
    private static final String MASKED = "***";

    static MatchKey of(RecordedRequest request, MatchRules rules) {
        String[] values = new String[MatchRule.values().length];
        String path = rules.mode(MatchRule.PATH) == MatchMode.NORMALISED ? normalisePath(request.path()) : request.path();
        RequestParts parts = RequestParts.of(path);
        for (MatchRule rule : MatchRule.values()) {
            MatchMode mode = rules.mode(rule);
            if (mode != MatchMode.OFF) {
                values[rule.ordinal()] = value(rule, mode == MatchMode.NORMALISED, request, parts);
            }
        }
        return new MatchKey(Collections.unmodifiableList(Arrays.asList(values)));
    }

    String get(MatchRule rule) {
        return values.get(rule.ordinal());
    }

    private static String value(MatchRule rule, boolean normalised, RecordedRequest request, RequestParts parts) {
        return switch (rule) {
            case METHOD -> normalised && request.method().equals("HEAD") ? "GET" : request.method();
            case PATH -> parts.route();
            case REPOSITORY -> parts.repository() == null || !normalised ? parts.repository()
                    : normaliseRepository(parts.repository());
            case REFERENCE -> parts.reference() == null || !normalised ? parts.reference()
                    : parts.reference().toLowerCase(Locale.ROOT);
            case SCOPE -> scope(request.query(), normalised);
            case QUERY -> query(request.query(), normalised);
            case ACCEPT -> accept(request.headers().get("accept"), normalised);
        };
    }

    private static String scope(List<QueryParameter> query, boolean normalised) {
        List<String> scopes = new ArrayList<>();
        for (QueryParameter parameter : query) {
            if (parameter.name().equals("scope")) {
                scopes.addAll(normalised ? Arrays.asList(parameter.value().trim().split("\\s+")) : List.of(parameter.value()));
            }
        }
        if (scopes.isEmpty()) {
            return null;
        }
        return normalised
                ? scopes.stream().map(MatchKey::normaliseScope).collect(Collectors.toCollection(TreeSet::new)).toString()
                : String.join(" ", scopes);
    }

    /** {@code repository:nginx:push,pull} -> {@code repository:library/nginx:pull,push}. */
    private static String normaliseScope(String scope) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first < 0 || first == last) {
            return scope;
        }
        String type = scope.substring(0, first);
        String name = scope.substring(first + 1, last);
        String actions = new TreeSet<>(Arrays.asList(scope.substring(last + 1).split(","))).stream()
                .collect(Collectors.joining(","));
        return type + ":" + (type.equals("repository") ? normaliseRepository(name) : name) + ":" + actions;
    }

    private static String query(List<QueryParameter> query, boolean normalised) {
        List<String> pairs = new ArrayList<>();
        for (QueryParameter parameter : query) {
            if (!parameter.name().equals("scope")) {
                String value = SecretFields.kindOf(parameter.name()) == null ? parameter.value() : MASKED;
                pairs.add(parameter.name() + "=" + value);
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        if (normalised) {
            Collections.sort(pairs);
        }
        return String.join("&", pairs);
    }

    private static String accept(List<String> values, boolean normalised) {
        if (values == null) {
            return null;
        }
        if (!normalised) {
            return String.join(", ", values);
        }
        TreeSet<String> types = new TreeSet<>();
        for (String value : values) {
            for (String element : value.split(",")) {
                int semicolon = element.indexOf(';');
                String type = (semicolon < 0 ? element : element.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
                if (!type.isEmpty()) {
                    types.add(type);
                }
            }
        }
        return types.isEmpty() ? null : String.join(", ", types);
    }

    private static String normaliseRepository(String repository) {
        String lower = repository.toLowerCase(Locale.ROOT);
        return lower.indexOf('/') < 0 ? "library/" + lower : lower;
    }

    /** Percent-decoded, without repeated slashes or a trailing slash. */
    static String normalisePath(String path) {
        String decoded = percentDecode(path).replaceAll("/{2,}", "/");
        return decoded.length() > 1 && decoded.endsWith("/") ? decoded.substring(0, decoded.length() - 1) : decoded;
    }

    private static String percentDecode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder text = new StringBuilder(path.length());
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2))) {
                escaped.write(Integer.parseInt(path, i + 1, i + 3, 16));
                i += 2;
            } else {
                text.append(escaped.toString(StandardCharsets.UTF_8)).append(c);
                escaped.reset();
            }
        }
        return text.append(escaped.toString(StandardCharsets.UTF_8)).toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
