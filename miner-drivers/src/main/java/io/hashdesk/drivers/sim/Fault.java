package io.hashdesk.drivers.sim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something wrong with one simulated miner, injected by a test, the demo farm or an operator. Wire faults change
 * how the miner's ports answer; physical faults change the unit itself and show up in its readings. Inject with
 * {@link SimulatedMiner#inject(Fault)}, remove with {@link SimulatedMiner#clear(Class)}; clearing a physical fault
 * is a repair (a new fan, a new board, airflow restored).
 *
 * <p>In a fleet definition a fault is written {@code {"type": "slow-reply", "delayMillis": 8000}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Fault.Unreachable.class, name = "unreachable"),
    @JsonSubTypes.Type(value = Fault.SlowReply.class, name = "slow-reply"),
    @JsonSubTypes.Type(value = Fault.WrongPassword.class, name = "wrong-password"),
    @JsonSubTypes.Type(value = Fault.MalformedJson.class, name = "malformed-json"),
    @JsonSubTypes.Type(value = Fault.TruncatedBody.class, name = "truncated-body"),
    @JsonSubTypes.Type(value = Fault.ServerError.class, name = "server-error"),
    @JsonSubTypes.Type(value = Fault.MissingFields.class, name = "missing-fields"),
    @JsonSubTypes.Type(value = Fault.RebootLoop.class, name = "reboot-loop"),
    @JsonSubTypes.Type(value = Fault.FanFailure.class, name = "fan-failure"),
    @JsonSubTypes.Type(value = Fault.HashboardFailure.class, name = "hashboard-failure"),
    @JsonSubTypes.Type(value = Fault.Overheating.class, name = "overheating")
})
public sealed interface Fault {

    /** Both ports closed: connections are refused, as for a unit that lost power or network. */
    record Unreachable() implements Fault {
    }

    /** Every HTTP and RPC reply waits this long first (real time, so client timeouts fire). */
    record SlowReply(long delayMillis) implements Fault {
        public SlowReply {
            if (delayMillis < 0) {
                throw new IllegalArgumentException("delayMillis must not be negative, got " + delayMillis);
            }
        }
    }

    /** Someone changed the password: unlocking with the known one gets 403. Clearing restores the known one. */
    record WrongPassword() implements Fault {
    }

    /**
     * JSON replies arrive broken. HTTP: cut mid-object. RPC: the BMMiner missing-comma defect between rows
     * ({@code }{}), which clients repair; a reply with a single row ({@code summary}) has no row boundary, so it
     * loses the comma between its sections instead, which no client can repair: the driver must report it.
     */
    record MalformedJson() implements Fault {
    }

    /** Replies promise more bytes than they send, then the connection closes. */
    record TruncatedBody() implements Fault {
    }

    /** Every API route answers 500 with {@code {"err": ...}}. */
    record ServerError() implements Fault {
    }

    /** Replies lack the fields older or stripped builds lack (hr_* totals, power, fan status, chip statuses). */
    record MissingFields() implements Fault {
    }

    /** The unit reboots again each time it has been up this long. */
    record RebootLoop(long upSeconds) implements Fault {
        public RebootLoop {
            if (upSeconds <= 0) {
                throw new IllegalArgumentException("upSeconds must be positive, got " + upSeconds);
            }
        }
    }

    /** Fan {@code fan} (0-based, as the firmware numbers fans) stops: rpm 0, status lost. */
    record FanFailure(int fan) implements Fault {
    }

    /** Hashboard {@code board} (1-based, as the firmware numbers chains) fails: state failure, hashrate 0. */
    record HashboardFailure(int board) implements Fault {
    }

    /** Airflow blocked or a hot aisle: thermal resistance multiplied by {@code resistanceFactor} (> 1). */
    record Overheating(double resistanceFactor) implements Fault {
        public Overheating {
            if (!(resistanceFactor > 1)) {
                throw new IllegalArgumentException("resistanceFactor must be above 1, got " + resistanceFactor);
            }
        }
    }

    /** Whether the fault is in how the ports answer (the server acts on it) rather than in the unit. */
    default boolean onTheWire() {
        return switch (this) {
            case Unreachable _ -> true;
            case SlowReply _ -> true;
            case MalformedJson _ -> true;
            case TruncatedBody _ -> true;
            case ServerError _ -> true;
            case MissingFields _ -> true;
            default -> false;
        };
    }
}
