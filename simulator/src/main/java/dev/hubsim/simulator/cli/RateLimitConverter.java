package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import picocli.CommandLine;

/** Reads {@code --rate-limit}: a preset or a spec. */
final class RateLimitConverter implements CommandLine.ITypeConverter<RateLimitPolicy> {
    @Override
    public RateLimitPolicy convert(String value) {
        try {
            return RateLimitPolicy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
