package dev.hubsim.simulator.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.recordings.RecordedResponse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares the mock's answer with the recorded one, aspect by aspect: status, registry error codes, the key headers
 * ({@code Content-Type} without parameters, {@code Docker-Content-Digest}, {@code Range}, the shape of
 * {@code Location}, the presence of {@code Docker-Upload-UUID} and {@code WWW-Authenticate}, {@code Content-Length}
 * of a successful HEAD), then the body of a success: byte for byte, or field by field for small JSON objects.
 * What is ignored is listed in {@link VolatileFields}.
 */
final class ResponseComparison {
    private static final Pattern UPLOAD_ID = Pattern.compile("(/blobs/uploads/)[^/?]+");
    private static final int SHOWN = 80;

    private ResponseComparison() {
    }

    static List<Difference> compare(String method, RecordedResponse recorded, BodySample recordedBody, ObservedResponse mock) {
        List<Difference> differences = new ArrayList<>();
        if (recorded.status() != mock.status()) {
            differences.add(new Difference(Aspect.STATUS, "", Integer.toString(recorded.status()), Integer.toString(mock.status())));
        }
        List<String> recordedCodes = errorCodes(recordedBody);
        List<String> mockCodes = errorCodes(mock.body());
        if (!recordedCodes.equals(mockCodes)) {
            differences.add(new Difference(Aspect.ERROR_CODE, "", codes(recordedCodes), codes(mockCodes)));
        }
        header(differences, "Content-Type", mediaType(recorded.header("content-type")), mediaType(mock.header("content-type")));
        header(differences, "Docker-Content-Digest", recorded.header("docker-content-digest"), mock.header("docker-content-digest"));
        header(differences, "Range", recorded.header("range"), mock.header("range"));
        header(differences, "Location", locationShape(recorded.header("location")), locationShape(mock.header("location")));
        header(differences, "Docker-Upload-UUID", presence(recorded.header("docker-upload-uuid")),
                presence(mock.header("docker-upload-uuid")));
        header(differences, "WWW-Authenticate", presence(recorded.header("www-authenticate")),
                presence(mock.header("www-authenticate")));
        boolean bothSucceeded = isSuccess(recorded.status()) && isSuccess(mock.status());
        if (bothSucceeded && method.equals("HEAD")) {
            header(differences, "Content-Length", recorded.header("content-length"), mock.header("content-length"));
        }
        if (bothSucceeded) {
            body(differences, recordedBody, mock.body());
        }
        return differences;
    }

    private static void body(List<Difference> differences, BodySample recorded, BodySample mock) {
        if (recorded == null && mock == null || recorded != null && mock != null && recorded.digest().equals(mock.digest())) {
            return;
        }
        JsonNode recordedJson = BodySample.jsonObject(recorded);
        JsonNode mockJson = BodySample.jsonObject(mock);
        if (recordedJson != null && mockJson != null) {
            TreeSet<String> fields = new TreeSet<>();
            recordedJson.fieldNames().forEachRemaining(fields::add);
            mockJson.fieldNames().forEachRemaining(fields::add);
            fields.removeAll(VolatileFields.JSON);
            for (String field : fields) {
                JsonNode a = recordedJson.get(field);
                JsonNode b = mockJson.get(field);
                if (!Objects.equals(a, b)) {
                    differences.add(new Difference(Aspect.JSON, field, shown(a), shown(b)));
                }
            }
            return;
        }
        differences.add(new Difference(Aspect.BODY, "", describe(recorded), describe(mock)));
    }

    private static void header(List<Difference> differences, String name, String recorded, String mock) {
        if (!Objects.equals(recorded, mock)) {
            differences.add(new Difference(Aspect.HEADER, name, recorded, mock));
        }
    }

    /** The codes of an {@code {"errors":[...]}} body; empty for any other body. */
    private static List<String> errorCodes(BodySample body) {
        JsonNode json = BodySample.jsonObject(body);
        List<String> codes = new ArrayList<>();
        if (json != null && json.path("errors").isArray()) {
            json.path("errors").forEach(error -> codes.add(error.path("code").asText()));
        }
        return codes;
    }

    /** {@code application/json; charset=utf-8} -> {@code application/json}. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** {@code http://h:1/v2/a/blobs/uploads/5f1e?_state=x&digest=y} -> {@code /v2/a/blobs/uploads/{uuid}?_state&digest}. */
    static String locationShape(String location) {
        if (location == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        String path = UPLOAD_ID.matcher(String.valueOf(uri.getRawPath())).replaceAll("$1{uuid}");
        if (uri.getRawQuery() == null) {
            return path;
        }
        TreeSet<String> names = new TreeSet<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            names.add(equals < 0 ? pair : pair.substring(0, equals));
        }
        return path + "?" + String.join("&", names);
    }

    private static String presence(String value) {
        return value == null ? null : "(present)";
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String codes(List<String> codes) {
        return codes.isEmpty() ? null : String.join(",", codes);
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }

    private static String describe(BodySample body) {
        return body == null ? "(empty)" : body.digest() + " (" + body.size() + " bytes)";
    }
}
