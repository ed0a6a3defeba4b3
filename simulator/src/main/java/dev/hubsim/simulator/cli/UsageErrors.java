package dev.hubsim.simulator.cli;

import picocli.CommandLine;

/**
 * Turns a bad option (an unknown option, a malformed {@code --rate-limit}) or a bad setting found while starting (an
 * unreadable seed file, a malformed user, a port in use) into one line on stderr and exit status 2, instead of a stack trace or a
 * page of usage help.
 */
final class UsageErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        String suggestion = error instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()
                ? " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)" : "";
        command.getErr().println("hubsim: " + error.getMessage() + suggestion + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine command, CommandLine.ParseResult parseResult)
            throws Exception {
        if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
            command.getErr().println("hubsim: " + error.getMessage());
            return 2;
        }
        throw error;
    }
}
