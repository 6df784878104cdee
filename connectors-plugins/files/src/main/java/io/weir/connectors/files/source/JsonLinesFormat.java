package io.weir.connectors.files.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.weir.api.annotation.Evolving;

import java.util.Objects;

/**
 * JSON Lines: one JSON value per line, parsed with Jackson into a tree ({@link #tree()}) or bound to a type of
 * yours ({@link #of(Class)}: records, beans, maps). Blank lines are skipped; text after the value, invalid JSON
 * and values that do not bind are {@link LineFormatException}s with the column Jackson reports.
 *
 * <pre>{@code
 * JsonLinesFormat.tree()                                  // JsonNode per line
 * JsonLinesFormat.of(Bid.class)                           // record Bid(long auction, long price)
 * JsonLinesFormat.tree().map(String.class, n -> n.get("name").asText())
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Immutable (Jackson's {@link ObjectReader} is).
 *
 * @param <T> record type
 */
@Evolving
public final class JsonLinesFormat<T> implements LineFormat<T> {
    private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper();

    private final Class<T> type;
    private final ObjectReader reader;

    private JsonLinesFormat(Class<T> type, ObjectMapper mapper) {
        this.type = Objects.requireNonNull(type, "type");
        this.reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Each line as a Jackson tree. */
    public static JsonLinesFormat<JsonNode> tree() {
        return new JsonLinesFormat<>(JsonNode.class, DEFAULT_MAPPER);
    }

    /** Each line bound to {@code type} with a default {@link ObjectMapper} (unknown properties are errors). */
    public static <T> JsonLinesFormat<T> of(Class<T> type) {
        return new JsonLinesFormat<>(type, DEFAULT_MAPPER);
    }

    /** Each line bound to {@code type} with {@code mapper}'s configuration. */
    public static <T> JsonLinesFormat<T> of(Class<T> type, ObjectMapper mapper) {
        return new JsonLinesFormat<>(type, Objects.requireNonNull(mapper, "mapper"));
    }

    @Override
    public Parser<T> open(String header) {
        return line -> {
            T value;
            try {
                value = reader.readValue(line);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new LineFormatException("bad JSON: " + e.getOriginalMessage(),
                        at == null ? LineFormatException.UNKNOWN_COLUMN : at.getColumnNr(), e);
            } catch (java.io.IOException e) {
                throw new LineFormatException("bad JSON: " + e.getMessage(), LineFormatException.UNKNOWN_COLUMN, e);
            }
            if (value == null || (value instanceof JsonNode node && node.isMissingNode())) {
                throw new LineFormatException("the line holds JSON null, not a record", 1);
            }
            return value;
        };
    }

    @Override
    public boolean skipsBlankLines() {
        return true;
    }

    @Override
    public Class<T> producedType() {
        // Jackson trees have no codec: let the runtime resolve one when a record crosses, as for undeclared types
        return type == JsonNode.class ? null : type;
    }

    @Override
    public String name() {
        return type == JsonNode.class ? "json" : "json as " + type.getSimpleName();
    }
}
