package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;

/** What a file source does with a line its format cannot read ({@code on-malformed}). None drops it silently. */
@Evolving
public enum OnMalformed {
    /** Fail the job with a {@link MalformedLineException} naming the file, line and column (the default). */
    FAIL,
    /**
     * Emit it as a {@link FileRecord.Malformed} among the records ({@link FileSource.Builder#buildWithMalformedLines()});
     * {@link FileRecord#splitMalformed()} routes it to the side output {@link MalformedLine#TAG}.
     */
    SIDE_OUTPUT,
    /** Append it, as one JSON object per line, to a dead-letter file per file block in a folder of your choice. */
    DEAD_LETTER
}
