package dev.tollgate.report.sarif;

import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.Result;
import dev.tollgate.policy.Severity;

/**
 * How a Tollgate severity reads in SARIF: the result/rule level (critical and high are errors, medium a warning, low a
 * note) and GitHub's {@code security-severity} score. The scores sit in the middle of GitHub's bands (above 9.0
 * critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low), as Trivy does, so a rounding change never moves a band. GitHub
 * requires the score as a string holding a number.
 */
enum SarifSeverity {
    CRITICAL(Result.Level.ERROR, "9.5"),
    HIGH(Result.Level.ERROR, "8.0"),
    MEDIUM(Result.Level.WARNING, "5.5"),
    LOW(Result.Level.NOTE, "2.0");

    private final Result.Level level;
    private final String securitySeverity;

    SarifSeverity(Result.Level level, String securitySeverity) {
        this.level = level;
        this.securitySeverity = securitySeverity;
    }

    static SarifSeverity of(Severity severity) {
        return valueOf(severity.name());
    }

    Result.Level resultLevel() {
        return level;
    }

    ReportingConfiguration.Level ruleLevel() {
        return ReportingConfiguration.Level.fromValue(level.value());
    }

    String securitySeverity() {
        return securitySeverity;
    }
}
