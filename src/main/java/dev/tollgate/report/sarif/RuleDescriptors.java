package dev.tollgate.report.sarif;

import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import dev.tollgate.policy.ChecklistItem;
import dev.tollgate.policy.Policy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a policy into a SARIF rule with everything GitHub shows on an alert: name, descriptions, help (text and
 * markdown, with the checklist items the policy traces to), help link, default level, tags, precision and
 * security-severity. Rule metadata is the same for every finding, so nothing finding-specific goes in here.
 */
final class RuleDescriptors {

    /** GitHub's limits: rule names up to 255 characters, descriptions up to 1024. */
    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 1024;

    private final Map<String, ChecklistItem> checklist;

    /** @param checklist the checklist items of the report, by id */
    RuleDescriptors(Map<String, ChecklistItem> checklist) {
        this.checklist = checklist;
    }

    ReportingDescriptor describe(Policy policy) {
        SarifSeverity severity = SarifSeverity.of(policy.severity());
        PropertyBag properties = new PropertyBag().withTags(tags(policy));
        properties.setAdditionalProperty("precision", "high");
        properties.setAdditionalProperty("security-severity", severity.securitySeverity());
        properties.setAdditionalProperty("checklist", policy.checklist());
        ReportingDescriptor rule = new ReportingDescriptor()
                .withId(policy.id())
                .withName(name(policy))
                .withShortDescription(new MultiformatMessageString().withText(clip(policy.title(), MAX_DESCRIPTION)))
                .withFullDescription(
                        new MultiformatMessageString().withText(clip(policy.description(), MAX_DESCRIPTION)))
                .withHelp(new MultiformatMessageString().withText(helpText(policy)).withMarkdown(helpMarkdown(policy)))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(severity.ruleLevel()))
                .withProperties(properties);
        helpUri(policy).ifPresent(rule::setHelpUri);
        return rule;
    }

    /** "security" makes GitHub treat the rule as a security rule (needed for security-severity); the format filters. */
    private static Set<String> tags(Policy policy) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add("security");
        tags.add(policy.format().id());
        if (!policy.checklist().isEmpty()) {
            tags.add("checklist");
        }
        return tags;
    }

    /** The title in PascalCase ({@code "Pods must not run as root"} → {@code PodsMustNotRunAsRoot}), else the id. */
    static String name(Policy policy) {
        StringBuilder name = new StringBuilder();
        for (String word : policy.title().split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return name.length() == 0 ? policy.id() : clip(name.toString(), MAX_NAME);
    }

    /** The first reference, when it is an absolute http(s) URI; a policy's free-text reference is not a link. */
    private static Optional<URI> helpUri(Policy policy) {
        if (policy.references().isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(policy.references().get(0));
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException notALink) {
            return Optional.empty();
        }
    }

    private String helpText(Policy policy) {
        List<String> parts = new ArrayList<>();
        parts.add(policy.description());
        if (!policy.remediation().isBlank()) {
            parts.add("Remediation: " + policy.remediation().strip());
        }
        if (!policy.checklist().isEmpty()) {
            StringBuilder items = new StringBuilder("Checklist:");
            for (String id : policy.checklist()) {
                items.append("\n- ").append(checklistLine(id, false));
            }
            parts.add(items.toString());
        }
        if (!policy.references().isEmpty()) {
            parts.add("References:\n- " + String.join("\n- ", policy.references()));
        }
        return String.join("\n\n", parts);
    }

    private String helpMarkdown(Policy policy) {
        List<String> parts = new ArrayList<>();
        parts.add(policy.description());
        if (!policy.remediation().isBlank()) {
            parts.add("**Remediation:** " + policy.remediation().strip());
        }
        if (!policy.checklist().isEmpty()) {
            StringBuilder items = new StringBuilder("**Checklist**\n");
            for (String id : policy.checklist()) {
                items.append("\n- ").append(checklistLine(id, true));
            }
            parts.add(items.toString());
        }
        if (!policy.references().isEmpty()) {
            StringBuilder refs = new StringBuilder("**References**\n");
            for (String ref : policy.references()) {
                refs.append("\n- ").append(ref);
            }
            parts.add(refs.toString());
        }
        return String.join("\n\n", parts);
    }

    /** {@code id (section): text}; just the id when the report does not carry the item. */
    private String checklistLine(String id, boolean markdown) {
        String shownId = markdown ? "`" + id + "`" : id;
        ChecklistItem item = checklist.get(id);
        if (item == null) {
            return shownId;
        }
        String section = item.section() == null || item.section().isBlank() ? "" : " (" + item.section() + ")";
        return shownId + section + ": " + item.text();
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
