package io.hashdesk.drivers.cgminer;

import io.hashdesk.core.domain.MinerAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CGMiner-style RPC listener on 127.0.0.1 for driver tests: one command per connection, answered by a
 * per-command {@link Behaviour} (a reply with NUL, silence, a drip, a stall...); unknown commands get cgminer's
 * {@code Invalid command} error.
 */
public final class FakeRpcServer implements AutoCloseable {

    /** What the server does with one connection once it has read the command. */
    @FunctionalInterface
    public interface Behaviour {
        void serve(Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    public static final String INVALID_COMMAND = "{\"STATUS\":[{\"STATUS\":\"E\",\"When\":1687600000,\"Code\":14,"
            + "\"Msg\":\"Invalid command\",\"Description\":\"cgminer 4.11.1\"}],\"id\":1}";
    private static final Pattern COMMAND = Pattern.compile("\"command\"\\s*:\\s*\"([^\"]*)\"");

    private final ServerSocket server;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public FakeRpcServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("fake-rpc-accept").start(this::acceptLoop);
    }

    public MinerAddress address() {
        return new MinerAddress("127.0.0.1", MinerAddress.DEFAULT_HTTP_PORT, server.getLocalPort());
    }

    /** Answers {@code command} with {@code json}, a NUL and a close, as Vnish does. */
    public void reply(String command, String json) {
        behave(command, replyWith(json.getBytes(StandardCharsets.UTF_8), true));
    }

    public void behave(String command, Behaviour behaviour) {
        behaviours.put(command, behaviour);
    }

    /** Commands received, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    public static Behaviour replyWith(byte[] bytes, boolean nulTerminated) {
        return (socket, out) -> {
            out.write(bytes);
            if (nulTerminated) {
                out.write(0);
            }
            out.flush();
        };
    }

    /** Closes without a byte, as newer Vnish builds do for commands they do not serve. */
    public static Behaviour silentClose() {
        return (socket, out) -> { };
    }

    /** Sends {@code bytes} one chunk at a time with a pause between chunks. */
    public static Behaviour drip(byte[] bytes, int chunk, long pauseMillis) {
        return (socket, out) -> {
            for (int i = 0; i < bytes.length; i += chunk) {
                out.write(bytes, i, Math.min(chunk, bytes.length - i));
                out.flush();
                Thread.sleep(pauseMillis);
            }
        };
    }

    /** Accepts and says nothing until the client gives up (or 10 s pass). */
    public static Behaviour stall() {
        return (socket, out) -> {
            socket.setSoTimeout(10_000);
            try {
                while (socket.getInputStream().read() >= 0) {
                    // Drain until the client closes.
                }
            } catch (SocketTimeoutException e) {
                // The client never closed; the test is long over.
            }
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> handle(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            String command = readCommand(socket);
            received.add(command);
            Behaviour behaviour = behaviours.getOrDefault(command,
                    replyWith(INVALID_COMMAND.getBytes(StandardCharsets.UTF_8), true));
            behaviour.serve(socket, socket.getOutputStream());
        } catch (IOException e) {
            // The client hung up mid-reply (it timed out or refused a huge reply): expected in these tests.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readCommand(Socket socket) throws IOException {
        socket.setSoTimeout(2_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            request.write(b);
            if (b == '}') {
                break;
            }
        }
        Matcher m = COMMAND.matcher(request.toString(StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : "";
    }
}
