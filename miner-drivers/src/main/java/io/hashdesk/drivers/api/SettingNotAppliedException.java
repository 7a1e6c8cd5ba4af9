package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAccessException;
import java.util.List;
import java.util.stream.Collectors;

/** A settings change the miner accepted on the wire but, as the read-back showed, does not run. */
public class SettingNotAppliedException extends MinerAccessException {

    private final List<PartOutcome> notApplied;

    public SettingNotAppliedException(List<PartOutcome> notApplied) {
        super(Failure.REJECTED, "The miner does not run " + notApplied.stream()
                .map(PartOutcome::toString).collect(Collectors.joining("; ")));
        this.notApplied = List.copyOf(notApplied);
    }

    /** The parts the read-back did not confirm. */
    public List<PartOutcome> notApplied() {
        return notApplied;
    }
}
