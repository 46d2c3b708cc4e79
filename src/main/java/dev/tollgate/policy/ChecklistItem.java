package dev.tollgate.policy;

/**
 * One item of the production-deployment checklist that policies trace back to.
 *
 * @param id stable id, {@code section.item} in lowercase (e.g. {@code cache.redis-persistence})
 * @param section the section path as in the checklist document (e.g. {@code Backend Configuration / Cache & Queue})
 * @param text the item's text as in the checklist
 */
public record ChecklistItem(String id, String section, String text) {
}
