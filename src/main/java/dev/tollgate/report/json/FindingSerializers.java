package dev.tollgate.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;

/**
 * Serializers for the records the JSON report holds once per finding ({@link JsonReport.Finding}, its
 * {@link JsonReport.Resource} and {@link JsonReport.Place}s), written out by hand: Jackson's record serializer calls
 * each component's accessor reflectively, which for tens of thousands of findings was a measurable part of writing the
 * report. They write what it writes: every component in declaration order, null as {@code null}.
 * {@code JsonReporterTest} compares both.
 */
final class FindingSerializers {

    private FindingSerializers() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("tollgate-json-findings");
        module.addSerializer(JsonReport.Finding.class, new JsonSerializer<>() {
            @Override
            public void serialize(JsonReport.Finding f, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeStartObject(f);
                gen.writeStringField("policy", f.policy());
                gen.writeStringField("title", f.title());
                gen.writeStringField("severity", f.severity());
                strings(gen, "checklist", f.checklist());
                gen.writeStringField("file", f.file());
                gen.writeNumberField("line", f.line());
                gen.writeNumberField("column", f.column());
                gen.writeFieldName("resource");
                resource(gen, f.resource());
                gen.writeStringField("pointer", f.pointer());
                gen.writeStringField("message", f.message());
                gen.writeStringField("fingerprint", f.fingerprint());
                gen.writeFieldName("calledFrom");
                if (f.calledFrom() == null) {
                    gen.writeNull();
                } else {
                    gen.writeStartArray(f.calledFrom(), f.calledFrom().size());
                    for (JsonReport.Place p : f.calledFrom()) {
                        place(gen, p);
                    }
                    gen.writeEndArray();
                }
                gen.writeEndObject();
            }
        });
        module.addSerializer(JsonReport.Resource.class, new JsonSerializer<>() {
            @Override
            public void serialize(JsonReport.Resource r, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                resource(gen, r);
            }
        });
        module.addSerializer(JsonReport.Place.class, new JsonSerializer<>() {
            @Override
            public void serialize(JsonReport.Place p, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                place(gen, p);
            }
        });
        return module;
    }

    /** {@code writeStringField} writes a null string as {@code null}, as the record serializer does. */
    private static void strings(JsonGenerator gen, String name, List<String> values) throws IOException {
        gen.writeFieldName(name);
        if (values == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartArray(values, values.size());
        for (String v : values) {
            gen.writeString(v);
        }
        gen.writeEndArray();
    }

    private static void resource(JsonGenerator gen, JsonReport.Resource r) throws IOException {
        if (r == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject(r);
        gen.writeStringField("address", r.address());
        gen.writeStringField("kind", r.kind());
        gen.writeStringField("name", r.name());
        gen.writeEndObject();
    }

    private static void place(JsonGenerator gen, JsonReport.Place p) throws IOException {
        if (p == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject(p);
        gen.writeStringField("file", p.file());
        gen.writeNumberField("line", p.line());
        gen.writeEndObject();
    }
}
