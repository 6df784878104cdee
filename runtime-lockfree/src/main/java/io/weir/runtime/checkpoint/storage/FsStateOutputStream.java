package io.weir.runtime.checkpoint.storage;

import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.checkpoint.StateOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A state file being written: buffered, and on {@link #close()} flushed and fsynced, after which
 * {@link #handle()} names it (relative to the checkpoint's folder) with its size. Errors name the file.
 */
final class FsStateOutputStream extends StateOutputStream {
    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final String relativePath;
    private final FileChannel channel;
    private final OutputStream out;
    private long size;
    private boolean closed;
    private StateFileHandle handle;

    FsStateOutputStream(Path file, String relativePath, FileChannel channel) {
        this.file = file;
        this.relativePath = relativePath;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    @Override
    public void write(int b) throws IOException {
        requireOpen();
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        requireOpen();
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
        size += length;
    }

    @Override
    public void flush() throws IOException {
        requireOpen();
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw failed(e);
        }
        handle = new StateFileHandle(relativePath, size);
    }

    @Override
    public StateFileHandle handle() {
        if (handle == null) {
            throw new IllegalStateException("state file '" + file + "' has no handle: "
                    + (closed ? "closing it failed" : "close the stream first"));
        }
        return handle;
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("state file '" + file + "' is closed");
        }
    }

    private IOException failed(IOException e) {
        return new IOException("writing state file '" + file + "' failed: " + e, e);
    }
}
