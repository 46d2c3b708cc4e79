package dev.tollgate.policy;

import dev.tollgate.model.Format;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A policy as written in {@code policies/}: metadata, what it matches, and its CEL condition (true = compliant).
 *
 * @param id stable id, equal to the file name
 * @param title one line, shown as the rule name
 * @param description why it matters
 * @param severity how bad a failure is
 * @param checklist ids of the checklist items this policy checks
 * @param format the input format it applies to
 * @param kinds resource kinds it applies to; empty means every kind of the format
 * @param select json-paths selecting the elements to judge one by one (each container, each env entry); empty to
 *     judge the whole resource
 * @param reportAt keys inside the selected element to point a finding at, first present wins ({@code image} to
 *     land on the {@code image:} line of a container); empty to point at the element itself
 * @param condition CEL, true when compliant; sees {@code resource}, {@code item} and {@code meta}
 * @param message static failure message, used when there is no message expression or it fails
 * @param messageExpression optional CEL string expression naming the resource and the value
 * @param remediation how to fix it
 * @param references links for further reading
 * @param source where the policy was loaded from (a display path such as {@code policies/kubernetes/X.yaml})
 * @param origins where each embedded expression ({@code select}, {@code condition}, {@code messageExpression}) starts
 *     in the policy file, so compile errors point at the file's line and column
 * @param selectTypes of the selected elements, judge only those of these types ({@link #SELECT_TYPES}); empty for
 *     all. A policy that looks for credentials in every value ({@code $..*}) needs only the strings, and the maps and
 *     lists around them would each cost an evaluation that can only pass.
 */
public record Policy(
        String id,
        String title,
        String description,
        Severity severity,
        List<String> checklist,
        Format format,
        List<String> kinds,
        List<String> select,
        List<String> reportAt,
        String condition,
        String message,
        String messageExpression,
        String remediation,
        List<String> references,
        String source,
        Map<String, ExpressionOrigin> origins,
        List<String> selectTypes) {

    /** The types {@code selectTypes} may name, as CEL's {@code type()} calls them (number: int, uint or double). */
    public static final List<String> SELECT_TYPES = List.of("string", "number", "bool", "null", "map", "list");

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(condition, "condition");
        checklist = List.copyOf(checklist);
        kinds = List.copyOf(kinds);
        select = select == null ? List.of() : List.copyOf(select);
        reportAt = reportAt == null ? List.of() : List.copyOf(reportAt);
        references = List.copyOf(references);
        origins = Map.copyOf(origins);
        selectTypes = selectTypes == null ? List.of() : List.copyOf(selectTypes);
        description = description == null ? title : description;
        message = message == null ? title : message;
        remediation = remediation == null ? "" : remediation;
    }

    /** A policy that points its findings at the selected element itself (no {@code reportAt}). */
    public Policy(String id, String title, String description, Severity severity, List<String> checklist,
            Format format, List<String> kinds, List<String> select, String condition, String message,
            String messageExpression, String remediation, List<String> references, String source,
            Map<String, ExpressionOrigin> origins) {
        this(id, title, description, severity, checklist, format, kinds, select, List.of(), condition, message,
                messageExpression, remediation, references, source, origins, List.of());
    }

    /** A policy that judges every selected element whatever its type. */
    public Policy(String id, String title, String description, Severity severity, List<String> checklist,
            Format format, List<String> kinds, List<String> select, List<String> reportAt, String condition,
            String message, String messageExpression, String remediation, List<String> references, String source,
            Map<String, ExpressionOrigin> origins) {
        this(id, title, description, severity, checklist, format, kinds, select, reportAt, condition, message,
                messageExpression, remediation, references, source, origins, List.of());
    }

    /** The same policy at another severity (a configuration file's override). */
    public Policy withSeverity(Severity newSeverity) {
        return new Policy(id, title, description, newSeverity, checklist, format, kinds, select, reportAt, condition,
                message, messageExpression, remediation, references, source, origins, selectTypes);
    }

    /** Where the expression in {@code field} starts, or the start of the policy file. */
    public ExpressionOrigin origin(String field) {
        ExpressionOrigin o = origins.get(field);
        return o != null ? o : new ExpressionOrigin(source, 1, 1, false);
    }
}
