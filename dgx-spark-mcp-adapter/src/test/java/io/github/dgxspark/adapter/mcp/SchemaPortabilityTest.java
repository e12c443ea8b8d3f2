package io.github.dgxspark.adapter.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.adapter.Json;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every tool's input and output schema gives each value one JSON type: a type array such as {@code
 * ["object","string"]} is refused by clients that turn schemas into function declarations, and the
 * MCP Inspector's {@code --strict} mode warns on it.
 */
class SchemaPortabilityTest {
  @TempDir Path dir;

  @Test
  void everyToolSchema_hasSingleTypes() {
    List<SyncToolSpecification> tools = Tools.all(new AllowedFiles(List.of(dir)));
    assertTrue(tools.size() >= 10, "tools: " + tools.size());
    List<String> arrays = new ArrayList<>();
    int typed = 0;
    for (SyncToolSpecification t : tools) {
      JsonNode tool = Json.tree(t.tool());
      typed += walk(tool.path("name").asText() + ".inputSchema", tool.path("inputSchema"), arrays);
      typed +=
          walk(tool.path("name").asText() + ".outputSchema", tool.path("outputSchema"), arrays);
    }
    assertEquals(List.of(), arrays);
    assertTrue(typed > 2 * tools.size(), "schemas walked: " + typed + " typed nodes");
  }

  /** Collects the paths of type arrays; returns the number of nodes with a {@code type}. */
  private static int walk(String path, JsonNode n, List<String> arrays) {
    int typed = 0;
    if (n.isObject()) {
      JsonNode type = n.get("type");
      if (type != null) {
        typed++;
        if (!type.isTextual()) {
          arrays.add(path + ".type = " + type);
        }
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        typed += walk(path + "." + e.getKey(), e.getValue(), arrays);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        typed += walk(path + "[" + i + "]", n.get(i), arrays);
      }
    }
    return typed;
  }
}
