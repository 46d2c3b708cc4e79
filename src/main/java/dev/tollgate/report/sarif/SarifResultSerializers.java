package dev.tollgate.report.sarif;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Result;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serializers for the model classes a SARIF log holds once per result (the result, its locations, regions, logical
 * locations, messages, fingerprints and property bags), written out by hand: tens of thousands of results made
 * Jackson's generic bean serializer (a reflective getter call and an {@link SarifJson.AbsentValue} test for each of
 * some 80 properties per result, a sorted copy of every property bag) most of the cost of writing a large log.
 *
 * <p>Each one writes exactly what the bean serializer with {@link SarifJson}'s rules writes, for any instance, not only
 * the ones {@link SarifLogBuilder} makes: every property of the class in its {@code @JsonPropertyOrder}, left out when
 * {@link SarifJson.AbsentValue} calls it absent; a property bag's entries sorted by key and null values left out, as
 * {@code ORDER_MAP_ENTRIES_BY_KEYS} and the non-null content inclusion do. Values of other types go to the provider, so
 * they are serialized as before. {@code SarifResultSerializersTest} compares both on the cases that matter.
 */
final class SarifResultSerializers {

    private static final SarifJson.AbsentValue ABSENT = new SarifJson.AbsentValue();

    private SarifResultSerializers() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("tollgate-sarif-results");
        module.addSerializer(Result.class, of(SarifResultSerializers::result));
        module.addSerializer(Location.class, of(SarifResultSerializers::location));
        module.addSerializer(PhysicalLocation.class, of(SarifResultSerializers::physicalLocation));
        module.addSerializer(ArtifactLocation.class, of(SarifResultSerializers::artifactLocation));
        module.addSerializer(Region.class, of(SarifResultSerializers::region));
        module.addSerializer(LogicalLocation.class, of(SarifResultSerializers::logicalLocation));
        module.addSerializer(Message.class, of(SarifResultSerializers::message));
        module.addSerializer(PartialFingerprints.class, of(SarifResultSerializers::partialFingerprints));
        module.addSerializer(PropertyBag.class, of(SarifResultSerializers::propertyBag));
        return module;
    }

    /** The properties of one object, between the braces the serializer writes around them. */
    @FunctionalInterface
    private interface Fields<T> {
        void write(T value, Out out) throws IOException;
    }

    /**
     * Writes properties unless absent. The typed methods answer "absent?" as {@link SarifJson.AbsentValue} would for
     * that type and write the model classes of this file directly, without asking the provider for a serializer;
     * {@link #field} is the generic path for every other value.
     */
    private record Out(JsonGenerator gen, SerializerProvider provider) {

        void text(String name, String value) throws IOException {
            if (value != null && !value.isEmpty()) {
                gen.writeFieldName(name);
                gen.writeString(value);
            }
        }

        void number(String name, Integer value) throws IOException {
            if (value != null && value != -1) {
                gen.writeFieldName(name);
                gen.writeNumber(value);
            }
        }

        /** A model object of this file: absent only when null (AbsentValue has no rule for these classes). */
        <T> void object(String name, T value, Fields<T> fields) throws IOException {
            if (value != null) {
                gen.writeFieldName(name);
                write(value, fields);
            }
        }

        /** A list or set of model objects of this file: absent when null or empty. */
        <T> void objects(String name, Collection<T> values, Fields<T> fields) throws IOException {
            if (values == null || values.isEmpty()) {
                return;
            }
            gen.writeFieldName(name);
            gen.writeStartArray(values, values.size());
            for (T value : values) {
                if (value == null) {
                    gen.writeNull();
                } else {
                    write(value, fields);
                }
            }
            gen.writeEndArray();
        }

        void properties(String name, PropertyBag bag) throws IOException {
            if (!ABSENT.equals(bag)) {
                gen.writeFieldName(name);
                write(bag, SarifResultSerializers::propertyBag);
            }
        }

        void fingerprints(String name, PartialFingerprints fingerprints) throws IOException {
            if (!ABSENT.equals(fingerprints)) {
                gen.writeFieldName(name);
                write(fingerprints, SarifResultSerializers::partialFingerprints);
            }
        }

        /** Any other value, as the bean serializer writes it. */
        void field(String name, Object value) throws IOException {
            if (!ABSENT.equals(value)) {
                gen.writeFieldName(name);
                provider.defaultSerializeValue(value, gen);
            }
        }

        <T> void write(T value, Fields<T> fields) throws IOException {
            gen.writeStartObject(value);
            fields.write(value, this);
            gen.writeEndObject();
        }

        /** A {@code @JsonAnyGetter} map: entries by key, null values left out. */
        void entries(Map<String, ?> map) throws IOException {
            Map<String, ?> sorted = map.size() <= 1 ? map : new TreeMap<>(map);
            for (Map.Entry<String, ?> e : sorted.entrySet()) {
                if (e.getValue() != null) {
                    gen.writeFieldName(e.getKey());
                    if (e.getValue() instanceof String s) {
                        gen.writeString(s);
                    } else {
                        provider.defaultSerializeValue(e.getValue(), gen);
                    }
                }
            }
        }
    }

    private static <T> JsonSerializer<T> of(Fields<T> fields) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                new Out(gen, provider).write(value, fields);
            }
        };
    }

    private static void result(Result r, Out out) throws IOException {
        out.text("ruleId", r.getRuleId());
        out.number("ruleIndex", r.getRuleIndex());
        out.field("rule", r.getRule());
        out.field("kind", r.getKind());
        out.field("level", r.getLevel());
        out.object("message", r.getMessage(), SarifResultSerializers::message);
        out.object("analysisTarget", r.getAnalysisTarget(), SarifResultSerializers::artifactLocation);
        out.objects("locations", r.getLocations(), SarifResultSerializers::location);
        out.text("guid", r.getGuid());
        out.text("correlationGuid", r.getCorrelationGuid());
        out.number("occurrenceCount", r.getOccurrenceCount());
        out.fingerprints("partialFingerprints", r.getPartialFingerprints());
        out.field("fingerprints", r.getFingerprints());
        out.field("stacks", r.getStacks());
        out.field("codeFlows", r.getCodeFlows());
        out.field("graphs", r.getGraphs());
        out.field("graphTraversals", r.getGraphTraversals());
        out.objects("relatedLocations", r.getRelatedLocations(), SarifResultSerializers::location);
        out.field("suppressions", r.getSuppressions());
        out.field("baselineState", r.getBaselineState());
        out.field("rank", r.getRank());
        out.field("attachments", r.getAttachments());
        out.field("hostedViewerUri", r.getHostedViewerUri());
        out.field("workItemUris", r.getWorkItemUris());
        out.field("provenance", r.getProvenance());
        out.field("fixes", r.getFixes());
        out.field("taxa", r.getTaxa());
        out.field("webRequest", r.getWebRequest());
        out.field("webResponse", r.getWebResponse());
        out.properties("properties", r.getProperties());
    }

    private static void location(Location l, Out out) throws IOException {
        out.number("id", l.getId());
        out.object("physicalLocation", l.getPhysicalLocation(), SarifResultSerializers::physicalLocation);
        out.objects("logicalLocations", l.getLogicalLocations(), SarifResultSerializers::logicalLocation);
        out.object("message", l.getMessage(), SarifResultSerializers::message);
        out.objects("annotations", l.getAnnotations(), SarifResultSerializers::region);
        out.field("relationships", l.getRelationships());
        out.properties("properties", l.getProperties());
    }

    private static void physicalLocation(PhysicalLocation p, Out out) throws IOException {
        out.field("address", p.getAddress());
        out.object("artifactLocation", p.getArtifactLocation(), SarifResultSerializers::artifactLocation);
        out.object("region", p.getRegion(), SarifResultSerializers::region);
        out.object("contextRegion", p.getContextRegion(), SarifResultSerializers::region);
        out.properties("properties", p.getProperties());
    }

    private static void artifactLocation(ArtifactLocation a, Out out) throws IOException {
        out.text("uri", a.getUri());
        out.text("uriBaseId", a.getUriBaseId());
        out.number("index", a.getIndex());
        out.object("description", a.getDescription(), SarifResultSerializers::message);
        out.properties("properties", a.getProperties());
    }

    private static void region(Region r, Out out) throws IOException {
        out.number("startLine", r.getStartLine());
        out.number("startColumn", r.getStartColumn());
        out.number("endLine", r.getEndLine());
        out.number("endColumn", r.getEndColumn());
        out.number("charOffset", r.getCharOffset());
        out.number("charLength", r.getCharLength());
        out.number("byteOffset", r.getByteOffset());
        out.number("byteLength", r.getByteLength());
        out.field("snippet", r.getSnippet());
        out.object("message", r.getMessage(), SarifResultSerializers::message);
        out.text("sourceLanguage", r.getSourceLanguage());
        out.properties("properties", r.getProperties());
    }

    private static void logicalLocation(LogicalLocation l, Out out) throws IOException {
        out.text("name", l.getName());
        out.number("index", l.getIndex());
        out.text("fullyQualifiedName", l.getFullyQualifiedName());
        out.text("decoratedName", l.getDecoratedName());
        out.number("parentIndex", l.getParentIndex());
        out.text("kind", l.getKind());
        out.properties("properties", l.getProperties());
    }

    private static void message(Message m, Out out) throws IOException {
        out.text("text", m.getText());
        out.text("markdown", m.getMarkdown());
        out.text("id", m.getId());
        out.field("arguments", m.getArguments());
        out.properties("properties", m.getProperties());
    }

    private static void partialFingerprints(PartialFingerprints f, Out out) throws IOException {
        out.entries(f.getAdditionalProperties());
    }

    private static void propertyBag(PropertyBag b, Out out) throws IOException {
        out.field("tags", b.getTags());
        out.entries(b.getAdditionalProperties());
    }
}
