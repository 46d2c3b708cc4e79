package dev.tollgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
