package io.weir.connectors.files.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads the lines that one {@link FileBlock} owns, as bytes: from {@code offset} (or, at the block's start,
 * from the first line start at or after {@code start}) while a line starts before {@code end}. A line ends
 * at {@code \n} (a {@code \r} before it is dropped) or at the end of the file. {@code \n} never occurs inside
 * a multi-byte UTF-8 sequence, so cutting at byte positions never splits a character.
 *
 * <h2>Thread safety</h2>
 * Confined to one reader thread.
 */
final class LineReader implements AutoCloseable {
    static final int BUFFER = 64 * 1024;
    private final FileChannel channel;
    private final long end;
    private final byte[] window;
    private final int maxLineLength;
    private boolean tooLong;
    private long windowStart;
    private int windowLength;
    private byte[] line = new byte[256];
    private int lineLength;
    private long lineStart;
    private long position;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * Opens {@code block}'s file positioned at its next line; a line longer than {@code maxLineLength} bytes is
     * kept only up to that length and marked {@link #tooLong()}.
     */
    LineReader(Path file, FileBlock block, int bufferSize, int maxLineLength) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.end = block.end();
        this.maxLineLength = maxLineLength;
        this.window = new byte[bufferSize];
        try {
            this.position = block.offset() == block.start() && block.start() > 0 ? firstLineStartFrom(block.start())
                    : block.offset();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    LineReader(Path file, FileBlock block, int bufferSize) throws IOException {
        this(file, block, bufferSize, Integer.MAX_VALUE - 16);
    }

    /** The offset of the first line that starts at or after {@code start}: the byte after the first {@code \n} from {@code start - 1}. */
    private long firstLineStartFrom(long start) throws IOException {
        long p = start - 1;
        while (true) {
            if (!load(p)) {
                return p; // the end of the file: no line starts in the block
            }
            int i = (int) (p - windowStart);
            int nl = indexOfNewline(window, i, windowLength);
            if (nl >= 0) {
                return windowStart + nl + 1;
            }
            p = windowStart + windowLength;
        }
    }

    /**
     * Reads the next line of the block; {@code false} when the block has no more (the next line starts at or
     * after {@code end}, or the file ends).
     */
    boolean next() throws IOException {
        if (position >= end) {
            return false;
        }
        long p = position;
        lineLength = 0;
        tooLong = false;
        boolean terminated = false;
        while (load(p)) {
            int i = (int) (p - windowStart);
            int nl = indexOfNewline(window, i, windowLength);
            if (nl >= 0) {
                append(i, nl - i);
                p = windowStart + nl + 1;
                terminated = true;
                break;
            }
            append(i, windowLength - i);
            p = windowStart + windowLength;
        }
        if (!terminated && p == position) {
            return false; // end of file exactly at a line start
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r' && !tooLong) {
            lineLength--;
        }
        lineStart = position;
        position = p;
        return true;
    }

    /** Makes {@code p} readable in the window; {@code false} at the end of the file. */
    private boolean load(long p) throws IOException {
        if (p >= windowStart && p < windowStart + windowLength) {
            return true;
        }
        ByteBuffer buffer = ByteBuffer.wrap(window);
        int n = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, p + n);
            if (read < 0) {
                break;
            }
            n += read;
        }
        windowStart = p;
        windowLength = n;
        return n > 0;
    }

    private void append(int from, int length) {
        if ((long) lineLength + length > maxLineLength) {
            tooLong = true;
            length = maxLineLength - lineLength;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineLength, Math.max((long) line.length * 2, (long) lineLength + length)));
        }
        System.arraycopy(window, from, line, lineLength, length);
        lineLength += length;
    }

    private static int indexOfNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The current line, decoded strictly as UTF-8. */
    String text() throws CharacterCodingException {
        boolean ascii = true;
        for (int i = 0; i < lineLength; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
        }
        CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, lineLength));
        return chars.toString();
    }

    /** The current line with bytes that are not UTF-8 replaced by U+FFFD. */
    String lenientText() {
        return new String(line, 0, lineLength, StandardCharsets.UTF_8);
    }

    /** {@code true} if the current line is empty or white space only (ASCII). */
    boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    /** {@code true} if the current line is longer than the limit (its text is cut there). */
    boolean tooLong() {
        return tooLong;
    }

    /** The offset of the current line's first byte. */
    long lineStart() {
        return lineStart;
    }

    /** The offset where the next line starts (where reading resumes). */
    long position() {
        return position;
    }

    /** The 1-based number of the line that starts at {@code offset}: one more than the line breaks before it. */
    long lineNumberAt(long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long count = 0;
        long p = 0;
        while (p < offset) {
            buffer.clear();
            buffer.limit((int) Math.min(BUFFER, offset - p));
            int read = channel.read(buffer, p);
            if (read < 0) {
                break;
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    count++;
                }
            }
            p += read;
        }
        return count + 1;
    }

    /** The file's first line (the header), or {@code null} when the file is empty. */
    String firstLine() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        long p = 0;
        while (true) {
            buffer.clear();
            int read = channel.read(buffer, p);
            if (read <= 0) {
                break;
            }
            int nl = indexOfNewline(buffer.array(), 0, read);
            if (nl >= 0) {
                bytes.write(buffer.array(), 0, nl);
                p = -1;
                break;
            }
            bytes.write(buffer.array(), 0, read);
            p += read;
        }
        if (bytes.size() == 0 && p == 0) {
            return null;
        }
        byte[] header = bytes.toByteArray();
        int length = header.length > 0 && header[header.length - 1] == '\r' ? header.length - 1 : header.length;
        return decoder.reset().decode(ByteBuffer.wrap(header, 0, length)).toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
