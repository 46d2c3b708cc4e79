package dev.tollgate.suppress;

import dev.tollgate.model.Problem;
import java.util.ArrayList;
import java.util.List;

/** The {@code tollgate:ignore} comments of one file, and which lines each covers. */
public final class FileDirectives {

    private final List<Directive> directives;
    private final List<Problem> problems;
    private final String[] lines;

    FileDirectives(String text, List<Directive> directives, List<Problem> problems) {
        this.directives = List.copyOf(directives);
        this.problems = List.copyOf(problems);
        this.lines = directives.isEmpty() ? new String[0] : text.split("\r\n|\r|\n", -1);
    }

    /** Malformed directives (a bad date, no policy id). */
    public List<Problem> problems() {
        return problems;
    }

    boolean isComment(Directive d) {
        return directives.contains(d);
    }

    /**
     * Directives that cover {@code line}: one written on the line itself, and those in the run of comment-only lines
     * directly above it (so a stack of directives above a resource all apply).
     */
    List<Directive> coveringLine(int line) {
        List<Directive> out = new ArrayList<>();
        if (directives.isEmpty()) {
            return out;
        }
        int first = line;
        while (first - 1 >= 1 && isCommentOnly(first - 1)) {
            first--;
        }
        for (Directive d : directives) {
            int l = d.where().line();
            if (l == line || (l >= first && l < line)) {
                out.add(d);
            }
        }
        return out;
    }

    private boolean isCommentOnly(int line) {
        if (line - 1 >= lines.length) {
            return false;
        }
        String t = lines[line - 1].strip();
        return t.startsWith("#") || t.startsWith("//");
    }
}
