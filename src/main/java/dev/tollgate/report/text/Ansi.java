package dev.tollgate.report.text;

import dev.tollgate.policy.Severity;

/**
 * ANSI styling that is either on or a no-op. Whether colour is allowed (a terminal, no NO_COLOR) is the CLI's call;
 * the reporter only obeys it. Padding is always computed on the plain text before styling, so colour never shifts
 * columns.
 */
record Ansi(boolean enabled) {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    String bold(String text) {
        return style(BOLD, text);
    }

    String severity(Severity severity, String text) {
        return style(switch (severity) {
            case CRITICAL -> BOLD_RED;
            case HIGH -> RED;
            case MEDIUM -> YELLOW;
            case LOW -> CYAN;
        }, text);
    }

    private String style(String code, String text) {
        return enabled ? code + text + RESET : text;
    }
}
