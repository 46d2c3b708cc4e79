package dev.tollgate.parse.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** The shortcut resolver types every scalar exactly as SnakeYAML's own resolver does. */
class PlainScalarResolverTest {

    private final Resolver snakeyaml = new Resolver();
    private final PlainScalarResolver ours = new PlainScalarResolver();

    @Test
    void shortcutIsOnForTheBundledSnakeYaml() {
        assertTrue(ours.shortcutOn(), "SnakeYAML's resolver table changed: the shortcut is off, parsing is slower");
    }

    @Test
    void typesWrittenValuesAsSnakeYamlDoes() {
        List<String> values = List.of("", " ", "~", "null", "Null", "NULL", "nul", "yes", "Yes", "YES", "no", "No",
                "on", "ON", "off", "Off", "y", "n", "true", "True", "false", "FALSE", "0", "07", "0x1F", "0b101",
                "0o17",
                "1_000", "+12", "-3", "1:30", "190:20:30", "1.5", ".5", "-.inf", ".NaN", "1e3", "6.8523015e+5", "<<",
                "<", "=", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "!x", "&a", "*b", "\0", "name", "valueFrom",
                "apiVersion", "nginx", "targetPort", "é", "Ω", "\uFEFF", "#", "-", ".", "+", "_", "@x", "%x", "'q'",
                "\"q\"", "[a]", "{a: 1}", "http://x", "80:8080", "00", "-0", "+.inf", ".inf", "oN", "tRUE");
        for (String v : values) {
            assertSame(v);
        }
    }

    @Test
    void typesRandomValuesAsSnakeYamlDoes() {
        String alphabet = "abnNtTfFoOyYeE0123456789+-._:~<=!&*xX \0éΩ";
        SplittableRandom random = new SplittableRandom(5);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(14);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(sb.toString());
        }
        values.forEach(this::assertSame);
    }

    private void assertSame(String v) {
        for (NodeId kind : NodeId.values()) {
            assertEquals(snakeyaml.resolve(kind, v, true), ours.resolve(kind, v, true), kind + " implicit '" + v + "'");
            assertEquals(snakeyaml.resolve(kind, v, false), ours.resolve(kind, v, false), kind + " '" + v + "'");
        }
    }
}
