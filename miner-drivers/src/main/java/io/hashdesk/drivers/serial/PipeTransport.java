package io.hashdesk.drivers.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One end of an in-process byte pipe standing in for a serial cable: what one end writes the other reads. Used by
 * the demo farm when no virtual serial port is available, and by tests.
 */
public final class PipeTransport implements SerialTransport {

    /** Put in a queue when the writing end closes, so the reader learns it at once. */
    private static final int CLOSED = -1;

    private final BlockingQueue<Integer> incoming;
    private final BlockingQueue<Integer> outgoing;
    private volatile boolean closed;
    private volatile boolean otherEndClosed;

    private PipeTransport(BlockingQueue<Integer> incoming, BlockingQueue<Integer> outgoing) {
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    /** Two ends of one pipe. */
    public static PipeTransport[] pair() {
        BlockingQueue<Integer> aToB = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> bToA = new LinkedBlockingQueue<>();
        return new PipeTransport[] {new PipeTransport(bToA, aToB), new PipeTransport(aToB, bToA)};
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        requireOpen();
        for (byte b : bytes) {
            outgoing.add(b & 0xFF);
        }
    }

    @Override
    public int read(byte[] into, int offset, int length, Duration timeout) throws IOException, InterruptedException {
        requireOpen();
        Integer next = incoming.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        int n = 0;
        while (next != null) {
            if (next == CLOSED) {
                otherEndClosed = true;
                if (n == 0) {
                    throw new IOException("the other end of the pipe is closed");
                }
                break;
            }
            into[offset + n++] = next.byteValue();
            if (n == length) {
                break;
            }
            next = incoming.poll();
        }
        return n;
    }

    @Override
    public void discardInput() throws IOException {
        requireOpen();
        incoming.removeIf(b -> b != CLOSED);
    }

    private void requireOpen() throws IOException {
        if (closed || otherEndClosed) {
            throw new IOException("the pipe is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            outgoing.add(CLOSED);
        }
    }
}
