package io.hashdesk.drivers.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hashdesk.core.domain.SensorQuantity;
import org.junit.jupiter.api.Test;

class RegisterDecodingTest {

    private static RegisterField field(DataType type, WordOrder order, double scale) {
        return new RegisterField(SensorQuantity.POWER_WATTS, RegisterTable.INPUT, 10, type, order, scale, -1e9, 1e9);
    }

    @Test
    void aFloatSentHighWordFirstIsReadAsEastronMetersSendIt() {
        // 230.0f is 0x43660000
        assertEquals(230.0, field(DataType.FLOAT32, WordOrder.HIGH_FIRST, 1).decode(new int[] {0x4366, 0x0000}, 10));
    }

    @Test
    void aFloatSentLowWordFirstIsReadWithTheWordsSwapped() {
        assertEquals(230.0, field(DataType.FLOAT32, WordOrder.LOW_FIRST, 1).decode(new int[] {0x0000, 0x4366}, 10));
        assertArrayEquals(new int[] {0x0000, 0x4366}, field(DataType.FLOAT32, WordOrder.LOW_FIRST, 1).encode(230.0));
    }

    @Test
    void aSignedTemperatureBelowZeroIsNegative() {
        // -10.0 °C as °C×10 in a signed register is -100, 0xFF9C
        assertEquals(-10.0, field(DataType.INT16, null, 0.1).decode(new int[] {0xFF9C}, 10), 1e-9);
        assertArrayEquals(new int[] {0xFF9C}, field(DataType.INT16, null, 0.1).encode(-10.0));
    }

    @Test
    void anUnsignedRegisterUsesAllSixteenBits() {
        assertEquals(65535.0, field(DataType.UINT16, null, 1).decode(new int[] {0xFFFF}, 10));
    }

    @Test
    void thirtyTwoBitIntegersKeepTheirSign() {
        assertEquals(-2.0, field(DataType.INT32, WordOrder.HIGH_FIRST, 1).decode(new int[] {0xFFFF, 0xFFFE}, 10));
        assertEquals(4294967294.0, field(DataType.UINT32, WordOrder.HIGH_FIRST, 1).decode(new int[] {0xFFFF, 0xFFFE}, 10));
    }

    @Test
    void aFieldIsFoundByItsOffsetInTheBlockRead() {
        RegisterField power = field(DataType.FLOAT32, WordOrder.HIGH_FIRST, 1);
        int[] block = {0, 0, 0x4366, 0x0000};
        assertEquals(230.0, power.decode(block, 8));
    }
}
