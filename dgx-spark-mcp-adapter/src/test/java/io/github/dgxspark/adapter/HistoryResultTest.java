package io.github.dgxspark.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The history's public names: a run without an app id still names {@code appId}, as null. */
class HistoryResultTest {
  @Test
  void run_withoutAppId_writesNullAndReadsBack() {
    HistoryResult.Run run =
        new HistoryResult.Run(
            Optional.empty(),
            "event log",
            "etl",
            "/logs/a",
            2_084,
            2_054,
            1,
            1,
            0,
            "3.5.5",
            "user event log: master local[1]",
            Optional.empty());
    HistoryResult h = new HistoryResult("/h.json", true, List.of(run));
    JsonNode tree = Json.tree(h).path("runs").path(0);
    assertTrue(tree.has("appId") && tree.get("appId").isNull(), tree.toString());
    assertFalse(tree.has("recordedAt"), tree.toString());
    assertEquals(h, Json.read(Json.tree(h), HistoryResult.class));
  }
}
