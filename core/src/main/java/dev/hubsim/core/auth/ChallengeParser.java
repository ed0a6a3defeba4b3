package dev.hubsim.core.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RFC 7235 grammar, section 4.1 and 2.1, read left to right:
 * <pre>
 * WWW-Authenticate = 1#challenge
 * challenge        = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 * auth-param       = token BWS "=" BWS ( token / quoted-string )
 * token68          = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 * quoted-string    = DQUOTE *( qdtext / "\" any-char ) DQUOTE
 * </pre>
 * A comma separates both parameters and challenges: after a comma, {@code name =} continues the parameters and
 * a lone token starts the next challenge. Commas inside quoted strings are data.
 */
final class ChallengeParser {
    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";
    private static final String TOKEN68_SYMBOLS = "-._~+/";

    private final String input;
    private int pos;

    ChallengeParser(String input) {
        this.input = input == null ? "" : input;
    }

    List<AuthChallenge> parse() {
        List<AuthChallenge> challenges = new ArrayList<>();
        while (true) {
            skipWhitespaceAndCommas();
            if (atEnd()) {
                break;
            }
            challenges.add(challenge());
        }
        if (challenges.isEmpty()) {
            throw malformed("no challenge");
        }
        return List.copyOf(challenges);
    }

    private AuthChallenge challenge() {
        String scheme = token();
        if (scheme.isEmpty()) {
            throw malformed("expected an auth scheme");
        }
        skipWhitespace();
        String token68 = token68();
        if (token68 != null) {
            return new AuthChallenge(scheme, Map.of(), token68);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        while (!atEnd() && startsParameter()) {
            String name = token().toLowerCase(Locale.ROOT);
            skipWhitespace();
            pos++; // '='
            skipWhitespace();
            String value = !atEnd() && peek() == '"' ? quotedString() : token();
            if (value.isEmpty() && input.charAt(pos - 1) != '"') {
                throw malformed("parameter '" + name + "' has no value");
            }
            if (parameters.putIfAbsent(name, value) != null) {
                throw malformed("parameter '" + name + "' is repeated");
            }
            skipWhitespace();
            if (atEnd()) {
                break;
            }
            if (peek() != ',') {
                throw malformed("expected ',' after parameter '" + name + "'");
            }
            int comma = pos;
            skipWhitespaceAndCommas();
            if (!startsParameter()) {
                pos = comma; // a new challenge starts after this comma
                break;
            }
        }
        return new AuthChallenge(scheme, parameters, null);
    }

    /** A token68 alone (followed by the end or a comma), or null and the position unchanged. */
    private String token68() {
        int start = pos;
        while (!atEnd() && (isAlphaNumeric(peek()) || TOKEN68_SYMBOLS.indexOf(peek()) >= 0)) {
            pos++;
        }
        if (pos == start) {
            return null;
        }
        while (!atEnd() && peek() == '=') {
            pos++;
        }
        int end = pos;
        skipWhitespace();
        if (atEnd() || peek() == ',') {
            return input.substring(start, end);
        }
        pos = start;
        return null;
    }

    /** True when {@code token BWS "="} (not "==") starts at the position. */
    private boolean startsParameter() {
        int save = pos;
        try {
            if (token().isEmpty()) {
                return false;
            }
            skipWhitespace();
            return !atEnd() && peek() == '=' && (pos + 1 >= input.length() || input.charAt(pos + 1) != '=');
        } finally {
            pos = save;
        }
    }

    private String quotedString() {
        pos++; // opening quote
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (atEnd()) {
                    break;
                }
                c = input.charAt(pos++);
            }
            value.append(c);
        }
        throw malformed("unterminated quoted string");
    }

    private String token() {
        int start = pos;
        while (!atEnd() && isTchar(peek())) {
            pos++;
        }
        return input.substring(start, pos);
    }

    private void skipWhitespace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private void skipWhitespaceAndCommas() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == ',')) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private char peek() {
        return input.charAt(pos);
    }

    private static boolean isTchar(char c) {
        return isAlphaNumeric(c) || TCHAR_SYMBOLS.indexOf(c) >= 0;
    }

    private static boolean isAlphaNumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private IllegalArgumentException malformed(String problem) {
        return new IllegalArgumentException("malformed WWW-Authenticate header at character " + pos + ": " + problem);
    }
}
