package dev.tollgate.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * One item of the production-deployment checklist that policies trace back to.
 *
 * @param id stable id, {@code section.item} in lowercase (e.g. {@code cache.redis-persistence})
 * @param section the section path as in the checklist document (e.g. {@code Backend Configuration / Cache & Queue})
 * @param text the item's text as in the checklist
 * @param automation whether files in a repository can show it
 * @param why one line on why the item is automated, partial or manual
 */
public record ChecklistItem(String id, String section, String text, Automation automation, String why) {

    /** How far files in a repository can show that an item is done. */
    public enum Automation {
        /** Policies decide it from the files. */
        AUTOMATED,
        /** Policies check part of it; the rest needs a person. */
        PARTIAL,
        /** No file can show it (a sign-off, a test run, a published policy): it needs an attestation. */
        MANUAL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Automation fromId(String id) {
            for (Automation a : values()) {
                if (a.id().equals(id)) {
                    return a;
                }
            }
            throw new IllegalArgumentException(
                    "unknown automation '" + id + "' (expected automated, partial or manual)");
        }
    }

    public ChecklistItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
        automation = automation == null ? Automation.MANUAL : automation;
        why = why == null ? "" : why;
    }

    /** An item whose automation is not stated: manual until someone says otherwise. */
    public ChecklistItem(String id, String section, String text) {
        this(id, section, text, Automation.MANUAL, "");
    }
}
