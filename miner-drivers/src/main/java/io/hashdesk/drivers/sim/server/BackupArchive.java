package io.hashdesk.drivers.sim.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The settings backup: like the firmware's, a gzip'd tar; here it holds one file, {@code settings.json}, the
 * settings document. {@code POST /settings/restore} takes it back as the multipart field {@code file}.
 */
final class BackupArchive {

    static final String ENTRY = "settings.json";
    private static final int BLOCK = 512;
    private static final int NAME_LENGTH = 100;
    private static final int MODE_OFFSET = 100;
    private static final int SIZE_OFFSET = 124;
    private static final int MTIME_OFFSET = 136;
    private static final int CHECKSUM_OFFSET = 148;
    private static final int CHECKSUM_LENGTH = 8;
    private static final int TYPE_OFFSET = 156;
    private static final int MAGIC_OFFSET = 257;
    private static final int SIZE_LENGTH = 12;
    private static final int OCTAL = 8;
    private static final int MAX_ENTRY_BYTES = 1024 * 1024;

    private BackupArchive() {
    }

    static byte[] write(byte[] settingsJson, long epochSeconds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] header = new byte[BLOCK];
            put(header, 0, ENTRY);
            put(header, MODE_OFFSET, "0000644\0");
            put(header, SIZE_OFFSET, String.format(Locale.ROOT, "%011o\0", settingsJson.length));
            put(header, MTIME_OFFSET, String.format(Locale.ROOT, "%011o\0", epochSeconds));
            header[TYPE_OFFSET] = '0';
            put(header, MAGIC_OFFSET, "ustar\0" + "00");
            Arrays.fill(header, CHECKSUM_OFFSET, CHECKSUM_OFFSET + CHECKSUM_LENGTH, (byte) ' ');
            int sum = 0;
            for (byte b : header) {
                sum += b & 0xFF;
            }
            put(header, CHECKSUM_OFFSET, String.format(Locale.ROOT, "%06o\0 ", sum));
            gzip.write(header);
            gzip.write(settingsJson);
            gzip.write(new byte[padding(settingsJson.length)]);
            gzip.write(new byte[2 * BLOCK]);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The settings JSON inside a backup, or empty when the bytes are not such an archive. */
    static Optional<byte[]> read(byte[] archive) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
            while (true) {
                byte[] header = in.readNBytes(BLOCK);
                if (header.length < BLOCK || header[0] == 0) {
                    return Optional.empty();
                }
                String name = text(header, 0, NAME_LENGTH);
                long size = Long.parseLong(text(header, SIZE_OFFSET, SIZE_LENGTH).strip(), OCTAL);
                if (size < 0 || size > MAX_ENTRY_BYTES) {
                    return Optional.empty();
                }
                byte[] data = in.readNBytes((int) size);
                in.readNBytes(padding((int) size));
                if (name.equals(ENTRY) || name.endsWith("/" + ENTRY)) {
                    return Optional.of(data);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The bytes of the multipart form field {@code field}, if the request carries one. */
    static Optional<byte[]> formField(HttpRequest request, String field) {
        String type = request.header("content-type").orElse("");
        int at = type.toLowerCase(Locale.ROOT).indexOf("boundary=");
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || at < 0) {
            return Optional.empty();
        }
        String boundary = type.substring(at + "boundary=".length()).split(";")[0].strip().replace("\"", "");
        byte[] body = request.body();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headersStart = start + delimiter.length + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0 || next < 0) {
                return Optional.empty();
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            if (headers.toLowerCase(Locale.ROOT).contains("name=\"" + field + "\"")) {
                return Optional.of(Arrays.copyOfRange(body, headersEnd + 4, next));
            }
            start = next + 2;
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int padding(int size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
