package dev.hubsim.recordings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Header maps as the model keeps them: lowercase names in sorted order, values in order, all unmodifiable. */
final class Headers {
    private Headers() {
    }

    /** A sorted, unmodifiable copy with lowercase names; null gives the empty map. */
    static SortedMap<String, List<String>> normalise(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("a header name is empty");
                }
                if (values == null || values.isEmpty()) {
                    throw new IllegalArgumentException("header " + name + " has no value");
                }
                sorted.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), Headers::concat);
            });
        }
        return Collections.unmodifiableSortedMap(sorted);
    }

    /** The first value of a header (name in any case), or null. */
    static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
