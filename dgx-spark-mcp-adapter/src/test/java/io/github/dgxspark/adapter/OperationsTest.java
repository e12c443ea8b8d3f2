package io.github.dgxspark.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.core.Redaction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Operations#redacted}: the one pass every CLI and MCP result goes through. */
class OperationsTest {
  @Test
  void redacted_valuesUnderSparkKeysAndChanges_hiddenReasonsKept() {
    ObjectNode tree = Json.object();
    tree.putObject("current")
        .put("spark.authenticate.secret", "hunter2-abc")
        .put("spark.executor.extraJavaOptions", "-Dx.trustStorePassword=pw12345 -Xss4m")
        .put("spark.executor.memory", "8g");
    String reason =
        "Authenticate RPC with a secret read from a file, not a password in the config.";
    tree.putObject("reasons").put("spark.authenticate", reason);
    tree.putArray("changes")
        .addObject()
        .put("key", "spark.authenticate.secrt")
        .put("current", "hunter2-typo")
        .put("proposed", "hunter2-typo");
    tree.put("reason", "it was hunter2-xyz before");

    Operations.redacted(tree, Map.of("spark.x.password", "hunter2-xyz"));

    assertEquals(Redaction.REDACTED, tree.at("/current/spark.authenticate.secret").asText());
    assertEquals(
        "-Dx.trustStorePassword=" + Redaction.REDACTED + " -Xss4m",
        tree.at("/current/spark.executor.extraJavaOptions").asText());
    assertEquals("8g", tree.at("/current/spark.executor.memory").asText());
    assertEquals(reason, tree.at("/reasons/spark.authenticate").asText());
    assertEquals(Redaction.REDACTED, tree.at("/changes/0/current").asText());
    assertEquals(Redaction.REDACTED, tree.at("/changes/0/proposed").asText());
    assertEquals("it was " + Redaction.REDACTED + " before", tree.path("reason").asText());
  }
}
