package io.hashdesk.core.market;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file as lines of cells: UTF-8 text (a byte-order mark from a spreadsheet is dropped), comma separated,
 * cells optionally in double quotes with {@code ""} for a quote inside. Refuses what cannot be a CSV text file.
 */
final class CsvText {

    /** One line of the file with its 1-based number; {@code cells} is null when its quoting is broken. */
    record Line(int number, List<String> cells) {
    }

    private static final char BOM = '\uFEFF';
    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    private CsvText() {
    }

    /** The file's lines, blank ones dropped; the first is the header. */
    static List<Line> read(Path file, long maxBytes) throws CsvFileException {
        String name = file.getFileName().toString();
        String text = decode(name, bytes(file, name, maxBytes));
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new CsvFileException(name + " is empty; a market CSV file starts with a header line such as "
                    + MarketCsvImport.EXAMPLE_HEADER);
        }
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            if (!line.isBlank() || i == 0) {
                lines.add(new Line(i + 1, cells(line)));
            }
        }
        return lines;
    }

    private static byte[] bytes(Path file, String name, long maxBytes) throws CsvFileException {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new CsvFileException(name + " is " + size(size) + ", over the " + size(maxBytes)
                        + " limit for a market CSV file; split it into smaller files");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CsvFileException(name + " does not exist (" + file.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new CsvFileException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String decode(String name, byte[] bytes) throws CsvFileException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new CsvFileException(name + " is not a CSV text file: it holds binary data (a zero byte at"
                        + " byte " + (i + 1) + ")");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new CsvFileException(name + " is not UTF-8 text (byte " + (firstBadByte(bytes) + 1)
                    + " is not UTF-8); save it from the spreadsheet as \"CSV UTF-8\"", e);
        } catch (CharacterCodingException e) {
            throw new CsvFileException(name + " is not UTF-8 text: " + e.getMessage(), e);
        }
    }

    /** The 0-based offset of the first byte strict UTF-8 decoding stops at. */
    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        utf8.decode(in, out, true);
        return in.position();
    }

    /** Splits one line at commas outside quotes; null when a quoted cell is not closed. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** A cell quoted for a message, cut short when long (a binary line, a pasted paragraph). */
    static String quoteCell(String cell) {
        return ReplyJson.quote(cell);
    }

    private static String size(long bytes) {
        if (bytes < KIB) {
            return bytes + " bytes";
        }
        return bytes < MIB ? String.format(Locale.ROOT, "%.1f KB", bytes / (double) KIB)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (double) MIB);
    }
}
