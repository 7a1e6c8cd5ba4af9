package io.hashdesk.drivers.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hashdesk.core.domain.SensorStatus;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ModbusFramingTest {

    private static byte[] hex(String text) {
        return HexFormat.ofDelimiter(" ").parseHex(text);
    }

    @Test
    void crcMatchesPublishedModbusExamples() {
        // the SDM120 manual's voltage request and the Modbus specification's read of ten holding registers
        assertArrayEquals(hex("01 04 00 00 00 02 71 CB"), ModbusFrames.readRequest(1, RegisterTable.INPUT, 0, 2));
        assertArrayEquals(hex("01 03 00 00 00 0A C5 CD"), ModbusFrames.readRequest(1, RegisterTable.HOLDING, 0, 10));
        assertEquals(0x4B37, Crc16.of("123456789".getBytes(), 0, 9), "CRC-16/MODBUS check value");
    }

    @Test
    void aRequestFramedByTheMasterIsUnderstoodByADevice() {
        ModbusFrames.ReadRequest request = ModbusFrames.parseReadRequest(
                ModbusFrames.readRequest(17, RegisterTable.INPUT, 0x48, 2));
        assertEquals(new ModbusFrames.ReadRequest(17, 4, RegisterTable.INPUT, 0x48, 2), request);
    }

    @Test
    void aDeviceIgnoresARequestWithABadCrc() {
        byte[] frame = ModbusFrames.readRequest(1, RegisterTable.INPUT, 0, 2);
        frame[7] ^= 0x01;
        assertNull(ModbusFrames.parseReadRequest(frame));
    }

    @Test
    void registersComeOutOfAnAnswerAsUnsignedWords() throws ModbusFailure {
        byte[] reply = ModbusFrames.registersReply(1, 4, new int[] {0xFF9C, 0x0190});
        assertArrayEquals(new int[] {0xFF9C, 0x0190}, ModbusRtuClient.parse(reply, reply.length, 1, RegisterTable.INPUT, 2));
    }

    @Test
    void aGarbledAnswerIsACrcError() {
        byte[] reply = ModbusFrames.registersReply(1, 4, new int[] {215, 400});
        reply[3] ^= 0x10;
        ModbusFailure failure = assertThrows(ModbusFailure.class,
                () -> ModbusRtuClient.parse(reply, reply.length, 1, RegisterTable.INPUT, 2));
        assertEquals(SensorStatus.CRC_ERROR, failure.status());
    }

    @Test
    void anExceptionAnswerNamesItsCode() {
        byte[] reply = ModbusFrames.exceptionReply(1, 4, ModbusFrames.ILLEGAL_DATA_ADDRESS);
        assertArrayEquals(hex("01 84 02 C2 C1"), reply);
        ModbusFailure failure = assertThrows(ModbusFailure.class,
                () -> ModbusRtuClient.parse(reply, reply.length, 1, RegisterTable.INPUT, 2));
        assertEquals(SensorStatus.DEVICE_EXCEPTION, failure.status());
        assertEquals("Modbus exception code 2 (illegal data address) from unit 1", failure.getMessage());
    }

    @Test
    void anAnswerFromAnotherUnitIsMalformed() {
        byte[] reply = ModbusFrames.registersReply(2, 4, new int[] {1, 2});
        ModbusFailure failure = assertThrows(ModbusFailure.class,
                () -> ModbusRtuClient.parse(reply, reply.length, 1, RegisterTable.INPUT, 2));
        assertEquals(SensorStatus.MALFORMED_REPLY, failure.status());
    }
}
