package dev.hubsim.simulator.cli;

import dev.hubsim.recordings.MatchMode;
import dev.hubsim.recordings.MatchRule;
import dev.hubsim.recordings.MatchRules;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --match RULE=MODE}: changes to the default match rules of replay and spy. */
final class MatchOptions {
    @Option(names = "--match", paramLabel = "RULE=MODE", split = ",",
            description = {"Change how requests are matched with recorded ones; repeatable or comma-separated. "
                    + "RULE: ${COMPLETION-CANDIDATES}.",
                    "MODE: off, exact or normalised. Default: method=exact, path=normalised, repository=exact, "
                            + "reference=exact, scope, query and accept normalised."})
    private Map<MatchRule, MatchMode> changes = new LinkedHashMap<>();

    MatchRules rules() {
        MatchRules rules = MatchRules.DEFAULT;
        for (Map.Entry<MatchRule, MatchMode> change : changes.entrySet()) {
            rules = rules.with(change.getKey(), change.getValue());
        }
        return rules;
    }
}
