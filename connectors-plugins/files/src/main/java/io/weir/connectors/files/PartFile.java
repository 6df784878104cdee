package io.weir.connectors.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One part file being written under its staging name: a buffered stream over a {@link FileChannel}
 * that counts the bytes written. {@link #finish()} makes it durable (flush, fsync, close);
 * {@link #abandon()} closes it as it is. {@link #close()} does nothing, so that an encoder that closes
 * the stream it was given does no harm.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: owned by one writer.
 */
final class PartFile extends OutputStream {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final FileCommittable committable;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    private long size;

    private PartFile(FileCommittable committable, FileChannel channel) {
        this.committable = committable;
        this.channel = channel;
    }

    /** Creates the staging file, which must not exist yet. */
    static PartFile create(FileCommittable committable) throws IOException {
        Path staging = committable.stagingFile();
        return new PartFile(committable, FileChannel.open(staging, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
    }

    FileCommittable committable() {
        return committable;
    }

    /** Bytes written so far, buffered ones included. */
    long size() {
        return size;
    }

    @Override
    public void write(int b) throws IOException {
        if (!buffer.hasRemaining()) {
            drain();
        }
        buffer.put((byte) b);
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.remaining()) {
            drain();
            if (length > buffer.capacity()) {
                writeFully(ByteBuffer.wrap(bytes, offset, length));
                size += length;
                return;
            }
        }
        buffer.put(bytes, offset, length);
        size += length;
    }

    /** Hands the buffered bytes to the operating system (not durable yet). */
    @Override
    public void flush() throws IOException {
        drain();
    }

    /** Ignored: the writer decides when the part ends. */
    @Override
    public void close() {
    }

    /** Flushes, fsyncs and closes: the part's bytes are durable. */
    void finish() throws IOException {
        try (channel) {
            drain();
            channel.force(true);
        }
    }

    /** Closes without flushing what is buffered: the staging file is left as a leftover. */
    void abandon() throws IOException {
        channel.close();
    }

    private void drain() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
