package dev.tollgate.model;

import java.util.Locale;

/** The input formats Tollgate understands. The lowercase name is what policies write in {@code match.format}. */
public enum Format {
    KUBERNETES,
    COMPOSE,
    DOTENV,
    TERRAFORM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Format fromId(String id) {
        for (Format f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown format '" + id + "' (expected one of kubernetes, compose, dotenv, terraform)");
    }
}
