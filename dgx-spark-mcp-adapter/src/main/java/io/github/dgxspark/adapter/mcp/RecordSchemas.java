package io.github.dgxspark.adapter.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.adapter.Json;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Output schemas made from the result records themselves, through the adapter's one mapper: the
 * property names, their order and which may be absent are those Jackson writes, so a tool's
 * declared schema and its structured content cannot drift apart. Every property has one JSON type
 * (never a type array, which clients that map schemas to function declarations refuse); a value
 * that is written as {@code null} when absent ({@code @JsonInclude(ALWAYS)} on an {@code Optional})
 * gets no type at all and is not required (the MCP SDK leaves nulls out of structured content).
 * Properties that are never absent are required; more may be added.
 */
final class RecordSchemas {
  private static final int MAX_DEPTH = 12;

  private RecordSchemas() {}

  /**
   * The JSON Schema of what the mapper writes for a type.
   *
   * @param type a result record
   * @return the schema
   */
  static ObjectNode of(Class<?> type) {
    return schema(Json.MAPPER.constructType(type), 0);
  }

  private static ObjectNode schema(JavaType t, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("type nested too deep for a schema: " + t);
    }
    Class<?> raw = t.getRawClass();
    if (raw == String.class || raw.isEnum() || raw == Character.class || raw == char.class) {
      return Schemas.type("string");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return Schemas.type("boolean");
    }
    if (raw == int.class
        || raw == long.class
        || raw == short.class
        || raw == Integer.class
        || raw == Long.class
        || raw == Short.class
        || raw == OptionalInt.class
        || raw == OptionalLong.class) {
      return Schemas.type("integer");
    }
    if (raw == double.class
        || raw == float.class
        || raw == Double.class
        || raw == Float.class
        || raw == OptionalDouble.class) {
      return Schemas.type("number");
    }
    if (raw == Optional.class) {
      return schema(t.containedType(0), depth + 1);
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return Schemas.arrayOf(schema(t.getContentType(), depth + 1));
    }
    if (Map.class.isAssignableFrom(raw)) {
      ObjectNode o = Schemas.type("object");
      o.set("additionalProperties", schema(t.getContentType(), depth + 1));
      return o;
    }
    return objectSchema(t, depth);
  }

  private static ObjectNode objectSchema(JavaType t, int depth) {
    SerializationConfig config = Json.MAPPER.getSerializationConfig();
    BeanDescription bean = config.introspect(t);
    ObjectNode o = Schemas.type("object");
    ObjectNode properties = o.putObject("properties");
    ArrayNode required = o.putArray("required");
    for (BeanPropertyDefinition p : bean.findProperties()) {
      if (!p.couldSerialize()) {
        continue;
      }
      JavaType type = p.getPrimaryType();
      Class<?> raw = type.getRawClass();
      boolean absentable =
          raw == Optional.class
              || raw == OptionalInt.class
              || raw == OptionalLong.class
              || raw == OptionalDouble.class;
      JsonInclude.Value include = p.findInclusion();
      boolean writtenAsNull =
          absentable
              && include != null
              && include.getValueInclusion() == JsonInclude.Include.ALWAYS;
      if (writtenAsNull) {
        // a value or null (which the MCP transport leaves out): no type, a type array is not
        // portable
        properties.set(p.getName(), Json.object());
      } else {
        properties.set(p.getName(), schema(type, depth + 1));
        if (!absentable) {
          required.add(p.getName());
        }
      }
    }
    return o;
  }
}
