package dev.tollgate.parse.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code jsonencode} and {@code jsondecode} as Terraform does them (Go's encoder: sorted keys, {@code <>&} escaped).
 */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /**
     * The longest text {@link #encode} writes. Locals can double a value at each step, sharing it (2^40 values after
     * 40 steps, which Terraform would not finish either); past this, encoding fails as an evaluation problem.
     */
    static final int MAX_ENCODED_CHARS = 16 * 1024 * 1024;

    static String encode(Object v) {
        StringBuilder sb = new StringBuilder();
        write(v, sb);
        return sb.toString();
    }

    private static void checkLength(StringBuilder sb) {
        if (sb.length() > MAX_ENCODED_CHARS) {
            throw new EvalException("jsonencode: the value is over " + MAX_ENCODED_CHARS + " characters as JSON");
        }
    }

    private static void write(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(s, sb);
        } else if (v instanceof BigDecimal d) {
            sb.append(Values.numberText(d));
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(l.get(i), sb);
                checkLength(sb);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), sb);
                sb.append(':');
                write(e.getValue(), sb);
                checkLength(sb);
            }
            sb.append('}');
        } else {
            throw new EvalException("cannot encode " + Values.typeName(v) + " as JSON");
        }
    }

    /** True for the characters {@link #quote} writes as an escape: controls, {@code " \\ < > &}, U+2028, U+2029. */
    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\u2028'
                || c == '\u2029';
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            // Characters that need no escape are copied a run at a time, not appended one by one.
            int run = i;
            while (run < n && !needsEscape(s.charAt(run))) {
                run++;
            }
            if (run > i) {
                sb.append(s, i, run);
                i = run;
                if (i == n) {
                    break;
                }
            }
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** {@code jsondecode}: the value, or an evaluation error saying why the text is not JSON. */
    static Object decode(String text) {
        try {
            return decodeDocument(text);
        } catch (Invalid e) {
            throw new EvalException("jsondecode: " + e.getMessage());
        }
    }

    /** Invalid JSON in a file, where the parser stopped (1-based line and column). */
    static final class Invalid extends Exception {
        private final int line;
        private final int column;

        Invalid(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    /** A whole JSON text as evaluation values (numbers as BigDecimal), or where and why it is not JSON. */
    static Object decodeDocument(String text) throws Invalid {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new Invalid("empty input", 1, 1);
            }
            Object v = read(p, t);
            if (p.nextToken() != null) {
                throw new Invalid("extra data after the JSON value", p.currentLocation().getLineNr(),
                        p.currentLocation().getColumnNr());
            }
            return v;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new Invalid("invalid JSON (" + e.getOriginalMessage() + ")",
                    at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()));
        } catch (IOException e) {
            throw new Invalid("invalid JSON", 1, 1);
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, read(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(read(p, n));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new BigDecimal(p.getText());
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new EvalException("jsondecode: unexpected " + t);
        }
    }
}
