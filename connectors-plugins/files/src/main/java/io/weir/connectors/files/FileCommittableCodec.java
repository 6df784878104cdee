package io.weir.connectors.files;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecException;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;

import java.nio.file.Path;

/**
 * The checkpoint format of a {@link FileCommittable}: a version byte (1), then the staging path and the
 * final path as strings. Stable across JVMs: no JVM-local ids.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
final class FileCommittableCodec implements Codec<FileCommittable> {
    static final FileCommittableCodec INSTANCE = new FileCommittableCodec();
    private static final int VERSION = 1;

    private FileCommittableCodec() {
    }

    @Override
    public void encode(FileCommittable value, CodecOutput out) {
        out.writeByte(VERSION);
        out.writeString(value.stagingFile().toString());
        out.writeString(value.finalFile().toString());
    }

    @Override
    public FileCommittable decode(CodecInput in) {
        int version = in.readByte();
        if (version != VERSION) {
            throw new CodecException("file sink committable has format version " + version
                    + ", this file sink reads version " + VERSION);
        }
        return new FileCommittable(Path.of(in.readString()), Path.of(in.readString()));
    }
}
