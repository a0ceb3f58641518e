package io.facecheck.attendance;

import java.util.Optional;

/** Where the policy learns a person's last logged event (the store, in the application). */
@FunctionalInterface
public interface LastEventLookup {
    /** The latest event of the employee with {@code code}, if any. */
    Optional<LastEvent> last(String code);

    /** No history: for a policy that only knows what it logged itself. */
    static LastEventLookup none() {
        return code -> Optional.empty();
    }
}
