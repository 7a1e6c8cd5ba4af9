package io.hashdesk.drivers.sim;

import java.util.Locale;
import java.util.Objects;

/**
 * Who a simulated miner says it is: its id in the fleet, firmware, serial, MAC and build id. All derived from the
 * fleet's seed, so every run shows the same farm.
 */
public record MinerIdentity(String id, ModelSpec model, FirmwareVersion firmware, String serial, String macAddress,
                            String buildUuid, String room) {

    private static final long MAC_STREAM = 41;
    private static final long UUID_STREAM = 42;
    private static final long SERIAL_STREAM = 43;
    private static final int MAC_BYTES = 6;
    private static final int BYTE = 0xFF;

    public MinerIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmware, "firmware");
    }

    /** An identity with a serial, locally administered MAC and build id drawn from {@code seed}. */
    static MinerIdentity draw(String id, ModelSpec model, FirmwareVersion firmware, long seed, String room) {
        StringBuilder mac = new StringBuilder();
        long bits = Noise.mix(seed ^ MAC_STREAM);
        for (int i = 0; i < MAC_BYTES; i++) {
            int value = (int) (bits >>> (8 * i)) & BYTE;
            // Locally administered, unicast: bit 1 set, bit 0 clear in the first byte.
            value = i == 0 ? (value | 0x02) & 0xFE : value;
            mac.append(i == 0 ? "" : ":").append(String.format(Locale.ROOT, "%02X", value));
        }
        long high = Noise.mix(seed ^ UUID_STREAM);
        long low = Noise.mix(high ^ UUID_STREAM);
        String uuid = new java.util.UUID(high, low).toString();
        String serial = String.format(Locale.ROOT, "HDSIM%010d",
                Math.floorMod(Noise.mix(seed ^ SERIAL_STREAM), 10_000_000_000L));
        return new MinerIdentity(id, model, firmware, serial, mac.toString(), uuid, room);
    }

    /** {@code miner_type} as the firmware writes it, e.g. {@code Antminer S19 (Vnish 1.2.7)}. */
    public String minerType() {
        return model.fullName() + " (Vnish " + firmware.version() + ")";
    }

    /** Default host name: the miner id, lower-case. */
    public String hostname() {
        return id.toLowerCase(Locale.ROOT);
    }
}
