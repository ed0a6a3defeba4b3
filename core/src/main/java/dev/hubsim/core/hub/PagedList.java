package dev.hubsim.core.hub;

import com.fasterxml.jackson.databind.JavaType;
import dev.hubsim.core.error.ProtocolViolationException;
import dev.hubsim.core.hub.HubCaller.Operation;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;

/**
 * A Hub API list: page by page ({@link #page(int, int)}), or every row by following {@code next} links as Docker's
 * clients do ({@link #iterator()}, {@link #stream()}; pages of {@value #ALL_PAGE_SIZE}, fetched lazily).
 */
public final class PagedList<T> implements Iterable<T> {
    /** The largest page the Hub serves (reference §2.2). */
    public static final int ALL_PAGE_SIZE = 100;

    private final HubCaller caller;
    private final HttpUrl url;
    private final JavaType pageType;
    private final Operation operation;

    PagedList(HubCaller caller, HttpUrl url, Class<T> row, Operation operation) {
        this.caller = caller;
        this.url = url;
        this.pageType = caller.pageOf(row);
        this.operation = operation;
    }

    /**
     * Page {@code number} (from 1) of {@code size} rows (1 to 100).
     *
     * @throws dev.hubsim.core.error.HubErrorException 404 for a page past the end, as the Hub answers
     */
    public Page<T> page(int number, int size) {
        if (number < 1) {
            throw new IllegalArgumentException("page numbers start at 1, got " + number);
        }
        if (size < 1 || size > ALL_PAGE_SIZE) {
            throw new IllegalArgumentException("a page holds 1 to " + ALL_PAGE_SIZE + " rows, got " + size);
        }
        return caller.get(url.newBuilder().setQueryParameter("page", Integer.toString(number))
                .setQueryParameter("page_size", Integer.toString(size)).build(), pageType, operation);
    }

    /** Every row, first page first; each page is fetched when the rows before it are used up (none before the first
     * {@code hasNext()}). */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page;
            private Iterator<T> rows = Collections.emptyIterator();
            private final Set<String> followed = new HashSet<>();

            @Override
            public boolean hasNext() {
                while (!rows.hasNext()) {
                    if (page == null) {
                        page = page(1, ALL_PAGE_SIZE);
                    } else if (page.hasNext()) {
                        if (!followed.add(page.next())) {
                            throw new ProtocolViolationException(operation.what(), operation.target(), 200,
                                    "the Hub's pagination links go round in a circle at " + page.next());
                        }
                        page = caller.get(caller.link(page.next(), operation), pageType, operation);
                    } else {
                        return false;
                    }
                    rows = page.results().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return rows.next();
            }
        };
    }

    /** Every row as a lazy stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
