package dev.hubsim.simulator.cli;

import picocli.CommandLine;

/**
 * Turns a bad setting found while starting (an unreadable seed file, a malformed user) into one line on stderr and
 * exit status 2, instead of a stack trace.
 */
final class UsageErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception error, CommandLine command, CommandLine.ParseResult parseResult)
            throws Exception {
        if (error instanceof IllegalArgumentException) {
            command.getErr().println("hubsim: " + error.getMessage());
            return 2;
        }
        throw error;
    }
}
