package dev.tollgate.engine.closure;

/**
 * A CEL type as a value ({@code type(x) == map}). Never leaves a closure: a condition's answer is a bool and a
 * message a string, and anything else bails.
 */
record TypeValue(String name) {

    static final TypeValue STRING = new TypeValue("string");
    static final TypeValue INT = new TypeValue("int");
    static final TypeValue DOUBLE = new TypeValue("double");
    static final TypeValue BOOL = new TypeValue("bool");
    static final TypeValue NULL = new TypeValue("null_type");
    static final TypeValue MAP = new TypeValue("map");
    static final TypeValue LIST = new TypeValue("list");
    static final TypeValue TYPE = new TypeValue("type");

    /** The type named by an identifier ({@code map}, {@code string}, ...), or null when the name is not one. */
    static TypeValue named(String name) {
        return switch (name) {
            case "string" -> STRING;
            case "int" -> INT;
            case "double" -> DOUBLE;
            case "bool" -> BOOL;
            case "null_type" -> NULL;
            case "map" -> MAP;
            case "list" -> LIST;
            case "type" -> TYPE;
            default -> null;
        };
    }
}
