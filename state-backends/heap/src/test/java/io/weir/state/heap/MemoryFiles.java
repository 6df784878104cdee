package io.weir.state.heap;

import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.checkpoint.StateOutputStream;
import io.weir.spi.state.SnapshotWriter;
import io.weir.spi.state.StateFileReader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helper: state files in memory, as a {@link SnapshotWriter} and a {@link StateFileReader}. */
final class MemoryFiles implements SnapshotWriter, StateFileReader {
    final Map<String, byte[]> files = new LinkedHashMap<>();

    @Override
    public StateOutputStream createStateFile(String name) throws IOException {
        String unique = name;
        for (int i = 2; files.containsKey(unique); i++) {
            unique = name + "-" + i; // as the runtime's writer may, it makes names unique
        }
        String file = unique;
        files.put(file, null);
        return new StateOutputStream() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private StateFileHandle handle;

            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() {
                if (handle == null) {
                    files.put(file, bytes.toByteArray());
                    handle = new StateFileHandle(file, bytes.size());
                }
            }

            @Override
            public StateFileHandle handle() {
                if (handle == null) {
                    throw new IllegalStateException("not closed");
                }
                return handle;
            }
        };
    }

    @Override
    public InputStream open(StateFileHandle handle) throws IOException {
        byte[] bytes = files.get(handle.path());
        if (bytes == null) {
            throw new IOException("state file '" + handle.path() + "' does not exist");
        }
        return new ByteArrayInputStream(bytes);
    }
}
