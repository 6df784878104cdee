package io.weir.connectors.files.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines of a file, read block by block at every block size from 1 byte to the whole file, are exactly the
 * file's lines in order: lines crossing block ends, CRLF, empty lines, a last line without a line break and
 * multi-byte UTF-8 characters cut by a block boundary.
 */
class BlockSplittingTest {
    @TempDir
    Path dir;

    /** The reference: split at \n, drop a \r before it, no line after a final \n. */
    static List<String> model(String content) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < content.length()) {
            int nl = content.indexOf('\n', from);
            int to = nl < 0 ? content.length() : nl;
            String line = content.substring(from, to);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            from = nl < 0 ? content.length() : nl + 1;
        }
        return lines;
    }

    private List<String> readInBlocks(Path file, long blockSize) throws Exception {
        FileDiscovery discovery = new FileDiscovery(List.of(file), blockSize);
        List<String> lines = new ArrayList<>();
        for (FileBlock block : discovery.blocks(file.toString(), Files.size(file))) {
            try (LineReader reader = new LineReader(file, block, 7)) { // a tiny buffer: lines cross buffer ends too
                while (reader.next()) {
                    lines.add(reader.text());
                }
            }
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a\nbb\r\nccc\n\n\ndddd",
            "only one line without a break",
            "\n\n\n",
            "\r\n\r\nx\r\n",
            "h\u00e9llo w\u00f6rld\n\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8\n\u00e9moji \ud83d\ude00 ok\r\nlast \u20ac",
            "\ud83d\ude00\ud83d\ude00\ud83d\ude00\n\u00e9\u00e9\u00e9\u00e9\n",
            "ends with a break\n",
            "x"})
    void shouldReadEveryLineOnceAtEveryBlockSize(String content) throws Exception {
        Path file = dir.resolve("f.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        int size = (int) Files.size(file);
        for (int blockSize = 1; blockSize <= size + 1; blockSize++) {
            assertThat(readInBlocks(file, blockSize)).as("block size %d", blockSize).isEqualTo(model(content));
        }
        assertThat(readInBlocks(file, 0)).as("whole file").isEqualTo(model(content));
    }

    @Test
    void shouldReadNothingFromAnEmptyFile() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.txt"), "");
        assertThat(new FileDiscovery(List.of(file), 10).blocks(file.toString(), 0)).isEmpty();
    }

    @Test
    void shouldMatchTheModelOnRandomFilesAndBlockSizes() throws Exception {
        String[] pieces = {"a", "bc", "\u00e9", "\u20ac", "\ud83d\ude00", " ", ",", "\n", "\r\n", "\n\n", "xyz"};
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String content = sb.toString();
            Path file = Files.writeString(dir.resolve("r" + round + ".txt"), content, StandardCharsets.UTF_8);
            long blockSize = 1 + random.nextInt(Math.max(1, (int) Files.size(file)) + 1);
            assertThat(readInBlocks(file, blockSize)).as("round %d, block size %d: %s", round, blockSize, content)
                    .isEqualTo(model(content));
        }
    }

    @Test
    void shouldSkipHiddenFilesAndFolders() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a\n");
        Files.writeString(dir.resolve(".b.txt"), "b\n");
        Files.writeString(dir.resolve("_c.txt"), "c\n");
        Files.createDirectories(dir.resolve("sub/_tmp"));
        Files.writeString(dir.resolve("sub/d.txt"), "d\n");
        Files.writeString(dir.resolve("sub/_tmp/e.txt"), "e\n");

        List<FileBlock> blocks = new FileDiscovery(List.of(dir), 0).discover(new java.util.HashSet<>());

        assertThat(blocks).extracting(b -> dir.relativize(Path.of(b.path())).toString())
                .containsExactly("a.txt", "sub/d.txt");
    }
}
