package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Secrets#words} is written out for speed; it must split exactly as the regex it replaced. */
class SecretsWordsTest {

    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private static List<String> byRegex(String text) {
        return List.of(SEPARATORS.split(text.toLowerCase(Locale.ROOT)));
    }

    @Test
    void splitsAsTheRegexOnEdgeCases() {
        for (String text : List.of("", "_", "__", "a", "DB_PASSWORD", "_DB_PASSWORD", "DB_PASSWORD_", "__a__b__",
                "NEXT_PUBLIC_STRIPE_KEY", "a..b", "İSTANBUL_KEY", "straße-key", "ÄPFEL", "x-1-y-", "-", "9")) {
            assertEquals(byRegex(text), Secrets.words(text), text);
        }
    }

    @Test
    void splitsAsTheRegexOnRandomText() {
        Random random = new Random(7);
        String alphabet = "aZz09_-. /:İıßÄé\u00a0";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(byRegex(text.toString()), Secrets.words(text.toString()), text.toString());
        }
    }
}
