package dev.hubsim.dsl;

import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/** Turns what stopped a script into one {@link ScriptFailure}: the script's line and a message without a stack trace. */
final class ScriptErrors {
    private ScriptErrors() {
    }

    static ScriptFailure describeCompilation(String script, MultipleCompilationErrorsException error) {
        Message first = error.getErrorCollector().getErrors().isEmpty() ? null : error.getErrorCollector().getError(0);
        if (first instanceof SyntaxErrorMessage syntax) {
            SyntaxException cause = syntax.getCause();
            return new ScriptFailure(ScriptFailure.Kind.ERROR, script, cause.getLine(),
                    "does not compile: " + cause.getOriginalMessage(), error);
        }
        return new ScriptFailure(ScriptFailure.Kind.ERROR, script, 0, "does not compile: " + error.getMessage(), error);
    }

    static ScriptFailure describe(String script, Throwable error) {
        ScriptFailure.Kind kind = error instanceof ExpectationFailedException || error instanceof AssertionError
                ? ScriptFailure.Kind.EXPECTATION_FAILED : ScriptFailure.Kind.ERROR;
        return new ScriptFailure(kind, script, lineOf(error, script), message(error), error);
    }

    private static String message(Throwable error) {
        if (error instanceof MissingMethodException missing && !missing.isStatic()) {
            String arguments = Arrays.stream(missing.getArguments())
                    .map(a -> a == null ? "null" : a.getClass().getSimpleName()).collect(Collectors.joining(", "));
            return "no keyword or method " + missing.getMethod() + "(" + arguments + ") here";
        }
        if (error instanceof MissingPropertyException missing) {
            return "no property or variable '" + missing.getProperty() + "' here";
        }
        if (error.getMessage() == null || error.getMessage().isBlank()) {
            return error.getClass().getSimpleName();
        }
        return error.getMessage();
    }

    /** The line of the innermost script frame of the outermost error that has one. */
    private static int lineOf(Throwable error, String script) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (script.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                    return frame.getLineNumber();
                }
            }
        }
        return 0;
    }
}
