package dev.hubsim.simulator.fault;

import java.util.regex.Pattern;

/**
 * A path or repository pattern: {@code *} matches any characters except {@code /}, {@code **} any characters
 * including {@code /}, {@code ?} one character except {@code /}; everything else matches itself. The whole text
 * must match: {@code /v2/**}{@code /blobs/*} matches every blob path, {@code library/*} every official image.
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /** Compiles a glob; it cannot be malformed, only empty. */
    public static Glob of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a pattern must not be empty");
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                if (c == '?') {
                    regex.append("[^/]");
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^/]*");
                }
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new Glob(text, Pattern.compile(regex.toString()));
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && glob.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
