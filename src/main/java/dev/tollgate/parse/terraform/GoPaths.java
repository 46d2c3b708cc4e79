package dev.tollgate.parse.terraform;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Terraform's basename and dirname are Go's filepath.Base and filepath.Dir, with their lexical cleaning
 * ({@code a//b/../c} is {@code a/c}), on the slash-separated paths Terraform configurations write.
 */
final class GoPaths {

    private GoPaths() {
    }

    /** The last element, trailing slashes dropped: "" gives ".", "/" gives "/". */
    static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "/";
        }
        return path.substring(path.lastIndexOf('/', end - 1) + 1, end);
    }

    /** All but the last element, cleaned: "a/b" gives "a", "a" gives ".", "/a" gives "/". */
    static String dir(String path) {
        return clean(path.substring(0, path.lastIndexOf('/') + 1));
    }

    /** Go's path.Clean: no empty or "." elements, ".." resolved lexically, "." for nothing. */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        Deque<String> kept = new ArrayDeque<>();
        for (String element : path.split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!kept.isEmpty() && !kept.peekLast().equals("..")) {
                    kept.removeLast();
                } else if (!rooted) {
                    kept.addLast("..");
                }
                continue;
            }
            kept.addLast(element);
        }
        String joined = String.join("/", kept);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
