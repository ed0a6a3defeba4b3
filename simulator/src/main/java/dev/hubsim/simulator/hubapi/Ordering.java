package dev.hubsim.simulator.hubapi;

import io.javalin.http.Context;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code ordering} parameter of the list routes: a field name, {@code -} first for descending. A value the
 * route does not know is a 400 with Docker Hub's body (the spec's example for the repository list, reference §2.3).
 */
final class Ordering {
    private Ordering() {
    }

    /**
     * The comparator {@code ordering} asks for among {@code fields} (name → sort key), or {@code fallback} when the
     * parameter is absent.
     */
    static <T> Comparator<T> of(Context ctx, Map<String, Function<T, Comparable<?>>> fields, Comparator<T> fallback) {
        String ordering = ctx.queryParam("ordering");
        if (ordering == null || ordering.isEmpty()) {
            return fallback;
        }
        boolean descending = ordering.startsWith("-");
        Function<T, Comparable<?>> key = fields.get(descending ? ordering.substring(1) : ordering);
        if (key == null) {
            List<String> allowed = fields.keySet().stream().flatMap(f -> java.util.stream.Stream.of(f, "-" + f)).toList();
            throw HubApiException.invalidField("ordering", "Invalid ordering value. Must be one of: "
                    + String.join(", ", allowed), "Invalid ordering value");
        }
        Comparator<T> ascending = Comparator.comparing(key.andThen(Ordering::comparable),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return descending ? ascending.reversed() : ascending;
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Comparable<?> value) {
        return (Comparable<Object>) value;
    }
}
