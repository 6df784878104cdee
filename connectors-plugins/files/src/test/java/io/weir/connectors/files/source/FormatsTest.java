package io.weir.connectors.files.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The line formats on single lines: records, and the reason and column of bad lines. */
class FormatsTest {
    record Bid(long auction, long price) {
    }

    @Test
    void shouldReadTextLinesAsTheyAre() {
        assertThat(LineFormat.text().open(null).parse(" a, b ")).isEqualTo(" a, b ");
        assertThat(LineFormat.text().skipsBlankLines()).isFalse();
    }

    @Test
    void shouldMapCsvRowsToHeaderNamedFields() {
        var parser = CsvFormat.withHeader().open("id,name,price");
        CsvRow row = parser.parse("7,\"Smith, J. \"\"Jo\"\"\",1.5");
        assertThat(row.values()).containsExactly("7", "Smith, J. \"Jo\"", "1.5");
        assertThat(row.get("name")).isEqualTo("Smith, J. \"Jo\"");
        assertThat(row.getLong("id")).isEqualTo(7);
        assertThat(row.getDouble("price")).isEqualTo(1.5);
        assertThat(row.toMap()).containsEntry("id", "7");
    }

    @Test
    void shouldRefuseCsvRowsWithTheWrongNumberOfColumns() {
        var parser = CsvFormat.withHeader().open("a,b,c");
        assertThatThrownBy(() -> parser.parse("1,2,3,4")).isInstanceOfSatisfying(LineFormatException.class, e -> {
            assertThat(e.reason()).isEqualTo("expected 3 columns, found 4");
            assertThat(e.column()).isEqualTo(4);
        });
        assertThatThrownBy(() -> parser.parse("1")).isInstanceOfSatisfying(LineFormatException.class,
                e -> assertThat(e.column()).isEqualTo(2));
        assertThatThrownBy(() -> CsvFormat.withoutHeader().withColumns(2).open(null).parse("1,2,3"))
                .hasMessage("expected 2 columns, found 3");
        assertThat(CsvFormat.withoutHeader().open(null).parse("1,2,3").size()).isEqualTo(3);
    }

    @Test
    void shouldSplitUnquotedLinesExactlyAsCommonsCsvReadsThem() throws Exception {
        var parser = CsvFormat.withoutHeader().open(null);
        var commons = org.apache.commons.csv.CSVFormat.RFC4180;
        String[] pieces = {"a", ",", " ", "", "\u00e9", "x y", ",,", "\t", "'"};
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 500; round++) {
            StringBuilder line = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                line.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> expected;
            try (var p = org.apache.commons.csv.CSVParser.parse(line.toString(), commons)) {
                var records = p.getRecords();
                expected = records.isEmpty() ? List.of("") : records.getFirst().toList();
            }
            assertThat(parser.parse(line.toString()).values()).as("'%s'", line).isEqualTo(expected);
        }
    }

    @Test
    void shouldRefuseUnterminatedQuotesAndDuplicateHeaderNames() {
        assertThatThrownBy(() -> CsvFormat.withoutHeader().open(null).parse("1,\"open"))
                .isInstanceOf(LineFormatException.class).hasMessageContaining("unterminated quoted field");
        assertThatThrownBy(() -> CsvFormat.withHeader().open("a,b,a"))
                .isInstanceOfSatisfying(LineFormatException.class, e -> {
                    assertThat(e.reason()).contains("duplicate column name 'a'");
                    assertThat(e.column()).isEqualTo(3);
                });
    }

    @Test
    void shouldUseOtherDelimitersAndQuotes() {
        CsvRow row = CsvFormat.withoutHeader().withDelimiter(';').withQuote('\'').open(null).parse("a;'b;c';d");
        assertThat(row.values()).containsExactly("a", "b;c", "d");
    }

    @Test
    void shouldTurnUnparsableValuesIntoMalformedLinesWithTheirColumn() {
        LineFormat<Bid> bids = CsvFormat.withHeader().map(Bid.class, r -> new Bid(r.getLong("auction"), r.getLong("price")));
        var parser = bids.open("auction,price");
        assertThat(parser.parse("1,20")).isEqualTo(new Bid(1, 20));
        assertThatThrownBy(() -> parser.parse("1,twenty")).isInstanceOfSatisfying(LineFormatException.class, e -> {
            assertThat(e.reason()).isEqualTo("column 'price': 'twenty' is not a long");
            assertThat(e.column()).isEqualTo(2);
        });
        assertThat(bids.producedType()).isEqualTo(Bid.class);
        assertThat(bids.hasHeader()).isTrue();
    }

    @Test
    void shouldReadJsonLinesAsTreesOrBoundTypes() {
        JsonNode node = JsonLinesFormat.tree().open(null).parse("{\"a\": [1, 2], \"b\": \"x\"}");
        assertThat(node.get("a").get(1).asInt()).isEqualTo(2);
        assertThat(JsonLinesFormat.of(Bid.class).open(null).parse("{\"auction\": 3, \"price\": 40}"))
                .isEqualTo(new Bid(3, 40));
        assertThat(JsonLinesFormat.tree().map(String.class, n -> n.get("b").asText()).open(null).parse("{\"b\":\"y\"}"))
                .isEqualTo("y");
    }

    @Test
    void shouldRefuseBadJsonWithItsColumn() {
        var parser = JsonLinesFormat.tree().open(null);
        assertThatThrownBy(() -> parser.parse("{\"a\": 1,, }")).isInstanceOfSatisfying(LineFormatException.class, e -> {
            assertThat(e.reason()).startsWith("bad JSON");
            assertThat(e.column()).isEqualTo(9);
        });
        assertThatThrownBy(() -> parser.parse("{\"a\": 1} trailing")).isInstanceOf(LineFormatException.class);
        assertThatThrownBy(() -> JsonLinesFormat.of(Bid.class).open(null).parse("{\"auction\": \"x\", \"price\": 1}"))
                .isInstanceOf(LineFormatException.class).hasMessageContaining("bad JSON");
        assertThatThrownBy(() -> JsonLinesFormat.of(Bid.class).open(null).parse("null"))
                .isInstanceOf(LineFormatException.class).hasMessageContaining("null");
    }

    @Test
    void shouldSkipBlankLinesInCsvAndJsonOnly() {
        assertThat(List.of(CsvFormat.withHeader().skipsBlankLines(), JsonLinesFormat.tree().skipsBlankLines()))
                .containsOnly(true);
    }
}
