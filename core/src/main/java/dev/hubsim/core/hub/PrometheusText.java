package dev.hubsim.core.hub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the samples of a Prometheus text exposition (format 0.0.4, which OpenMetrics text also satisfies for gauges):
 * {@code name{label="value",...} value [timestamp]} lines; {@code #} lines and blank lines are skipped. Label values
 * may hold the escapes {@code \\}, {@code \"} and {@code \n}.
 */
final class PrometheusText {

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {
        Sample {
            labels = Map.copyOf(labels);
        }

        String label(String name) {
            return labels.getOrDefault(name, "");
        }
    }

    private PrometheusText() {
    }

    /**
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                samples.add(new LineReader(line).sample());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return samples;
    }

    /** Reads one sample line, left to right. */
    private static final class LineReader {
        private final String line;
        private int at;

        LineReader(String line) {
            this.line = line;
        }

        Sample sample() {
            String name = name("metric name");
            Map<String, String> labels = new LinkedHashMap<>();
            if (peek() == '{') {
                at++;
                while (skipSpaces() != '}') {
                    String label = name("label name");
                    expect('=');
                    labels.put(label, quoted());
                    if (skipSpaces() == ',') {
                        at++;
                    } else if (peek() != '}') {
                        throw new IllegalArgumentException("expected ',' or '}' after the value of label " + label);
                    }
                }
                at++;
            }
            String[] rest = line.substring(at).strip().split("\\s+");
            if (rest.length == 0 || rest[0].isEmpty() || rest.length > 2) {
                throw new IllegalArgumentException("expected a value (and an optional timestamp) after " + name);
            }
            return new Sample(name, labels, value(rest[0]));
        }

        private String name(String what) {
            skipSpaces();
            int start = at;
            while (at < line.length() && (Character.isLetterOrDigit(line.charAt(at)) || line.charAt(at) == '_'
                    || line.charAt(at) == ':')) {
                at++;
            }
            if (start == at || Character.isDigit(line.charAt(start))) {
                throw new IllegalArgumentException("expected a " + what + " at column " + (start + 1));
            }
            return line.substring(start, at);
        }

        private String quoted() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (at < line.length() && line.charAt(at) != '"') {
                char c = line.charAt(at++);
                if (c == '\\' && at < line.length()) {
                    char escaped = line.charAt(at++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            if (at >= line.length()) {
                throw new IllegalArgumentException("a label value is not closed by '\"'");
            }
            at++;
            return value.toString();
        }

        private void expect(char c) {
            if (skipSpaces() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at column " + (at + 1));
            }
            at++;
        }

        private char skipSpaces() {
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
            return peek();
        }

        private char peek() {
            return at < line.length() ? line.charAt(at) : '\0';
        }

        private static double value(String text) {
            return switch (text) {
                case "NaN" -> Double.NaN;
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> {
                    try {
                        yield Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + text + "' is not a sample value");
                    }
                }
            };
        }
    }
}
