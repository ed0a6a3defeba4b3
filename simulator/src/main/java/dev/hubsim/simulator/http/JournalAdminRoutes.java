package dev.hubsim.simulator.http;

import dev.hubsim.simulator.fault.Operation;
import dev.hubsim.simulator.journal.Journal;
import dev.hubsim.simulator.journal.JournalEntry;
import dev.hubsim.simulator.journal.JournalQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /_hubsim/journal}: GET the recorded requests, oldest first, filtered by {@code method}, {@code path} (a glob),
 * {@code pathPrefix}, {@code status} ({@code 404} or {@code 4xx}), {@code operation}, {@code repository} (a glob),
 * {@code principal}, {@code since} (an instant of the simulator's clock) and {@code limit} (the most recent N);
 * DELETE empties it. An unknown or malformed filter is a 400 that says which.
 */
final class JournalAdminRoutes {
    private static final Set<String> FILTERS = Set.of("method", "path", "pathPrefix", "status", "operation",
            "repository", "principal", "since", "limit");

    private final Journal journal;

    JournalAdminRoutes(Journal journal) {
        this.journal = journal;
    }

    void register(RoutesConfig routes) {
        routes.get("/_hubsim/journal", this::list);
        routes.delete("/_hubsim/journal", ctx -> {
            journal.clear();
            ctx.status(204);
        });
    }

    private void list(Context ctx) {
        JournalQuery query;
        try {
            query = query(ctx);
        } catch (IllegalArgumentException e) {
            AdminRoutes.json(ctx, 400, Map.of("message", e.getMessage()));
            return;
        }
        List<Map<String, Object>> entries = journal.entries(query).stream().map(JournalAdminRoutes::toJson).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", entries.size());
        body.put("capacity", journal.capacity());
        body.put("entries", entries);
        AdminRoutes.json(ctx, 200, body);
    }

    private static JournalQuery query(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!FILTERS.contains(name)) {
                throw new IllegalArgumentException("unknown filter '" + name + "': use " + FILTERS.stream().sorted().toList());
            }
        }
        JournalQuery query = JournalQuery.all();
        String value;
        if ((value = ctx.queryParam("method")) != null) {
            query = query.method(value);
        }
        if ((value = ctx.queryParam("path")) != null) {
            query = query.path(value);
        }
        if ((value = ctx.queryParam("pathPrefix")) != null) {
            query = query.pathPrefix(value);
        }
        if ((value = ctx.queryParam("status")) != null) {
            query = status(query, value);
        }
        if ((value = ctx.queryParam("operation")) != null) {
            String name = value;
            query = query.operation(Operation.byWireName(name).orElseThrow(() -> new IllegalArgumentException(
                    "operation '" + name + "' is unknown: use one of " + Operation.wireNames())));
        }
        if ((value = ctx.queryParam("repository")) != null) {
            query = query.repository(value);
        }
        if ((value = ctx.queryParam("principal")) != null) {
            query = query.principal(value);
        }
        if ((value = ctx.queryParam("since")) != null) {
            try {
                query = query.since(Instant.parse(value));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("since '" + value + "' is not an instant such as 2026-01-01T00:00:00Z");
            }
        }
        if ((value = ctx.queryParam("limit")) != null) {
            query = query.limit(number("limit", value));
        }
        return query;
    }

    private static JournalQuery status(JournalQuery query, String value) {
        if (value.matches("[1-5]xx")) {
            return query.statusClass(value.charAt(0) - '0');
        }
        int status = number("status", value);
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status such as 404 or a class such as 4xx, got " + value);
        }
        return query.status(status);
    }

    private static int number(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a whole number of 0 or more, got '" + value + "'");
    }

    private static Map<String, Object> toJson(JournalEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", entry.time().toString());
        json.put("method", entry.method());
        json.put("path", entry.path());
        json.put("query", entry.query());
        json.put("status", entry.status());
        json.put("durationMillis", entry.duration().toMillis());
        json.put("principal", entry.principal());
        json.put("operation", entry.operation().wireName());
        json.put("repository", entry.repository());
        json.put("fault", entry.fault());
        return json;
    }
}
