package io.hashdesk.drivers.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback TCP relay in front of a simulated miner's web port that lets one chosen request reach the miner and
 * then loses the miner before its answer comes back: the miner took the write but the caller never hears so. Either
 * the miner vanishes (every connection closed, the port refuses from then on) or it hangs (the answer and everything
 * after it are swallowed, connections stay open).
 */
final class CuttingProxy implements AutoCloseable {

    enum Cut { VANISH, HANG }

    private final ServerSocket listener;
    private final int targetPort;
    private final String trigger;
    private final Cut cut;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cutDone;

    /**
     * @param trigger the start of the request line to cut after, e.g. {@code POST /api/v1/settings }
     */
    CuttingProxy(int targetPort, String trigger, Cut cut) {
        this.targetPort = targetPort;
        this.trigger = trigger;
        this.cut = cut;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("cutting-proxy").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Whether the cut happened: the trigger request reached the miner and its answer was lost. */
    boolean cut() {
        return cutDone;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket miner = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(miner);
                AtomicBoolean triggered = new AtomicBoolean();
                Thread.ofVirtual().start(() -> pump(client, miner, triggered, true));
                Thread.ofVirtual().start(() -> pump(miner, client, triggered, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean triggered, boolean towardsMiner) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (towardsMiner && new String(buffer, 0, read, StandardCharsets.ISO_8859_1).contains(trigger)) {
                    triggered.set(true);
                }
                if (!towardsMiner && (triggered.get() || cutDone)) {
                    loseTheMiner();
                    if (cut == Cut.VANISH) {
                        return;
                    }
                    continue;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // a side closed: the relay of this connection ends with it
        }
    }

    private void loseTheMiner() {
        cutDone = true;
        if (cut == Cut.VANISH) {
            close();
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing a listener that failed is as good as closed
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
