package io.github.dgxspark.adapter.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.adapter.BottlenecksResult;
import io.github.dgxspark.adapter.Fixtures;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.adapter.Operations;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordSchemasTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode n) {
    return Json.MAPPER.convertValue(n, Map.class);
  }

  @Test
  void of_bottlenecksOfARealLog_namesWhatTheMapperWritesAndRejectsAMissingField() {
    BottlenecksResult r =
        Operations.bottlenecks(
            Optional.of(Fixtures.file("customshuffle_eventlog.zstd")), Map.of(), Optional.empty());
    ObjectNode schema = RecordSchemas.of(BottlenecksResult.class);
    ObjectNode tree = (ObjectNode) Json.tree(r);
    List<String> written = new ArrayList<>();
    tree.fieldNames().forEachRemaining(written::add);
    List<String> declared = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(declared::add);
    assertTrue(declared.containsAll(written), declared + " vs " + written);
    JsonNode item = schema.at("/properties/bottlenecks/items/properties");
    List<String> itemWritten = new ArrayList<>();
    tree.at("/bottlenecks/0").fieldNames().forEachRemaining(itemWritten::add);
    for (String f : itemWritten) {
      assertTrue(item.has(f), f);
    }
    assertEquals("integer", item.at("/estimatedSavingMs/type").asText());
    DefaultJsonSchemaValidator v = new DefaultJsonSchemaValidator(Json.MAPPER);
    assertTrue(v.validate(map(schema), map(tree)).valid());
    ObjectNode broken = tree.deepCopy();
    ((ObjectNode) broken.at("/bottlenecks/0")).remove("severity");
    assertFalse(v.validate(map(schema), map(broken)).valid());
    broken = tree.deepCopy();
    broken.put("basis", 3);
    assertFalse(v.validate(map(schema), map(broken)).valid());
  }
}
