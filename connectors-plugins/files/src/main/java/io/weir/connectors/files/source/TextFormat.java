package io.weir.connectors.files.source;

/** {@link LineFormat#text()}: each line as it is. */
final class TextFormat implements LineFormat<String> {
    static final TextFormat INSTANCE = new TextFormat();

    private TextFormat() {
    }

    @Override
    public Parser<String> open(String header) {
        return line -> line;
    }

    @Override
    public Class<String> producedType() {
        return String.class;
    }

    @Override
    public String name() {
        return "text";
    }
}
