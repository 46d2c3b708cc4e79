package dev.tollgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.re2j.Pattern;
import dev.cel.common.CelOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegexesTest {

    @Test
    void rememberedAnswers_areTheAnswersOfTheRegexItself() {
        Regexes regexes = new Regexes(CelOptions.current().build());
        String regex = "^(.*[_-])?(access|secret|api)[_-]?key$";
        Pattern reference = Pattern.compile(regex);
        List<String> texts = new ArrayList<>(List.of("api_key", "API_KEY", "db_secret_key", "key", "", "x".repeat(65)
                + "_api_key", "x".repeat(64)));
        for (int i = 0; i < 5_000; i++) {
            texts.add("name_" + i + (i % 3 == 0 ? "_access-key" : "_id")); // more than are remembered: they start over
        }
        for (int round = 0; round < 2; round++) {
            for (String text : texts) {
                assertEquals(reference.matcher(text).find(), regexes.matches(text, regex), text);
            }
        }
    }
}
