package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.http.Requests;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Docker Hub's pagination, which is Django REST framework's {@code PageNumberPagination} (reference §2.2):
 * {@code page} from 1 (anything else, or a page past the end other than an empty first page, is 404
 * {@code "Invalid page."}); {@code page_size} default 10, capped at 100: a larger value gives 100 rows, as the live
 * service does (badges/shields#4562), and one that is not a positive number falls back to the default, as DRF does;
 * {@code next}/{@code previous} are absolute URLs keeping the other query parameters, sorted, with {@code page}
 * removed from the link to page 1 (DRF's {@code replace_query_param} / {@code remove_query_param}).
 */
record Pagination(int page, int pageSize) {
    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 100;

    /** Reads {@code page} and {@code page_size}. */
    static Pagination of(Context ctx) {
        return new Pagination(page(ctx.queryParam("page")), pageSize(ctx.queryParam("page_size")));
    }

    private static int page(String text) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(text);
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // an invalid page, below
        }
        throw HubApiException.detailOnly(404, "Invalid page.");
    }

    private static int pageSize(String text) {
        try {
            int size = Integer.parseInt(text);
            return size < 1 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
        } catch (NumberFormatException e) {
            return DEFAULT_PAGE_SIZE;
        }
    }

    /** {@code {count, next, previous, results}} for this page of {@code all}, each row mapped by {@code row}. */
    <T> Map<String, Object> body(Context ctx, List<T> all, Function<T, Object> row) {
        int pages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        if (page > pages) {
            throw HubApiException.detailOnly(404, "Invalid page.");
        }
        int from = (page - 1) * pageSize;
        List<Object> results = all.subList(from, Math.min(all.size(), from + pageSize)).stream().map(row).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", all.size());
        body.put("next", page < pages ? link(ctx, page + 1) : null);
        body.put("previous", page > 1 ? link(ctx, page - 1) : null);
        body.put("results", results);
        return body;
    }

    private static String link(Context ctx, int target) {
        Map<String, List<String>> query = new TreeMap<>(ctx.queryParamMap());
        query.remove("page");
        if (target > 1) {
            query.put("page", List.of(Integer.toString(target)));
        }
        String encoded = query.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return Requests.origin(ctx) + ctx.path() + (encoded.isEmpty() ? "" : "?" + encoded);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
