package io.github.dgxspark.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.SparkVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The test cases of one rule, from {@code
 * io/github/dgxspark/rules/internal/<category>/<Name>.json}: a config, optional hardware, how many
 * findings of that rule it must produce and, optionally, the value every finding must suggest
 * ({@code "suggest"}) and the Spark release to validate for ({@code "sparkVersion"}, the newest
 * when absent).
 */
public final class RuleCases {
  /** One case. */
  public record Case(
      String name,
      Map<String, String> config,
      Optional<ClusterSpec> hardware,
      int expected,
      Optional<String> suggested,
      SparkVersion sparkVersion) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private RuleCases() {}

  /** The resource path of a rule's case file. */
  public static String path(RuleEntry e) {
    return "/io/github/dgxspark/rules/internal/" + e.category() + "/" + e.name() + ".json";
  }

  /**
   * Loads the cases of a rule.
   *
   * @return the cases, empty when the file is missing
   */
  public static List<Case> load(RuleEntry e) {
    List<Case> out = new ArrayList<>();
    try (InputStream in = RuleCases.class.getResourceAsStream(path(e))) {
      if (in == null) {
        return out;
      }
      JsonNode root = JSON.readTree(in);
      for (JsonNode c : root.path("cases")) {
        Map<String, String> config = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> kv : c.path("config").properties()) {
          config.put(kv.getKey(), kv.getValue().asText());
        }
        Optional<ClusterSpec> hw =
            c.hasNonNull("hardware")
                ? Optional.of(
                    TestHardware.cluster(
                        c.get("hardware").asText(),
                        c.path("nodes").asInt(1),
                        c.path("manager").asText("standalone")))
                : Optional.empty();
        Optional<String> suggested =
            c.hasNonNull("suggest") ? Optional.of(c.get("suggest").asText()) : Optional.empty();
        SparkVersion version =
            c.hasNonNull("sparkVersion")
                ? SparkVersion.parse(c.get("sparkVersion").asText())
                : SparkVersion.NEWEST;
        out.add(
            new Case(
                c.path("name").asText(), config, hw, c.path("expect").asInt(), suggested, version));
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(path(e), ex);
    }
    return out;
  }

  /** The findings of one rule for a case. */
  public static List<Finding> run(RuleEntry e, Case c) {
    return RuleBook.builtIn()
        .validate(c.config(), c.hardware(), c.sparkVersion(), Optional.empty())
        .findings()
        .stream()
        .filter(f -> f.ruleId().equals(e.name()))
        .toList();
  }
}
