package io.github.dgxspark.hardware;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.NodeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What is known about one machine: the {@link NodeSpec} the optimizer sizes, the per-GPU and disk
 * details behind it, and notes saying what could not be read and what was assumed.
 *
 * <pre>{@code
 * HardwareReport report = HardwareProbe.local();
 * String json = report.toJson();
 * HardwareReport same = HardwareReport.fromJson(json);
 * }</pre>
 *
 * @param node the machine as the optimizer sees it
 * @param gpus per-GPU details in index order (as many as {@code node.gpus()})
 * @param disks local disks, possibly none (pasted output and profiles have none)
 * @param driverVersion the NVIDIA driver version, or empty when unknown
 * @param cudaVersion the CUDA version the driver supports, or empty when unknown
 * @param origin where the figures come from: {@code probe}, {@code nvidia-smi} (pasted output),
 *     {@code profile:NAME} or {@code file}
 * @param notes readable sentences about what could not be read or was assumed
 */
public record HardwareReport(
    NodeSpec node,
    List<GpuReport> gpus,
    List<DiskReport> disks,
    String driverVersion,
    String cudaVersion,
    String origin,
    List<String> notes) {

  // enum names in any case: the adapter's hardware summary writes NIC kinds in lower case
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  // Checks the fields and copies the lists.
  public HardwareReport {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(driverVersion, "driverVersion");
    Objects.requireNonNull(cudaVersion, "cudaVersion");
    Objects.requireNonNull(origin, "origin");
    gpus = List.copyOf(gpus);
    disks = List.copyOf(disks);
    notes = List.copyOf(notes);
    if (gpus.size() != node.gpuCount()) {
      throw new HardwareException(
          String.format(
              Locale.ROOT,
              "hardware report has %d GPU details for a node with %d GPUs; expected one detail per GPU",
              gpus.size(),
              node.gpuCount()));
    }
  }

  /**
   * N copies of this machine as a cluster; the interconnect is the sum of the node's InfiniBand and
   * RoCE port rates (its Ethernet ports when it has none), see {@link
   * NodeSpec#networkBytesPerSecond()}.
   *
   * @param nodeCount how many nodes, 1 or more
   * @param manager the cluster manager
   * @return the cluster
   * @throws io.github.dgxspark.core.DgxSparkException if nodeCount is below 1, or above 1 with
   *     {@link ClusterManager#LOCAL}
   */
  public ClusterSpec cluster(int nodeCount, ClusterManager manager) {
    return ClusterSpec.of(node, nodeCount, manager);
  }

  /**
   * This report as indented JSON; {@link #fromJson(String)} reads it back unchanged.
   *
   * @return the JSON text
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new HardwareException("hardware report could not be written as JSON", e);
    }
  }

  /**
   * Reads a report written by {@link #toJson()}, or a bare {@link NodeSpec} JSON object (which
   * becomes a report with origin {@code file} and GPU details derived from the node).
   *
   * @param json the JSON text
   * @return the report
   * @throws HardwareException if the text is not JSON of either shape, or a field is invalid
   */
  public static HardwareReport fromJson(String json) {
    Objects.requireNonNull(json, "json");
    try {
      JsonNode tree = JSON.readTree(json);
      if (tree == null || !tree.isObject()) {
        throw new HardwareException(
            "hardware JSON is not an object; expected a hardware report or a node object");
      }
      if (tree.has("node")) {
        return JSON.treeToValue(tree, HardwareReport.class);
      }
      NodeSpec node = JSON.treeToValue(tree, NodeSpec.class);
      return Nodes.report(
          node, "file", List.of("read a bare node from JSON; no per-GPU details beyond it"));
    } catch (JsonProcessingException e) {
      throw new HardwareException(
          "hardware JSON could not be read: "
              + describe(e)
              + "; expected a hardware report (with a 'node' field) or a node object",
          e);
    } catch (IllegalArgumentException e) {
      throw new HardwareException("hardware JSON has an invalid field: " + e.getMessage(), e);
    }
  }

  /** What is wrong with the JSON, in the user's terms: the field's path, no Java class names. */
  private static String describe(JsonProcessingException e) {
    String where = "";
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          path.append('[').append(r.getIndex()).append(']');
        }
      }
      where = "field '" + path + "': ";
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return String.format(
          Locale.ROOT,
          "%sunknown field '%s'; known fields here: %s",
          where,
          u.getPropertyName(),
          u.getKnownPropertyIds());
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      // the records' own checks: a null is a missing field, the rest say what is wrong
      return v.getCause() instanceof NullPointerException
          ? where + "field '" + v.getCause().getMessage() + "' is missing"
          : where + v.getCause().getMessage();
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return where + "expected " + kind(m.getTargetType());
    }
    // the parser's own words, without the Java types Jackson names
    return where
        + e.getOriginalMessage()
            .replaceAll("\\s*\\(class [\\w.$]+\\)", "")
            .replaceAll("`[\\w.$]+\\.([\\w$]+)`", "$1");
  }

  private static String kind(Class<?> type) {
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  /**
   * Reads a hardware JSON file (see {@link #fromJson(String)}), e.g. for {@code --hardware
   * FILE.json}.
   *
   * @param file the file, UTF-8
   * @return the report
   * @throws HardwareException if the file cannot be read or is not hardware JSON; the message names
   *     the file
   */
  public static HardwareReport read(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HardwareException("hardware file " + file + " could not be read: " + e, e);
    }
    try {
      return fromJson(text);
    } catch (HardwareException e) {
      throw new HardwareException("hardware file " + file + ": " + e.getMessage(), e);
    }
  }
}
