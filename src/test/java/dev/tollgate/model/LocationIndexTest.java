package dev.tollgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pointer tokens escape as RFC 6901 says, and pointers are built from them as written. */
class LocationIndexTest {

    @Test
    void escapingMatchesRfc6901OnRandomKeys() {
        char[] alphabet = {'a', 'Z', '0', '~', '/', '1', '.', 'é', ' '};
        Random random = new Random(5);
        for (int round = 0; round < 20_000; round++) {
            char[] chars = new char[random.nextInt(8)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String key = new String(chars);
            String expected = key.replace("~", "~0").replace("/", "~1");
            assertEquals(expected, LocationIndex.escape(key), key);
            assertEquals(key, LocationIndex.unescape(expected), key);
            assertEquals("/spec/" + expected, LocationIndex.child("/spec", key));
        }
    }

    @Test
    void childrenOfTheRootAndOfLists() {
        assertEquals("/a~1b~0c", LocationIndex.child("", "a/b~c"));
        assertEquals("/items/0", LocationIndex.child("/items", 0));
        assertEquals("/items/2147483647", LocationIndex.child("/items", Integer.MAX_VALUE));
        assertEquals("/-1", LocationIndex.child("", -1));
    }

    /**
     * A recorded index gives the map a parser would have filled eagerly in the same order: every node's pointer from
     * its parent's, awkward keys escaped, and a pointer recorded twice keeping its later location.
     */
    @Test
    void aRecordedIndexWritesThePointersAnEagerMapWouldHold() {
        Random random = new Random(9);
        String[] keys = {"a", "b", "x/y", "t~1", "", "0", "spec"};
        for (int round = 0; round < 2_000; round++) {
            SourceLocation root = new SourceLocation("f.yaml", 1, 1);
            LocationIndex.Recorder recorder = new LocationIndex.Recorder(root, random.nextInt(4));
            Map<String, SourceLocation> eager = new HashMap<>();
            eager.put("", root);
            List<String> pointers = new ArrayList<>(List.of(""));
            for (int n = random.nextInt(60); n > 0; n--) {
                int parent = random.nextInt(pointers.size());
                SourceLocation at = new SourceLocation("f.yaml", random.nextInt(100) + 1, random.nextInt(9) + 1);
                String pointer;
                if (random.nextBoolean()) {
                    String key = keys[random.nextInt(keys.length)];
                    recorder.child(parent, key, at);
                    pointer = LocationIndex.child(pointers.get(parent), key);
                } else {
                    int index = random.nextInt(3);
                    recorder.child(parent, index, at);
                    pointer = LocationIndex.child(pointers.get(parent), index);
                }
                pointers.add(pointer);
                eager.put(pointer, at);
            }
            // Lookups before the map is written are answered from the record, the later ones from the map: each must
            // answer as the eager map does, for recorded pointers, their children that are not, and other text.
            LocationIndex eagerIndex = new LocationIndex(eager);
            LocationIndex looked = recorder.index();
            for (int q = 0; q < 12; q++) {
                String base = pointers.get(random.nextInt(pointers.size()));
                String query = switch (random.nextInt(6)) {
                    case 0 -> base;
                    case 1 -> base + "/" + keys[random.nextInt(keys.length)];
                    case 2 -> base + "/" + random.nextInt(3) + "/zz";
                    case 3 -> base + "/00";
                    case 4 -> "no-slash" + base;
                    default -> base + "/";
                };
                assertEquals(eagerIndex.find(query), looked.find(query), "find " + query + ", round " + round);
                assertEquals(eagerIndex.contains(query), looked.contains(query), "contains " + query);
            }
            LocationIndex recorded = recorder.index();
            assertEquals(eager, recorded.byPointer(), "round " + round);
            assertEquals(new LocationIndex(eager), recorded);
            assertEquals(new LocationIndex(eager).hashCode(), recorded.hashCode());
            String last = pointers.get(pointers.size() - 1);
            assertEquals(eager.get(last), recorded.find(last + "/not/recorded"));
        }
    }

    /**
     * A deep pointer into a long chain would cost a read of most of the record per level: the lookup gives up past
     * its budget and the map answers instead, with the same result.
     */
    @Test
    void aDeepPointerIntoALongChainIsAnsweredByTheMap() {
        for (int depth : new int[] {3, 100, 2_000}) {
            SourceLocation root = new SourceLocation("f.yaml", 1, 1);
            LocationIndex.Recorder recorder = new LocationIndex.Recorder(root, depth);
            Map<String, SourceLocation> eager = new HashMap<>();
            eager.put("", root);
            StringBuilder pointer = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                SourceLocation at = new SourceLocation("f.yaml", i + 2, 1);
                recorder.child(i, "k", at);
                pointer.append("/k");
                eager.put(pointer.toString(), at);
            }
            LocationIndex looked = recorder.index();
            LocationIndex eagerIndex = new LocationIndex(eager);
            String deepest = pointer.toString();
            assertEquals(eagerIndex.find(deepest + "/x"), looked.find(deepest + "/x"), "depth " + depth);
            assertEquals(eagerIndex.contains(deepest), looked.contains(deepest), "depth " + depth);
            assertEquals(eagerIndex.find("/k/k"), looked.find("/k/k"), "depth " + depth);
        }
    }
}
