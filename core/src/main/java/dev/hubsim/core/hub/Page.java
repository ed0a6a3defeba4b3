package dev.hubsim.core.hub;

import java.util.List;
import java.util.Optional;

/**
 * One page of a Hub API list (Django REST framework style, reference §2.2): {@code count} rows in all, links to the
 * next and previous pages (absolute URLs, absent at the ends) and this page's rows.
 */
public record Page<T>(long count, String next, String previous, List<T> results) {
    public Page {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** The link to the next page, absent on the last one. */
    public Optional<String> nextLink() {
        return Optional.ofNullable(next).filter(link -> !link.isBlank());
    }

    public boolean hasNext() {
        return nextLink().isPresent();
    }
}
