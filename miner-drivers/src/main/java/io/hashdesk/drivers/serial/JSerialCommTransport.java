package io.hashdesk.drivers.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.hashdesk.core.sensor.Parity;
import io.hashdesk.core.sensor.SerialLine;
import java.io.IOException;
import java.time.Duration;

/** A real serial port (or a pseudo-terminal standing in for one) through jSerialComm, opened by its path. */
public final class JSerialCommTransport implements SerialTransport {

    private final SerialPort port;
    private final String name;

    private JSerialCommTransport(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /** @throws IOException naming the port when it does not exist or cannot be opened (busy, no permission) */
    public static JSerialCommTransport open(SerialLine line) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(line.port());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("there is no serial port " + line.port(), e);
        }
        port.setComPortParameters(line.baudRate(), line.dataBits(), stopBits(line.stopBits()), parity(line.parity()));
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 0, 0);
        if (!port.openPort()) {
            throw new IOException("could not open " + line.port() + " (error " + port.getLastErrorCode()
                    + "): it does not exist, is used by another program, or this user may not open it");
        }
        return new JSerialCommTransport(port, line.port());
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException(name + " stopped accepting data (wrote " + written + " of " + bytes.length
                    + " bytes)");
        }
    }

    @Override
    public int read(byte[] into, int offset, int length, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, millis, 0);
        int read = port.readBytes(into, length, offset);
        if (read < 0) {
            throw new IOException(name + " failed while reading (error " + port.getLastErrorCode() + ")");
        }
        return read;
    }

    @Override
    public void discardInput() throws IOException {
        int waiting = port.bytesAvailable();
        if (waiting < 0) {
            throw new IOException(name + " is gone (error " + port.getLastErrorCode() + ")");
        }
        if (waiting > 0) {
            port.readBytes(new byte[waiting], waiting);
        }
    }

    @Override
    public void close() {
        port.closePort();
    }

    private static int stopBits(int stopBits) {
        return stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int parity(Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
    }
}
