package dev.hubsim.dsl;

/**
 * A script that did not succeed: one message that starts with the script file and line, e.g.
 * {@code (push.groovy, line 12) no such image: alice/app:2}. The cause (for {@code --debug}) is the original error.
 */
public final class ScriptFailure extends RuntimeException {
    /** Why the script stopped. */
    public enum Kind {
        /** An {@code expect} or {@code assert} did not hold: exit status 1. */
        EXPECTATION_FAILED(1),
        /** The script did not compile, misused a keyword, or an operation failed: exit status 3. */
        ERROR(3);

        private final int exitStatus;

        Kind(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        /** The exit status of {@code hubsim run}. */
        public int exitStatus() {
            return exitStatus;
        }
    }

    private final Kind kind;
    private final String script;
    private final int line;

    ScriptFailure(Kind kind, String script, int line, String message, Throwable cause) {
        super("(" + script + (line > 0 ? ", line " + line : "") + ") " + message, cause);
        this.kind = kind;
        this.script = script;
        this.line = line;
    }

    public Kind kind() {
        return kind;
    }

    /** The script's file name. */
    public String script() {
        return script;
    }

    /** The line of the script where it stopped, or 0 when not known. */
    public int line() {
        return line;
    }
}
