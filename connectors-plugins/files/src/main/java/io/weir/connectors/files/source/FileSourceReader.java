package io.weir.connectors.files.source;

import io.weir.api.time.Clock;
import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SplitReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads its {@link FileBlock}s one after the other, at most {@value #BATCH} lines per {@code pollNext}, and
 * asks for the next block when one ends. Its position in the current block is the offset of the next line,
 * the number of that line when known, and the length of the block's dead-letter file.
 *
 * <p>Line numbers: a block that starts at byte 0 counts its lines as it reads; one that starts later does not
 * know its first line's number and counts the line breaks before it only when a malformed line needs the
 * number (once per block), then keeps counting.
 *
 * <h2>Thread safety</h2>
 * Confined to the subtask's thread.
 *
 * @param <T> what the format produces
 */
final class FileSourceReader<T> implements SplitReader<Object, FileSplit> {
    static final int BATCH = 256;
    private final FileSource<?> source;
    private final LineFormat<T> format;
    private final ReaderContext context;
    private final Clock clock;
    private final ArrayDeque<FileBlock> queue = new ArrayDeque<>();
    private boolean noMoreSplits;
    private long lastRequest;
    // the block being read
    private FileBlock block;
    private LineReader lines;
    private LineFormat.Parser<T> parser;
    private long nextLine;
    private DeadLetterFile deadLetters;

    FileSourceReader(FileSource<?> source, LineFormat<T> format, ReaderContext context) {
        this.source = source;
        this.format = format;
        this.context = context;
        this.clock = FileSource.clock(context.configuration());
    }

    @Override
    public void start() {
        request();
    }

    private void request() {
        lastRequest = clock.currentTimeMillis();
        context.sendSplitRequest();
    }

    @Override
    public void addSplits(List<FileSplit> splits) {
        for (FileSplit split : splits) {
            if (split instanceof FileBlock b) {
                queue.add(b);
            }
        }
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
    }

    @Override
    public ReadStatus pollNext(SourceOutput<Object> output) throws IOException {
        if (block == null) {
            FileBlock next = queue.poll();
            if (next == null) {
                if (noMoreSplits) {
                    return ReadStatus.END_OF_INPUT;
                }
                long interval = source.monitorIntervalMillis();
                if (interval > 0 && clock.currentTimeMillis() - lastRequest >= interval) {
                    request(); // lets the enumerator list the folder again while this reader waits
                }
                return ReadStatus.NOTHING_AVAILABLE;
            }
            open(next);
        }
        for (int n = 0; n < BATCH; n++) {
            if (!lines.next()) {
                finishBlock();
                request();
                return ReadStatus.MORE_AVAILABLE;
            }
            long number = nextLine;
            if (nextLine > 0) {
                nextLine++;
            }
            if (lines.lineStart() == 0 && format.hasHeader()) {
                continue;
            }
            if (format.skipsBlankLines() && lines.isBlank()) {
                continue;
            }
            T record;
            try {
                if (lines.tooLong()) {
                    throw new LineFormatException("the line is longer than " + source.maxLineLength() + " bytes",
                            LineFormatException.UNKNOWN_COLUMN);
                }
                String text;
                try {
                    text = lines.text();
                } catch (CharacterCodingException e) {
                    throw new LineFormatException("not valid UTF-8", LineFormatException.UNKNOWN_COLUMN, e);
                }
                record = parser.parse(text);
            } catch (LineFormatException e) {
                malformed(number, e, output);
                continue;
            }
            output.collect(source.tagged() ? new FileRecord.Value<>(record) : record);
        }
        return ReadStatus.MORE_AVAILABLE;
    }

    private void open(FileBlock next) throws IOException {
        Path file = Path.of(next.path());
        lines = new LineReader(file, next, LineReader.BUFFER, source.maxLineLength());
        block = next;
        nextLine = next.line();
        if (source.onMalformed() == OnMalformed.DEAD_LETTER) {
            deadLetters = DeadLetterFile.open(source.deadLetterFolder(), next);
        }
        String header = null;
        if (format.hasHeader()) {
            try {
                header = lines.firstLine();
            } catch (CharacterCodingException e) {
                throw new MalformedLineException(new MalformedLine(next.path(), 1, 0, 0, "", "header is not valid UTF-8"), e);
            }
        }
        try {
            parser = format.open(header);
        } catch (LineFormatException e) {
            // a bad header makes every row of the file unreadable: always an error
            throw new MalformedLineException(new MalformedLine(next.path(), 1, e.column(), 0,
                    header == null ? "" : header, "bad header: " + e.reason()), e);
        }
    }

    private void malformed(long number, LineFormatException e, SourceOutput<Object> output) throws IOException {
        long lineNumber = number;
        if (lineNumber == 0) {
            lineNumber = lines.lineNumberAt(lines.lineStart());
            nextLine = lineNumber + 1;
        }
        String text = lines.lenientText();
        if (lines.tooLong() && text.length() > 1024) {
            text = text.substring(0, 1024) + "...";
        }
        MalformedLine bad = new MalformedLine(block.path(), lineNumber, e.column(), lines.lineStart(), text, e.reason());
        switch (source.onMalformed()) {
            case FAIL -> throw new MalformedLineException(bad, e);
            case SIDE_OUTPUT -> output.collect(new FileRecord.Malformed<>(bad));
            case DEAD_LETTER -> deadLetters.write(bad);
        }
    }

    private void finishBlock() throws IOException {
        if (deadLetters != null) {
            deadLetters.sync();
        }
        closeBlock();
    }

    private void closeBlock() throws IOException {
        try (LineReader l = lines; DeadLetterFile d = deadLetters) {
            block = null;
            lines = null;
            deadLetters = null;
            parser = null;
        }
    }

    @Override
    public List<FileSplit> snapshotState(long checkpointId) {
        List<FileSplit> state = new ArrayList<>(queue.size() + 1);
        if (block != null) {
            try {
                long deadLetterBytes = deadLetters == null ? 0 : deadLetters.sync();
                state.add(block.at(lines.position(), nextLine, deadLetterBytes));
            } catch (IOException e) {
                throw new UncheckedIOException("files source: cannot sync the dead-letter file of " + block.splitId(), e);
            }
        }
        state.addAll(queue);
        return state;
    }

    @Override
    public void close() throws IOException {
        if (block != null) {
            closeBlock();
        }
    }
}
