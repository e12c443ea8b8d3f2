package io.github.dgxspark.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.github.dgxspark.core.EffectiveValue;
import io.github.dgxspark.models.recommendations.AbTestPlan;
import java.util.Collection;
import java.util.OptionalInt;

/**
 * The adapter's one JSON mapper: records of the other modules become JSON with {@code Optional}
 * unwrapped and no nulls (a field that must show {@code null} says so with {@code @JsonInclude}).
 * The adapter's result records are written and read back with it. Records holding {@code java.time}
 * values are mapped to result records with times as {@code ...Ms}, which also keeps the Java-time
 * module, and its start-up cost, out of the server.
 */
public final class Json {
  /** The shared mapper; thread-safe once configured. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT)
          .addMixIn(EffectiveValue.Source.class, ById.class)
          .addMixIn(AbTestPlan.class, AbTestPlanNames.class);

  /** An enum written as its {@code id()}: {@code log}, {@code default}, {@code unset}. */
  private abstract static class ById {
    @JsonValue
    abstract String id();
  }

  /** {@code runsPerArm} is a public name: {@code null} when the effect or variation is unknown. */
  private abstract static class AbTestPlanNames {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract OptionalInt runsPerArm();
  }

  private Json() {}

  /**
   * A new empty JSON object.
   *
   * @return the object
   */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * A new empty JSON array.
   *
   * @return the array
   */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /**
   * Any value (record, map, list, text, number) as a JSON tree.
   *
   * @param value the value
   * @return its tree
   */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /**
   * Texts as a JSON array.
   *
   * @param texts the texts
   * @return the array
   */
  public static ArrayNode texts(Collection<String> texts) {
    ArrayNode a = array();
    texts.forEach(a::add);
    return a;
  }

  /**
   * Parses JSON text.
   *
   * @param text the text
   * @return the tree
   * @throws AdapterException if the text is not JSON; the message gives the parser's reason
   */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AdapterException(
          "text is not JSON (" + e.getOriginalMessage() + "); expected a JSON document", e);
    }
  }

  /**
   * A value read from a tree, e.g. a result record from its redacted tree.
   *
   * @param <T> the value's type
   * @param tree the tree
   * @param type the value's type
   * @return the value
   * @throws AdapterException if the tree does not have the type's shape (never for trees written
   *     from that type)
   */
  public static <T> T read(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new AdapterException(
          "result could not be read back as " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A value (a tree or a record) as indented JSON.
   *
   * @param node the value
   * @return the text
   * @throws AdapterException if the tree cannot be written (never for trees built here)
   */
  public static String pretty(Object node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new AdapterException("result could not be written as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * A tree as one line of JSON.
   *
   * @param node the tree
   * @return the text
   * @throws AdapterException if the tree cannot be written (never for trees built here)
   */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new AdapterException("result could not be written as JSON: " + e.getMessage(), e);
    }
  }
}
