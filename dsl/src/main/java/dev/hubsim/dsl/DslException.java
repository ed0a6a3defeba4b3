package dev.hubsim.dsl;

/**
 * A keyword used wrongly, or an operation that failed in words a script author understands ("no such image:
 * alice/app:2"). The script runner prefixes the message with the script file and line.
 */
public class DslException extends RuntimeException {
    public DslException(String message) {
        super(message);
    }

    public DslException(String message, Throwable cause) {
        super(message, cause);
    }
}
