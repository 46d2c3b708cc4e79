package dev.tollgate.report.sarif;

import com.contrastsecurity.sarif.Notification;
import dev.tollgate.model.Problem;
import java.util.Locale;

/**
 * How each kind of problem reads as a SARIF notification: its descriptor id and level. The ids are not declared as
 * {@code driver.notifications}: GitHub ignores notifications, and declared descriptors would need the full rule
 * metadata (fullDescription, help) that GitHub's validator demands of every reportingDescriptor.
 */
final class ProblemKinds {

    private ProblemKinds() {
    }

    /** {@code parse_error}, {@code not_scanned}...: the same names as the JSON report's problem kinds. */
    static String id(Problem.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** A file we could not read, or a policy that could not run, is an error: part of the input went unchecked. */
    static Notification.Level level(Problem.Kind kind) {
        return switch (kind) {
            case PARSE_ERROR, UNREADABLE, POLICY_ERROR -> Notification.Level.ERROR;
            case SKIPPED, SUPPRESSION -> Notification.Level.WARNING;
            case NOT_SCANNED -> Notification.Level.NOTE;
        };
    }
}
