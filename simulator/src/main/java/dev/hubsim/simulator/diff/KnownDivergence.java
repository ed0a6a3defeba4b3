package dev.hubsim.simulator.diff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.simulator.fault.Glob;

import java.util.Locale;

/**
 * One entry of the known-divergences file: a way the mock knowingly answers differently, where, and why. Every
 * given condition must hold; left out, it matches anything.
 *
 * @param id     a short name, unique in the file
 * @param server a glob on the recording's server (its metadata), e.g. {@code docker-registry*}
 * @param method the request method
 * @param path   a glob on the request path ({@code *} within a segment, {@code **} across)
 * @param aspect the aspect: status, error-code, header, json or body
 * @param field  the header or JSON field (any case for headers)
 * @param reason why the mock differs, shown in the report; required
 */
@JsonPropertyOrder({"id", "server", "method", "path", "aspect", "field", "reason"})
public record KnownDivergence(String id, String server, String method, String path, String aspect, String field,
                              String reason) {

    @JsonCreator
    public KnownDivergence(@JsonProperty("id") String id, @JsonProperty("server") String server,
                           @JsonProperty("method") String method, @JsonProperty("path") String path,
                           @JsonProperty("aspect") String aspect, @JsonProperty("field") String field,
                           @JsonProperty("reason") String reason) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a known divergence needs an id");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("known divergence '" + id + "' needs a reason");
        }
        if (aspect != null && java.util.Arrays.stream(Aspect.values()).noneMatch(a -> a.label().equals(aspect))) {
            throw new IllegalArgumentException("known divergence '" + id + "': aspect '" + aspect
                    + "' is not one of status, error-code, header, json, body");
        }
        this.id = id;
        this.server = server;
        this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.aspect = aspect;
        this.field = field;
        this.reason = reason;
    }

    /** True when this entry explains the difference in the answer to this request of a recording of {@code serverName}. */
    public boolean explains(String serverName, RecordedRequest request, Difference difference) {
        return (server == null || Glob.of(server).matches(serverName))
                && (method == null || method.equals(request.method()))
                && (path == null || Glob.of(path).matches(request.path()))
                && (aspect == null || aspect.equals(difference.aspect().label()))
                && (field == null || field.equalsIgnoreCase(difference.field()));
    }
}
