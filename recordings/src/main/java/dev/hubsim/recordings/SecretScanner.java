package dev.hubsim.recordings;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Walks a recording directory and reports anything secret in any file: the known secrets it is given, anything that
 * looks like a JWT, and Docker access tokens. Files are read in windows (never whole), so blobs of any size are
 * scanned; base64 bodies inline in {@code interactions.json} are decoded and scanned too. Placeholders pass.
 */
public final class SecretScanner {
    private static final int WINDOW = 256 * 1024;
    private static final int OVERLAP = 16 * 1024;
    private static final Pattern JWT = Pattern.compile(
            "(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{10,})\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");
    private static final Pattern DOCKER_TOKEN = Pattern.compile("dckr_(?:pat|oat)_[A-Za-z0-9_-]+");

    private final List<String> knownSecrets;

    private SecretScanner(List<String> knownSecrets) {
        this.knownSecrets = knownSecrets.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** A scanner for JWTs and Docker access tokens only. */
    public static SecretScanner patternsOnly() {
        return new SecretScanner(List.of());
    }

    /** A scanner that also looks for these exact secrets (each shorter than 16 KiB). */
    public static SecretScanner withKnownSecrets(List<String> knownSecrets) {
        return new SecretScanner(List.copyOf(knownSecrets));
    }

    /** Everything secret in the files under {@code directory}; empty when the recording is clean. */
    public List<SecretFinding> scan(Path directory) {
        List<SecretFinding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                scanFile(file, findings);
                if (file.getFileName().toString().equals(RecordingFiles.INTERACTIONS)) {
                    scanBase64Bodies(file, findings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + directory, e);
        }
        return findings;
    }

    /** Throws {@link SecretsFoundException} listing the findings unless the recording is clean. */
    public void verifyClean(Path directory) {
        List<SecretFinding> findings = scan(directory);
        if (!findings.isEmpty()) {
            throw new SecretsFoundException(directory, findings);
        }
    }

    /** Scans overlapping windows of the file, read as ISO-8859-1 so that a character is a byte. */
    private void scanFile(Path file, List<SecretFinding> findings) throws IOException {
        Set<String> seen = new HashSet<>();
        Position position = new Position();
        try (InputStream in = Files.newInputStream(file)) {
            String carry = "";
            byte[] buffer = new byte[WINDOW];
            for (int n; (n = in.readNBytes(buffer, 0, WINDOW)) > 0; ) {
                String window = carry + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                scanText(window, position, (offset, kind, secret) -> {
                    if (seen.add(kind + "@" + offset)) {
                        findings.add(new SecretFinding(file, position.at(window, offset), kind, SecretFinding.hintOf(secret)));
                    }
                });
                int keep = Math.min(OVERLAP, window.length());
                position.advance(window, window.length() - keep);
                carry = window.substring(window.length() - keep);
            }
        }
    }

    private void scanBase64Bodies(Path file, List<SecretFinding> findings) {
        JsonNode root;
        try {
            root = RecordingJson.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return; // not JSON: the raw scan already covered its text
        }
        JsonNode interactions = root.path("interactions");
        for (int i = 0; i < interactions.size(); i++) {
            for (String side : List.of("request", "response")) {
                JsonNode body = interactions.get(i).path(side).path("body");
                if (body.path("encoding").asText().equals("base64")) {
                    scanDecoded(file, "interactions[" + i + "]." + side + ".body (base64)", body.path("content").asText(),
                            findings);
                }
            }
        }
    }

    private void scanDecoded(Path file, String where, String base64, List<SecretFinding> findings) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return;
        }
        scanText(new String(bytes, StandardCharsets.ISO_8859_1), new Position(),
                (offset, kind, secret) -> findings.add(new SecretFinding(file, where, kind, SecretFinding.hintOf(secret))));
    }

    private void scanText(String text, Position position, Sink sink) {
        for (String secret : knownSecrets) {
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
                sink.found(position.offset + at, SecretFinding.Kind.KNOWN_SECRET, secret);
            }
        }
        Matcher jwt = JWT.matcher(text);
        while (jwt.find()) {
            if (isJwtHeader(jwt.group(1))) {
                sink.found(position.offset + jwt.start(), SecretFinding.Kind.JWT, jwt.group());
            }
        }
        Matcher token = DOCKER_TOKEN.matcher(text);
        while (token.find()) {
            sink.found(position.offset + token.start(), SecretFinding.Kind.DOCKER_ACCESS_TOKEN, token.group());
        }
    }

    private static boolean isJwtHeader(String segment) {
        try {
            JsonNode header = RecordingJson.MAPPER.readTree(Base64.getUrlDecoder().decode(segment));
            return header != null && header.isObject() && header.has("alg");
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface Sink {
        void found(long offset, SecretFinding.Kind kind, String secret);
    }

    /** The byte offset, line and column where the current window starts. */
    private static final class Position {
        long offset;
        int line = 1;
        int column = 1;

        /** {@code line L, column C} of an absolute offset inside the window. */
        String at(String window, long absolute) {
            int l = line;
            int c = column;
            for (int i = 0; i < absolute - offset; i++) {
                if (window.charAt(i) == '\n') {
                    l++;
                    c = 1;
                } else {
                    c++;
                }
            }
            return "line " + l + ", column " + c;
        }

        void advance(String window, int length) {
            for (int i = 0; i < length; i++) {
                if (window.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            offset += length;
        }
    }
}
