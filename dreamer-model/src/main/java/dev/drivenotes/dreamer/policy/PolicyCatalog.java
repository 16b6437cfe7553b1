package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policies this service serves, by name, with the one used when a request names none. */
public final class PolicyCatalog {

    static final String FIELD = "parameters.policy";

    private final Map<String, Policy> byName;
    private final Policy defaultPolicy;

    public PolicyCatalog(List<Policy> policies, String defaultPolicyName) {
        Map<String, Policy> map = new LinkedHashMap<>();
        for (Policy policy : Require.noNullElements("policies", policies)) {
            if (map.putIfAbsent(policy.name(), policy) != null) {
                throw new IllegalArgumentException("two policies are named '" + policy.name() + "'");
            }
        }
        this.byName = Map.copyOf(map);
        this.defaultPolicy = map.get(defaultPolicyName);
        if (defaultPolicy == null) {
            throw new InvalidInputException(
                    "drivenotes.dreamer.default-policy",
                    "unknown policy '" + defaultPolicyName + "'; expected one of " + map.keySet());
        }
    }

    /**
     * The policy named {@code name}, or the default when {@code name} is null.
     *
     * @throws InvalidInputException naming {@code parameters.policy} when no policy has that name
     */
    public Policy resolve(String name) {
        if (name == null) {
            return defaultPolicy;
        }
        Policy policy = byName.get(name);
        if (policy == null) {
            throw new InvalidInputException(FIELD, "unknown policy '" + name + "'; expected one of " + names());
        }
        return policy;
    }

    /** Names of every policy, sorted. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
