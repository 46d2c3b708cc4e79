package dev.tollgate.suppress;

import dev.tollgate.model.Problem;
import dev.tollgate.model.SourceLocation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code tollgate:ignore <ID>[,<ID>...] [until=YYYY-MM-DD] <reason>}, in comments ({@code #} or {@code //})
 * and in the Kubernetes annotation {@code tollgate.dev/ignore: "<ID>: <reason>"}.
 */
final class DirectiveParser {

    static final String KEYWORD = "tollgate:ignore";
    private static final Pattern COMMENT = Pattern.compile("(#|//)\\s*" + Pattern.quote(KEYWORD) + "\\b(.*)$");
    private static final Pattern IDS = Pattern.compile(
            "^\\s*((?:[A-Za-z0-9][A-Za-z0-9_-]*|\\*)(?:\\s*,\\s*(?:[A-Za-z0-9][A-Za-z0-9_-]*|\\*))*)");
    private static final Pattern UNTIL = Pattern.compile("\\buntil=(\\S+)");

    private DirectiveParser() {
    }

    /** The result of reading directives: the well-formed ones and problems for the rest. */
    record Parsed(List<Directive> directives, List<Problem> problems) {
    }

    /** Every comment directive of a file, by line. Cheap when the keyword does not occur. */
    static Parsed comments(String text, String file) {
        List<Directive> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (text == null || !text.contains(KEYWORD)) {
            return new Parsed(out, problems);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = COMMENT.matcher(lines[i]);
            if (m.find()) {
                SourceLocation where = new SourceLocation(file, i + 1, m.start() + 1);
                parse(m.group(2), where, out, problems);
            }
        }
        return new Parsed(out, problems);
    }

    /** The annotation's value: entries {@code ID[,ID]: reason}, separated by newlines or semicolons. */
    static Parsed annotation(String value, SourceLocation where) {
        List<Directive> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String entry : value.split("[;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String ids = colon < 0 ? entry : entry.substring(0, colon);
            String rest = colon < 0 ? "" : entry.substring(colon + 1);
            parse(ids + " " + rest, where, out, problems);
        }
        return new Parsed(out, problems);
    }

    private static void parse(String body, SourceLocation where, List<Directive> out, List<Problem> problems) {
        Matcher ids = IDS.matcher(body);
        if (!ids.find()) {
            problems.add(Problem.at(where, Problem.Kind.SUPPRESSION, KEYWORD + " names no policy id"));
            return;
        }
        List<String> policies = new ArrayList<>();
        for (String id : ids.group(1).split(",")) {
            policies.add(id.strip());
        }
        String rest = body.substring(ids.end());
        LocalDate until = null;
        Matcher u = UNTIL.matcher(rest);
        if (u.find()) {
            try {
                until = LocalDate.parse(u.group(1));
            } catch (DateTimeParseException e) {
                problems.add(Problem.at(where, Problem.Kind.SUPPRESSION,
                        KEYWORD + ": until=" + u.group(1) + " is not a date (YYYY-MM-DD)"));
                return;
            }
            rest = rest.substring(0, u.start()) + rest.substring(u.end());
        }
        String reason = rest.strip().replaceFirst("^[-:—]+\\s*", "").strip();
        out.add(new Directive(where, policies, reason, until));
    }
}
