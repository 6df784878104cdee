package io.weir.connectors.files;

import io.weir.api.config.ConfigOption;

import java.util.List;
import java.util.Locale;

/** Sizes in configuration values ({@code 64mb}) of the files connector's factories. */
public final class Sizes {
    private Sizes() {
    }

    /**
     * Bytes from {@code 1048576}, {@code 512kb}, {@code 64mb}, {@code 1gb} (binary units, case-insensitive); a value
     * that is not a size adds a problem naming {@code option} to {@code problems} and returns -1.
     */
    public static long parse(ConfigOption<String> option, String raw, List<String> problems) {
        String s = raw.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        String unit = s.substring(i);
        long multiplier = switch (unit) {
            case "", "b" -> 1;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            case "g", "gb", "gib" -> 1L << 30;
            default -> -1;
        };
        try {
            if (i == 0 || multiplier < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(Long.parseLong(s.substring(0, i)), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add("option '" + option.key() + "': '" + raw + "' is not a size such as 0, 1048576, 512kb, "
                    + "64mb or 1gb");
            return -1;
        }
    }
}
