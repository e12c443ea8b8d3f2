package io.github.dgxspark.adapter.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.adapter.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdioGuardTest {
  /** What the guard passed to the SDK and what it answered itself. */
  record Result(List<String> toSdk, List<JsonNode> answered) {}

  static Result feed(String input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StdioGuard guard =
        new StdioGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
    guard.pump();
    String passed = new String(guard.toSdk().readAllBytes(), StandardCharsets.UTF_8);
    List<JsonNode> answers = new ArrayList<>();
    for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!l.isEmpty()) {
        answers.add(Json.MAPPER.readTree(l));
      }
    }
    return new Result(passed.lines().toList(), answers);
  }

  @Test
  void pump_wellFormedMessages_passThroughUnchanged() throws IOException {
    String req = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    String note = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    Result r = feed(req + "\n\n" + note + "\r\n");
    assertEquals(List.of(req, note), r.toSdk());
    assertTrue(r.answered().isEmpty());
  }

  @Test
  void pump_malformedJson_parseErrorAndGoesOn() throws IOException {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
    Result r = feed("{\"jsonrpc\": oops\n" + ping + "\n");
    assertEquals(List.of(ping), r.toSdk());
    assertEquals(-32700, r.answered().get(0).path("error").path("code").asInt());
    assertTrue(r.answered().get(0).path("id").isNull());
  }

  @Test
  void pump_batchOrNonObject_invalidRequest() throws IOException {
    Result r = feed("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]\n42\n\"x\"\n");
    assertTrue(r.toSdk().isEmpty());
    assertEquals(3, r.answered().size());
    r.answered().forEach(a -> assertEquals(-32600, a.path("error").path("code").asInt()));
  }

  @Test
  void pump_notJsonRpcOrBadParams_invalidRequestWithTheId() throws IOException {
    Result r =
        feed(
            "{\"id\":7,\"method\":\"ping\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":5}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":5}\n");
    assertTrue(r.toSdk().isEmpty());
    assertEquals(7, r.answered().get(0).path("id").asInt());
    assertEquals(8, r.answered().get(1).path("id").asInt());
    assertTrue(r.answered().get(2).path("id").isNull());
    // JSON-RPC 2.0 section 7's example: {"method": 1} gets -32600 with a null id
    assertTrue(r.answered().get(3).path("id").isNull());
    assertEquals(4, r.answered().size(), "every invalid request is answered");
  }

  @Test
  void pump_idsOutsideLongOrNotStringOrInteger_invalidRequestWithNullIdAndGoesOn()
      throws IOException {
    List<String> badIds =
        List.of(
            "9223372036854775808",
            "-9223372036854775809",
            "1e3",
            "1.5",
            "null",
            "true",
            "{\"a\":1}",
            "[1]",
            "123456789012345678901234567890");
    StringBuilder in = new StringBuilder();
    for (String id : badIds) {
      in.append("{\"jsonrpc\":\"2.0\",\"id\":").append(id).append(",\"method\":\"ping\"}\n");
    }
    String good = "{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"ping\"}";
    Result r = feed(in + good + "\n");
    assertEquals(List.of(good), r.toSdk(), "only the good request reaches the SDK");
    assertEquals(badIds.size(), r.answered().size(), "every bad id is answered");
    for (JsonNode a : r.answered()) {
      assertEquals(-32600, a.path("error").path("code").asInt(), a.toString());
      assertTrue(a.path("id").isNull(), a.toString());
      assertTrue(a.path("error").path("message").asText().contains("2^63"), a.toString());
    }
  }

  @Test
  void pump_oversizedLine_invalidRequestAndGoesOn() throws IOException {
    String huge =
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"x\":\""
            + "a".repeat(StdioGuard.MAX_LINE_BYTES)
            + "\"}}";
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}";
    Result r = feed(huge + "\n" + ping + "\n");
    assertEquals(List.of(ping), r.toSdk());
    assertEquals(-32600, r.answered().get(0).path("error").path("code").asInt());
    assertTrue(r.answered().get(0).path("error").path("message").asText().contains("longer"));
  }

  @Test
  void lineOutput_partialWritesBecomeWholeLines() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    StdioGuard.LineOutput out = new StdioGuard.LineOutput(target);
    out.write("{\"a\":".getBytes(StandardCharsets.UTF_8));
    out.writeLine("{\"b\":2}".getBytes(StandardCharsets.UTF_8));
    out.write("1}\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"b\":2}\n{\"a\":1}\n", target.toString(StandardCharsets.UTF_8));
  }
}
