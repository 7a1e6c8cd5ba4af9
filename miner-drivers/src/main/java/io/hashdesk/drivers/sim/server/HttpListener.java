package io.hashdesk.drivers.sim.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A deliberately small HTTP/1.1 server for one simulated miner's port: requests with Content-Length or chunked
 * bodies, {@code Expect: 100-continue}, keep-alive, an idle timeout. Each connection runs on its own virtual thread,
 * so ten thousand miners cost ten thousand parked threads, not ten thousand platform threads (which the JDK's
 * {@code HttpServer} would need: it starts a dispatcher and a timer thread per server).
 */
final class HttpListener {

    private static final int MAX_LINE_BYTES = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final int HEX = 16;

    private HttpListener() {
    }

    /** Thrown for a request the listener will not serve; answered with a 400 and a closed connection. */
    static final class BadRequestException extends IOException {
        BadRequestException(String message) {
            super(message);
        }
    }

    /**
     * Serves requests on {@code socket} until the client closes, goes idle or a reply says to close; a null reply
     * from the handler drops the connection without an answer.
     */
    static void serve(Socket socket, Duration idleTimeout, Function<HttpRequest, HttpResponse> handler)
            throws IOException {
        socket.setSoTimeout((int) idleTimeout.toMillis());
        socket.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        while (true) {
            HttpRequest request;
            try {
                request = read(in, out);
            } catch (SocketTimeoutException idle) {
                return;
            } catch (BadRequestException bad) {
                write(out, HttpResponse.json(400, "{\"err\":\"" + bad.getMessage() + "\"}"), true);
                return;
            }
            if (request == null) {
                return;
            }
            HttpResponse response = handler.apply(request);
            if (response == null) {
                return;
            }
            boolean close = response.closeAfter() || wantsClose(request);
            write(out, response, close);
            if (close) {
                return;
            }
        }
    }

    private static boolean wantsClose(HttpRequest request) {
        return request.header("connection").map(v -> v.equalsIgnoreCase("close")).orElse(false);
    }

    /** The next request, or null when the client closed the connection between requests. */
    private static HttpRequest read(InputStream in, OutputStream out) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequestException("malformed request line");
        }
        Map<String, String> headers = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine(in);
            if (line == null) {
                throw new BadRequestException("headers cut short");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || count >= MAX_HEADERS) {
                throw new BadRequestException("malformed header");
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body = readBody(in, headers);
        String target = parts[1];
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        return new HttpRequest(parts[0], path, query, headers, body);
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return readChunked(in);
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        int size;
        try {
            size = Integer.parseInt(length.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("malformed Content-Length");
        }
        if (size < 0 || size > MAX_BODY_BYTES) {
            throw new BadRequestException("body too large");
        }
        return readExactly(in, size);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new BadRequestException("chunked body cut short");
            }
            int size;
            try {
                size = Integer.parseInt(sizeLine.split(";")[0].strip(), HEX);
            } catch (NumberFormatException e) {
                throw new BadRequestException("malformed chunk size");
            }
            if (size == 0) {
                skipTrailers(in);
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY_BYTES) {
                throw new BadRequestException("body too large");
            }
            body.write(readExactly(in, size));
            readLine(in);
        }
    }

    /** Trailer lines after the last chunk carry nothing the simulator needs; reads up to the empty line. */
    private static void skipTrailers(InputStream in) throws IOException {
        String line = readLine(in);
        while (line != null && !line.isEmpty()) {
            line = readLine(in);
        }
    }

    private static byte[] readExactly(InputStream in, int size) throws IOException {
        byte[] data = in.readNBytes(size);
        if (data.length != size) {
            throw new BadRequestException("body cut short");
        }
        return data;
    }

    /** A CRLF- (or LF-) terminated ASCII line without its terminator; null at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new BadRequestException("line too long");
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new BadRequestException("connection closed mid-line");
    }

    private static void write(OutputStream out, HttpResponse response, boolean close) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status()))
                .append("\r\n");
        if (response.contentType() != null) {
            head.append("Content-Type: ").append(response.contentType()).append("\r\n");
        }
        head.append("Content-Length: ").append(response.declaredLength()).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(response.body());
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 507 -> "Insufficient Storage";
            default -> "Status";
        };
    }

    /** Opens a loopback listening socket that can be reopened on the same port right after a close. */
    static ServerSocket open(int port, int backlog) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), backlog);
        return socket;
    }

    static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing a socket that is already gone has nothing left to report
        }
    }
}
