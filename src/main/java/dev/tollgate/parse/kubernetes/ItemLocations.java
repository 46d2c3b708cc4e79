package dev.tollgate.parse.kubernetes;

import dev.tollgate.model.LocationIndex;
import dev.tollgate.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Splits a list's location index into one index per item, with pointers rebased to the item. */
final class ItemLocations {

    private ItemLocations() {
    }

    /**
     * One index per item of the list at {@code listPointer}: {@code /items/2/spec} goes to item 2 as {@code /spec},
     * and {@code /items/2} itself becomes item 2's root {@code ""}. One pass over the index, however many items.
     */
    static List<LocationIndex> split(LocationIndex index, String listPointer, int itemCount) {
        List<Map<String, SourceLocation>> byItem = new ArrayList<>(itemCount);
        for (int i = 0; i < itemCount; i++) {
            byItem.add(new HashMap<>());
        }
        String prefix = listPointer + "/";
        for (Map.Entry<String, SourceLocation> e : index.byPointer().entrySet()) {
            String pointer = e.getKey();
            if (!pointer.startsWith(prefix)) {
                continue;
            }
            int slash = pointer.indexOf('/', prefix.length());
            int end = slash < 0 ? pointer.length() : slash;
            int item = LocationIndex.listIndex(pointer, prefix.length(), end);
            if (item >= 0 && item < itemCount) {
                byItem.get(item).put(pointer.substring(end), e.getValue());
            }
        }
        List<LocationIndex> result = new ArrayList<>(itemCount);
        for (Map<String, SourceLocation> m : byItem) {
            result.add(LocationIndex.handedOver(m));
        }
        return result;
    }
}
