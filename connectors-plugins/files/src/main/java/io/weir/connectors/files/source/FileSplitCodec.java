package io.weir.connectors.files.source;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores {@link FileSplit}s in checkpoints: a version byte, a kind byte, then the fields
 * ({@link FileBlock}: path, start, end, offset, line, dead-letter bytes; {@link DiscoveredFiles}: count, paths).
 */
final class FileSplitCodec implements Codec<FileSplit> {
    static final FileSplitCodec INSTANCE = new FileSplitCodec();
    private static final int VERSION = 1;
    private static final int BLOCK = 1;
    private static final int DISCOVERED = 2;

    private FileSplitCodec() {
    }

    @Override
    public void encode(FileSplit value, CodecOutput out) {
        out.writeByte(VERSION);
        switch (value) {
            case FileBlock b -> {
                out.writeByte(BLOCK);
                out.writeString(b.path());
                out.writeLong(b.start());
                out.writeLong(b.end());
                out.writeLong(b.offset());
                out.writeLong(b.line());
                out.writeLong(b.deadLetterBytes());
            }
            case DiscoveredFiles d -> {
                out.writeByte(DISCOVERED);
                out.writeInt(d.paths().size());
                d.paths().forEach(out::writeString);
            }
        }
    }

    @Override
    public FileSplit decode(CodecInput in) {
        int version = in.readByte();
        if (version != VERSION) {
            throw new CodecException("file split: unknown version " + version + " (this build reads " + VERSION + ")");
        }
        int kind = in.readByte();
        return switch (kind) {
            case BLOCK -> new FileBlock(in.readString(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    in.readLong());
            case DISCOVERED -> {
                int n = in.readInt();
                List<String> paths = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    paths.add(in.readString());
                }
                yield new DiscoveredFiles(paths);
            }
            default -> throw new CodecException("file split: unknown kind " + kind);
        };
    }
}
