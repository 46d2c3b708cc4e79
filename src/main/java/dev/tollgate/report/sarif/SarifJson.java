package dev.tollgate.report.sarif;

import com.contrastsecurity.sarif.Fingerprints;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import dev.tollgate.report.JsonOutput;
import dev.tollgate.report.ParallelArraySerializer;
import java.text.SimpleDateFormat;
import java.util.Collection;
import java.util.Map;
import java.util.TimeZone;

/**
 * The only place that knows how to serialize the java-sarif 2.0 object model correctly. It works around the model's
 * measured traps (docs: shared notes "sarif-for-github" §8):
 *
 * <ol>
 *   <li>Every model class is {@code @JsonInclude(NON_DEFAULT)}, which drops any value equal to the schema default: an
 *       explicit {@code "level": "warning"} on a result under an "error" rule would vanish and GitHub would read the
 *       result as an error. {@link SarifInclusion} replaces that rule for the model's package: write every value that
 *       is set, omit nulls, empty collections and the {@code -1} "not set" sentinels, and always write
 *       {@code runs[].results}, even empty, because GitHub refuses a run without it.</li>
 *   <li>The constructors pre-fill a few schema defaults we never mean to state (run and driver {@code language},
 *       {@code newlineSequences}, {@code contents}, {@code isComprehensive}, rule {@code enabled}); with defaults now
 *       written they would appear in every file, so mix-ins ignore them.</li>
 *   <li>{@code java.util.Date} fields would be epoch numbers, which is invalid SARIF that upload-sarif rejects. We
 *       write no timestamps at all (output must be deterministic), but in case one is ever set it comes out as ISO-8601
 *       UTC ending in {@code Z}.</li>
 *   <li>The rule list is a {@code Set}: the builder uses a {@code LinkedHashSet} so {@code ruleIndex} matches.</li>
 * </ol>
 *
 * The model package is never wildcard-imported: its {@code Exception} class would shadow {@code java.lang.Exception}.
 */
final class SarifJson {

    private static final String MODEL_PACKAGE = Run.class.getPackageName();

    private SarifJson() {
    }

    /** A new writer for SARIF logs (a fresh mapper each time: no shared mutable state). */
    static ObjectWriter writer() {
        return writer(true);
    }

    /**
     * @param handWrittenResults whether results and what they hold go through {@link SarifResultSerializers} (same
     *     bytes, a fraction of the time) rather than Jackson's bean serializer; false only to compare the two in tests
     */
    static ObjectWriter writer(boolean handWrittenResults) {
        SimpleDateFormat isoUtc = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
        isoUtc.setTimeZone(TimeZone.getTimeZone("UTC"));
        ObjectMapper mapper = new ObjectMapper()
                .setAnnotationIntrospector(new SarifInclusion())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setDateFormat(isoUtc)
                // Property bags and partialFingerprints are HashMaps: sort their keys so the bytes never depend on
                // hashing.
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .addMixIn(Run.class, RunDefaults.class)
                .addMixIn(ToolComponent.class, ToolComponentDefaults.class)
                .addMixIn(ReportingConfiguration.class, ReportingConfigurationDefaults.class);
        if (handWrittenResults) {
            mapper.registerModule(SarifResultSerializers.module());
        }
        mapper.registerModule(ParallelArraySerializer.module(mapper));
        return JsonOutput.prettyWriter(mapper);
    }

    /** Inclusion for the model classes: everything that is set, nothing that is absent (see the class comment). */
    private static final class SarifInclusion extends JacksonAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        private static final JsonInclude.Value WHEN_SET = JsonInclude.Value.construct(
                JsonInclude.Include.CUSTOM, JsonInclude.Include.NON_NULL, AbsentValue.class, null);

        private static final JsonInclude.Value UNLESS_NULL = JsonInclude.Value.construct(
                JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);

        @Override
        public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
            if (!inModel(annotated)) {
                return super.findPropertyInclusion(annotated);
            }
            if (isRunResults(annotated)) {
                return UNLESS_NULL;
            }
            return WHEN_SET;
        }

        private static boolean inModel(Annotated annotated) {
            Class<?> owner = annotated instanceof AnnotatedMember member ? member.getDeclaringClass()
                    : annotated instanceof AnnotatedClass type ? type.getRawType() : null;
            return owner != null && MODEL_PACKAGE.equals(owner.getPackageName());
        }

        /** {@code run.results}, field or getter: GitHub requires it even when there are no findings. */
        private static boolean isRunResults(Annotated annotated) {
            return annotated instanceof AnnotatedMember member
                    && member.getDeclaringClass() == Run.class
                    && (member.getName().equals("results") || member.getName().equals("getResults"));
        }
    }

    /**
     * Jackson's CUSTOM inclusion filter: {@code equals(value)} returning true means "leave the property out".
     * Absent means null, an empty collection, map, string or property bag, or the number -1, which SARIF uses as
     * "not set" for every index, offset and rank the model pre-fills.
     */
    static final class AbsentValue {

        @Override
        public boolean equals(Object value) {
            // Asked of every property of every model object a log holds, so the commonest values come first: strings
            // and boxed ints (class checks), before the interface checks, which are slower. The types are disjoint,
            // so the order changes no answer.
            if (value == null) {
                return true;
            }
            if (value instanceof String s) {
                return s.isEmpty();
            }
            if (value instanceof Integer i) {
                return i == -1;
            }
            if (value instanceof Collection<?> c) {
                return c.isEmpty();
            }
            if (value instanceof Map<?, ?> m) {
                return m.isEmpty();
            }
            if (value instanceof Number n) {
                return n.doubleValue() == -1;
            }
            if (value instanceof PropertyBag bag) {
                return (bag.getTags() == null || bag.getTags().isEmpty()) && bag.getAdditionalProperties().isEmpty();
            }
            if (value instanceof PartialFingerprints pf) {
                return pf.getAdditionalProperties().isEmpty();
            }
            if (value instanceof Fingerprints f) {
                return f.getAdditionalProperties().isEmpty();
            }
            return false;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    @JsonIgnoreProperties({"language", "newlineSequences"})
    private abstract static class RunDefaults {
    }

    @JsonIgnoreProperties({"language", "contents", "isComprehensive"})
    private abstract static class ToolComponentDefaults {
    }

    @JsonIgnoreProperties({"enabled"})
    private abstract static class ReportingConfigurationDefaults {
    }
}
