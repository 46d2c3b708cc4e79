package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {

    private static final List<String> GLOBS = List.of("vendor/**", "**/testdata/**", "*.env", "**/*.env", "a/*/c.yaml",
            "a/**/c.yaml", "**", "*", "?.tf", "[abc].tf", "[!abc].tf", "[a-c]x.tf", "{dev,test}/**", "**/{a,b}.yml",
            "docs/*.md", "a\\*b", "x.y", "x+y(z)", "**/.env.*", "k8s/overlays/*/secret.yaml", "**/*-[0-9].tf",
            "charts/**/templates/*.yaml", "{a,b}/{c,d}", "a/**/b/**/c", "**/", "[^a].tf", "[a-].tf");
    private static final List<String> PATHS = List.of("vendor/x.tf", "vendor", "a/testdata/b/c.yaml", "testdata/x",
            ".env", "prod.env", "svc/prod.env", "a/b/c.yaml", "a/c.yaml", "a/b/d/c.yaml", "a.tf", "d.tf", "bx.tf",
            "dev/x", "test/a/b", "x/a.yml", "x/y/b.yml", "docs/README.md", "docs/a/b.md", "a*b", "aXb", "x.y", "xzy",
            "x+y(z)", "svc/.env.production", "k8s/overlays/prod/secret.yaml", "mod/net-1.tf", "mod/net-x.tf",
            "charts/app/templates/deploy.yaml", "charts/app/sub/templates/x.yaml", "a/c", "b/d", "a/x/b/y/c",
            "a/b/c", "^.tf", "-.tf");

    @Test
    void matchesWhatTheJdksGlobMatches() {
        for (String glob : GLOBS) {
            var jdk = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            Glob ours = Glob.of(glob);
            for (String path : PATHS) {
                assertEquals(jdk.matches(Path.of(path)), ours.matches(path), glob + " on " + path);
            }
        }
    }

    @Test
    void repeatedDoubleStarsAgainstADeepPathAnswerAtOnce() {
        // The JDK's backtracking matcher did not finish this in a minute; RE2J is linear in the path.
        Glob glob = Glob.of("**/**/**/**/**/**/**/**/**/**/**/**/**/**/*b");
        String deep = "aaaaaaaaaa/".repeat(30) + ".env";
        assertFalse(glob.matches(deep));
        assertTrue(glob.matches(deep + "b"));
    }

    @Test
    void invalidGlobsSayWhy() {
        assertEquals("'[abc' is not a valid glob: a bracket expression [ is not closed",
                assertThrows(IllegalArgumentException.class, () -> Glob.of("[abc")).getMessage());
        assertEquals("'{a,b' is not a valid glob: a group { is not closed",
                assertThrows(IllegalArgumentException.class, () -> Glob.of("{a,b")).getMessage());
        assertEquals("'{a,{b}}' is not a valid glob: groups {a,b} cannot be nested",
                assertThrows(IllegalArgumentException.class, () -> Glob.of("{a,{b}}")).getMessage());
        assertEquals("'a\\' is not a valid glob: it ends with an unfinished escape \\",
                assertThrows(IllegalArgumentException.class, () -> Glob.of("a\\")).getMessage());
        assertEquals("'[a/b]' is not a valid glob: a bracket expression [...] cannot hold the separator /",
                assertThrows(IllegalArgumentException.class, () -> Glob.of("[a/b]")).getMessage());
    }
}
