package dev.hubsim.core.hub;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** A vulnerability's severity on Docker Scout's scale (reference §7), most severe first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, UNSPECIFIED;

    /** The lower-case name used in JSON and in the Scout exporter's {@code severity} label. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A severity from its name in any case; the message of an unknown one lists the known names. */
    @JsonCreator
    public static Severity parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text == null ? "" : text.trim()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown severity '" + text
                        + "': expected one of " + Arrays.stream(values()).map(Severity::label).toList()));
    }
}
