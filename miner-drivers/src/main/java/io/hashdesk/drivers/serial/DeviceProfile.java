package io.hashdesk.drivers.serial;

import io.hashdesk.core.domain.SensorQuantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A kind of device as data: its register map. Reading a device reads its fields in as few requests as the map
 * allows, joining fields of one table whose gap is at most {@code maxGapRegisters} (reading a few unused registers is
 * cheaper than another round trip at 9600 baud).
 *
 * @param id              what a configured device names, e.g. {@code xy-md02}
 * @param maxGapRegisters unused registers one request may span between two fields; 0 reads only adjacent fields
 *                        together
 */
public record DeviceProfile(String id, String name, int maxGapRegisters, List<RegisterField> fields) {

    /** The most registers one Modbus read request may ask for. */
    static final int MAX_REGISTERS_PER_READ = 125;

    public DeviceProfile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        name = name == null || name.isBlank() ? id : name.strip();
        if (maxGapRegisters < 0 || maxGapRegisters >= MAX_REGISTERS_PER_READ) {
            throw new IllegalArgumentException("maxGapRegisters must be 0–" + (MAX_REGISTERS_PER_READ - 1) + ", got "
                    + maxGapRegisters);
        }
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("fields must list at least one register");
        }
        Set<SensorQuantity> seen = new HashSet<>();
        for (RegisterField field : fields) {
            if (!seen.add(field.quantity())) {
                throw new IllegalArgumentException("two fields report " + field.quantity().fieldName());
            }
        }
    }

    /** The quantities a device of this kind reports. */
    public Set<SensorQuantity> quantities() {
        Set<SensorQuantity> out = new HashSet<>();
        fields.forEach(f -> out.add(f.quantity()));
        return out;
    }

    /** One read request and the fields it answers. */
    record ReadBlock(RegisterTable table, int start, int count, List<RegisterField> fields) {
    }

    /** The requests that read every field, in address order per table. */
    List<ReadBlock> blocks() {
        List<RegisterField> sorted = fields.stream()
                .sorted(Comparator.comparing(RegisterField::table).thenComparingInt(RegisterField::address))
                .toList();
        List<ReadBlock> out = new ArrayList<>();
        List<RegisterField> current = new ArrayList<>();
        for (RegisterField field : sorted) {
            if (!current.isEmpty() && !joins(current, field)) {
                out.add(block(current));
                current = new ArrayList<>();
            }
            current.add(field);
        }
        out.add(block(current));
        return out;
    }

    private boolean joins(List<RegisterField> block, RegisterField next) {
        RegisterField first = block.getFirst();
        int end = block.stream().mapToInt(RegisterField::lastAddress).max().orElseThrow();
        return next.table() == first.table() && next.address() - end - 1 <= maxGapRegisters
                && next.lastAddress() - first.address() + 1 <= MAX_REGISTERS_PER_READ;
    }

    private static ReadBlock block(List<RegisterField> fields) {
        int start = fields.getFirst().address();
        int end = fields.stream().mapToInt(RegisterField::lastAddress).max().orElseThrow();
        return new ReadBlock(fields.getFirst().table(), start, end - start + 1, List.copyOf(fields));
    }
}
