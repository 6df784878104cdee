package io.weir.connectors.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a part file: {@code part-<subtask>-<transaction>-<sequence>} once visible, and
 * {@code .part-<subtask>-<transaction>-<sequence>.inprogress} while staged (hidden: a leading dot).
 *
 * <ul>
 *   <li>{@code subtask}: the index of the subtask that wrote it, so that after a restore each
 *       subtask finds its own leftovers (and subtask 0 those of indexes that no longer exist).</li>
 *   <li>{@code transaction}: the id of the checkpoint after which the file was opened, plus one: a
 *       lower bound of the checkpoint that pre-commits it. A staged file whose transaction is above the
 *       restored checkpoint's id was therefore pre-committed by no completed checkpoint: a leftover.</li>
 *   <li>{@code sequence}: per subtask index, one more than the highest found in the directory when the
 *       writer started, so that names never repeat, also across restarts and jobs.</li>
 * </ul>
 *
 * @param subtask     the writing subtask's index
 * @param transaction the transaction number (see above)
 * @param sequence    the per-subtask sequence number
 */
record PartName(int subtask, long transaction, long sequence) {
    static final String PREFIX = "part-";
    static final String STAGING_SUFFIX = ".inprogress";
    private static final Pattern PATTERN = Pattern.compile("(\\.?)part-(\\d+)-(\\d+)-(\\d+)(\\.inprogress)?");

    PartName {
        if (subtask < 0 || transaction < 0 || sequence < 0) {
            throw new IllegalArgumentException("negative part name component: " + subtask + "/" + transaction
                    + "/" + sequence);
        }
    }

    /** The visible name. */
    String finalName() {
        return PREFIX + subtask + "-" + transaction + "-" + sequence;
    }

    /** The hidden name while the part is written and until it is committed. */
    String stagingName() {
        return "." + finalName() + STAGING_SUFFIX;
    }

    /** A parsed file name, or empty for a file that is not a part file. */
    static Optional<Parsed> parse(String fileName) {
        Matcher m = PATTERN.matcher(fileName);
        if (!m.matches() || m.group(1).isEmpty() != (m.group(5) == null)) {
            return Optional.empty();
        }
        try {
            PartName name = new PartName(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)));
            return Optional.of(new Parsed(name, m.group(5) != null));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A part file found in the directory: its name and whether it is still staged. */
    record Parsed(PartName name, boolean staging) {
    }
}
