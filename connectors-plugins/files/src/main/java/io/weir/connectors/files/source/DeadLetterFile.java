package io.weir.connectors.files.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The dead-letter file of one {@link FileBlock}: malformed lines as JSON objects, one per line
 * ({@code file, line, column, offset, reason, text}), named {@code <file name>@<block start>-<crc32 of the path>.jsonl}.
 *
 * <p>Exactly once: a checkpoint records the file's length (after an fsync) in the block's position; opening the
 * block again truncates the file to that length, so lines written after the checkpoint and before a failure
 * are written once more, not twice. The file is created at the first malformed line.
 *
 * <h2>Thread safety</h2>
 * Confined to one reader thread.
 */
final class DeadLetterFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path path;
    private FileChannel channel;
    private long size;

    private DeadLetterFile(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** The dead-letter file of {@code block} in {@code folder}, cut back to the block's recorded length. */
    static DeadLetterFile open(Path folder, FileBlock block) throws IOException {
        Path path = folder.resolve(name(block));
        if (!Files.exists(path)) {
            if (block.deadLetterBytes() > 0) {
                throw new IOException("dead-letter file " + path + " is missing, but the checkpoint says it held "
                        + block.deadLetterBytes() + " bytes");
            }
            return new DeadLetterFile(path, null, 0);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
        long existing = channel.size();
        if (existing < block.deadLetterBytes()) {
            channel.close();
            throw new IOException("dead-letter file " + path + " holds " + existing + " bytes, but the checkpoint says "
                    + block.deadLetterBytes());
        }
        channel.truncate(block.deadLetterBytes());
        return new DeadLetterFile(path, channel, block.deadLetterBytes());
    }

    /** {@code <file name>@<start>-<crc32 of the absolute path, hex>.jsonl}. */
    static String name(FileBlock block) {
        CRC32 crc = new CRC32();
        crc.update(block.path().getBytes(StandardCharsets.UTF_8));
        String fileName = Path.of(block.path()).getFileName().toString();
        return fileName + "@" + block.start() + "-" + String.format("%08x", crc.getValue()) + ".jsonl";
    }

    /** Appends {@code malformed} as one JSON line. */
    void write(MalformedLine malformed) throws IOException {
        if (channel == null) {
            Files.createDirectories(path.getParent());
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            size = 0;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("file", malformed.file());
        node.put("line", malformed.line());
        node.put("column", malformed.column());
        node.put("offset", malformed.offset());
        node.put("reason", malformed.reason());
        node.put("text", malformed.text());
        byte[] bytes = (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, size + buffer.position());
        }
        size += bytes.length;
    }

    /** Forces what was written to disk and returns the length to record in a checkpoint. */
    long sync() throws IOException {
        if (channel != null) {
            channel.force(false);
        }
        return size;
    }

    /** The file's path. */
    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
