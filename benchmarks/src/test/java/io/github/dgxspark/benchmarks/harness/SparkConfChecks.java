package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.SparkConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkMasterRegex$;
import org.apache.spark.internal.config.ConfigEntry;
import org.apache.spark.internal.config.ConfigEntry$;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfile$;
import org.apache.spark.resource.ResourceRequest;
import org.apache.spark.resource.ResourceUtils$;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.internal.SQLConf$;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Checks a generated config with Spark's own parsers, without a cluster: every key must be a key
 * Spark registers (read back through its typed {@code ConfigEntry}, which applies Spark's type
 * conversion and value checks), a SQL key Spark's {@code SQLConf} accepts, a resource key that
 * Spark's {@code ResourceUtils} and {@code ResourceProfile} parse, or a RAPIDS Accelerator key (its
 * plugin is not loaded: its values are checked for form only).
 */
final class SparkConfChecks {
  private static final Pattern RESOURCE =
      Pattern.compile(
          "spark\\.(executor|task|worker|driver)\\.resource\\.([^.]+)\\.(amount|discoveryScript|vendor)");

  /**
   * RAPIDS Accelerator keys the optimizer emits and the form of their values (the plugin's config
   * page,
   * docs.nvidia.com/spark-rapids/user-guide/latest/additional-functionality/advanced_configs.html).
   */
  private static final Map<String, String> RAPIDS_FORMS =
      Map.ofEntries(
          Map.entry("spark.rapids.sql.enabled", "boolean"),
          Map.entry("spark.rapids.sql.concurrentGpuTasks", "int"),
          Map.entry("spark.rapids.sql.batchSizeBytes", "bytes"),
          Map.entry("spark.rapids.memory.pinnedPool.size", "bytes"),
          Map.entry("spark.rapids.memory.host.spillStorageSize", "bytes"),
          Map.entry("spark.rapids.memory.gpu.pool", "ASYNC|ARENA|DEFAULT|NONE"),
          Map.entry("spark.rapids.memory.gpu.allocFraction", "fraction"),
          Map.entry("spark.rapids.memory.gpu.maxAllocFraction", "fraction"),
          Map.entry("spark.rapids.shuffle.mode", "MULTITHREADED|UCX|CACHE_ONLY"),
          Map.entry("spark.rapids.shuffle.multiThreaded.reader.threads", "int"),
          Map.entry("spark.rapids.shuffle.multiThreaded.writer.threads", "int"),
          Map.entry("spark.rapids.sql.multiThreadedRead.numThreads", "int"));

  static {
    // config entries register when the object holding them is initialised
    for (Object holder :
        List.of(
            org.apache.spark.internal.config.package$.MODULE$,
            org.apache.spark.internal.config.Kryo$.MODULE$,
            org.apache.spark.internal.config.Network$.MODULE$,
            org.apache.spark.internal.config.Worker$.MODULE$,
            org.apache.spark.internal.config.Deploy$.MODULE$,
            org.apache.spark.internal.config.Python$.MODULE$,
            SQLConf$.MODULE$,
            org.apache.spark.sql.internal.StaticSQLConf$.MODULE$)) {
      holder.hashCode();
    }
  }

  private SparkConfChecks() {}

  /**
   * Every problem Spark's parsers find in the config.
   *
   * @param config the config
   * @return readable problems, empty when Spark accepts every key
   */
  static List<String> problems(SparkConfig config) {
    List<String> problems = new ArrayList<>();
    SparkConf conf = new SparkConf(false);
    config.entries().forEach(conf::set);
    SQLConf sql = new SQLConf();
    for (Map.Entry<String, String> e : config.entries().entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      try {
        if (key.equals("spark.master")) {
          if (!SparkMasterRegex$.MODULE$.LOCAL_N_REGEX().matches(value)) {
            problems.add(key + "=" + value + ": not local[N]");
          }
        } else if (key.startsWith("spark.sql.")) {
          if (!SQLConf$.MODULE$.containsConfigKey(key)) {
            problems.add(key + ": not a SQL config key Spark knows");
          } else {
            sql.setConfString(key, value);
            sql.getConf(SQLConf$.MODULE$.getConfigEntry(key));
          }
        } else if (RESOURCE.matcher(key).matches()) {
          continue;
        } else if (key.startsWith("spark.rapids.")) {
          rapidsProblem(key, value).ifPresent(problems::add);
        } else {
          ConfigEntry<?> entry = ConfigEntry$.MODULE$.findEntry(key);
          if (entry == null) {
            problems.add(key + ": not a config key Spark knows");
          } else {
            conf.get(entry);
          }
        }
      } catch (RuntimeException | AssertionError ex) {
        problems.add(key + "=" + value + ": " + ex.getMessage());
      }
    }
    problems.addAll(resourceProblems(conf, config));
    return problems;
  }

  private static List<String> resourceProblems(SparkConf conf, SparkConfig config) {
    List<String> problems = new ArrayList<>();
    Set<String> components = new java.util.TreeSet<>();
    for (String key : config.entries().keySet()) {
      Matcher m = RESOURCE.matcher(key);
      if (m.matches()) {
        components.add(m.group(1));
      }
    }
    try {
      for (String component : components) {
        if (component.equals("task")) {
          ResourceUtils$.MODULE$.parseResourceRequirements(conf, "spark.task");
          continue;
        }
        for (ResourceRequest r :
            CollectionConverters.asJava(
                ResourceUtils$.MODULE$.parseAllResourceRequests(conf, "spark." + component))) {
          if (r.amount() < 1) {
            problems.add(
                "spark."
                    + component
                    + " resource "
                    + r.id().resourceName()
                    + ": amount "
                    + r.amount());
          }
          if (r.discoveryScript().isEmpty() && !component.equals("driver")) {
            problems.add(
                "spark."
                    + component
                    + " resource "
                    + r.id().resourceName()
                    + ": no discovery script");
          }
        }
      }
      if (components.contains("executor") || components.contains("task")) {
        ResourceProfile$.MODULE$.clearDefaultProfile();
        ResourceProfile rp = ResourceProfile$.MODULE$.getOrCreateDefaultProfile(conf);
        int cores = conf.getInt("spark.executor.cores", 1);
        int tasks = rp.maxTasksPerExecutor(conf);
        if (tasks != cores) {
          problems.add(
              String.format(
                  Locale.ROOT,
                  "executor runs %d task(s) at once, limited by %s, but has %d cores",
                  tasks,
                  rp.limitingResource(conf),
                  cores));
        }
        ResourceProfile$.MODULE$.clearDefaultProfile();
      }
    } catch (RuntimeException | AssertionError ex) {
      // Spark's require/assert throw IllegalArgumentException/AssertionError
      problems.add("resources: " + ex.getMessage());
    }
    return problems;
  }

  private static java.util.Optional<String> rapidsProblem(String key, String value) {
    String form = RAPIDS_FORMS.get(key);
    if (form == null) {
      return java.util.Optional.of(key + ": not a RAPIDS Accelerator key this check knows");
    }
    boolean ok;
    switch (form) {
      case "boolean":
        ok = value.equals("true") || value.equals("false");
        break;
      case "int":
        ok = value.matches("[1-9][0-9]*");
        break;
      case "bytes":
        ok = JavaUtils.byteStringAsBytes(value) > 0;
        break;
      case "fraction":
        double f = Double.parseDouble(value);
        ok = f > 0 && f <= 1;
        break;
      default:
        ok = value.matches(form);
    }
    return ok
        ? java.util.Optional.empty()
        : java.util.Optional.of(key + "=" + value + ": expected " + form);
  }
}
