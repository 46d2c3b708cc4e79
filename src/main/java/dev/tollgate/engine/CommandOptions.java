package dev.tollgate.engine;

import java.util.List;

/** Reads one option's value from a command line already split into words, as most CLI parsers accept it. */
final class CommandOptions {

    private CommandOptions() {
    }

    /**
     * The value of the last occurrence of any of {@code names} in {@code words}: {@code --timeout 60},
     * {@code --timeout=60}, {@code -t 60} or {@code -t60} (short names only). "" when absent or without a value.
     * The last one wins, as with gunicorn and most argparse-style parsers.
     */
    static String value(List<?> words, List<?> names) {
        String found = "";
        for (int i = 0; i < words.size(); i++) {
            String w = String.valueOf(words.get(i));
            for (Object n : names) {
                String name = String.valueOf(n);
                if (w.equals(name)) {
                    found = i + 1 < words.size() ? String.valueOf(words.get(i + 1)) : "";
                } else if (w.startsWith(name + "=")) {
                    found = w.substring(name.length() + 1);
                } else if (name.length() == 2 && name.charAt(0) == '-' && name.charAt(1) != '-'
                        && w.startsWith(name) && w.length() > 2) {
                    found = w.substring(2);
                }
            }
        }
        return found;
    }
}
