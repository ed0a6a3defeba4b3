package dev.hubsim.simulator.diff;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The mock's answer to one replayed request: status, headers (lowercase names) and body (null when empty). */
record ObservedResponse(int status, Map<String, List<String>> headers, BodySample body) {

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
