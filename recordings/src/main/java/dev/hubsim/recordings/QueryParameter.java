package dev.hubsim.recordings;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One query parameter, decoded; stored as a {@code ["name", "value"]} pair so a query reads compactly on disk.
 * A parameter without {@code =} has the empty value.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"name", "value"})
public record QueryParameter(String name, String value) {

    public QueryParameter {
        Objects.requireNonNull(name, "query parameter name is missing");
        Objects.requireNonNull(value, "query parameter value is missing");
    }

    /** Decodes a raw query string ({@code a=1&b=x%2Fy}), keeping the order; null or empty gives no parameters. */
    public static List<QueryParameter> parse(String rawQuery) {
        List<QueryParameter> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(new QueryParameter(decode(name), decode(value)));
        }
        return parameters;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
