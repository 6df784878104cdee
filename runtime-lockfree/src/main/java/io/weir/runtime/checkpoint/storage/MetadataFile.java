package io.weir.runtime.checkpoint.storage;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.spi.checkpoint.StateFileHandle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The layout of a checkpoint's {@code _metadata} file; integers big-endian, strings as
 * {@link io.weir.api.codec.CodecOutput#writeString} writes them.
 *
 * <pre>
 * 0        4         8             12               16
 * +--------+---------+-------------+----------------+----------------------------------------------+
 * | magic  | version | body length | crc32c of body | body                                         |
 * | "WCKP" | int     | int         | int            | (body length bytes)                          |
 * +--------+---------+-------------+----------------+----------------------------------------------+
 *
 * body: checkpoint id (long) | savepoint (byte 0/1) | payload length (int) | payload (the runtime's bytes) |
 *       file count (int) | per referenced file: path (string) | size (long)
 * </pre>
 *
 * A file that is shorter or longer than its header says, or whose body does not match its checksum, is
 * not a checkpoint's metadata: reading it throws an {@link IOException} naming the file.
 */
final class MetadataFile {
    static final int MAGIC = 0x57434B50;
    static final int VERSION = 1;
    static final int HEADER_LENGTH = 16;
    private static final int MAGIC_OFFSET = 0;
    private static final int VERSION_OFFSET = 4;
    private static final int LENGTH_OFFSET = 8;
    private static final int CHECKSUM_OFFSET = 12;

    /** What a metadata file holds. */
    record Contents(long checkpointId, boolean savepoint, byte[] payload, List<StateFileHandle> files) {
    }

    private MetadataFile() {
    }

    /** The bytes of a metadata file. */
    static byte[] encode(long checkpointId, boolean savepoint, byte[] payload, List<StateFileHandle> files) {
        ByteArrayCodecOutput body = new ByteArrayCodecOutput(payload.length + 64 + files.size() * 48);
        body.writeLong(checkpointId);
        body.writeBoolean(savepoint);
        body.writeInt(payload.length);
        body.writeBytes(payload, 0, payload.length);
        body.writeInt(files.size());
        for (StateFileHandle f : files) {
            body.writeString(f.path());
            body.writeLong(f.size());
        }
        CRC32C crc = new CRC32C();
        crc.update(body.array(), 0, body.size());
        ByteArrayCodecOutput file = new ByteArrayCodecOutput(HEADER_LENGTH + body.size());
        file.writeInt(MAGIC);
        file.writeInt(VERSION);
        file.writeInt(body.size());
        file.writeInt((int) crc.getValue());
        file.writeBytes(body.array(), 0, body.size());
        return file.toByteArray();
    }

    /**
     * Reads and verifies {@code file}.
     *
     * @throws IOException naming the file if it is missing, truncated, too long, corrupt or not a metadata file
     */
    static Contents read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("checkpoint metadata file '" + file + "' does not exist", e);
        }
        if (bytes.length < HEADER_LENGTH) {
            throw bad(file, "truncated: " + bytes.length + " bytes, shorter than its " + HEADER_LENGTH + "-byte header");
        }
        ByteArrayCodecInput header = new ByteArrayCodecInput(bytes, 0, HEADER_LENGTH);
        int magic = header.readInt();
        int version = header.readInt();
        int length = header.readInt();
        int checksum = header.readInt();
        if (magic != MAGIC) {
            throw bad(file, "not a checkpoint metadata file (magic 0x" + Integer.toHexString(magic) + ")");
        }
        if (version != VERSION) {
            throw bad(file, "unsupported version " + version + " (this build reads version " + VERSION + ")");
        }
        if (length < 0 || length != bytes.length - HEADER_LENGTH) {
            throw bad(file, (length > bytes.length - HEADER_LENGTH ? "truncated" : "corrupt") + ": its header announces "
                    + length + " bytes of content, the file has " + (bytes.length - HEADER_LENGTH));
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER_LENGTH, length);
        if ((int) crc.getValue() != checksum) {
            throw bad(file, "corrupt: checksum mismatch (the checkpoint is not usable)");
        }
        try {
            return parse(new ByteArrayCodecInput(bytes, HEADER_LENGTH, length));
        } catch (RuntimeException e) {
            throw bad(file, "malformed content: " + e.getMessage());
        }
    }

    private static Contents parse(ByteArrayCodecInput in) {
        long id = in.readLong();
        boolean savepoint = in.readBoolean();
        int payloadLength = in.readInt();
        in.require(payloadLength);
        byte[] payload = new byte[payloadLength];
        in.readBytes(payload, 0, payloadLength);
        int count = in.readInt();
        if (count < 0) {
            throw new IllegalStateException("negative file count " + count);
        }
        List<StateFileHandle> files = new ArrayList<>(Math.min(count, 4096));
        for (int i = 0; i < count; i++) {
            files.add(new StateFileHandle(in.readString(), in.readLong()));
        }
        if (in.remaining() != 0) {
            throw new IllegalStateException(in.remaining() + " bytes left over");
        }
        return new Contents(id, savepoint, payload, List.copyOf(files));
    }

    private static IOException bad(Path file, String why) {
        return new IOException("checkpoint metadata file '" + file + "': " + why);
    }
}
