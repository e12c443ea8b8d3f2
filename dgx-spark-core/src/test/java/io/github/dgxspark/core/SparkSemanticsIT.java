package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The key table against the config registry of a real Spark release: each failsafe execution of
 * this module puts one Spark version on the class path (see the pom), and every key the table has
 * must agree with that Spark's {@code ConfigEntry} for existence and default. Spark is reached by
 * reflection only, so one test class serves Spark 3.5 (Scala 2.12) and 4.1 (Scala 2.13).
 */
class SparkSemanticsIT {
  /** The holder objects whose initialisation registers Spark's core config entries. */
  private static final List<String> CORE_HOLDERS =
      List.of(
          "org.apache.spark.internal.config.package$",
          "org.apache.spark.internal.config.Kryo$",
          "org.apache.spark.internal.config.Network$",
          "org.apache.spark.internal.config.Python$",
          "org.apache.spark.internal.config.UI$",
          "org.apache.spark.internal.config.History$",
          "org.apache.spark.internal.config.Worker$",
          "org.apache.spark.internal.config.Deploy$",
          "org.apache.spark.internal.config.Status$",
          "org.apache.spark.internal.config.Streaming$",
          "org.apache.spark.internal.config.R$",
          "org.apache.spark.internal.config.Tests$",
          "org.apache.spark.sql.internal.StaticSQLConf$");

  private static final String FALLBACK = "<value of ";

  @Test
  void everyTableKey_agreesWithTheRegistryOfTheSparkOnTheClassPath() throws Exception {
    String versionText =
        (String)
            module("org.apache.spark.package$")
                .getClass()
                .getMethod("SPARK_VERSION")
                .invoke(module("org.apache.spark.package$"));
    assertEquals(System.getProperty("it.spark.version"), versionText, "Spark on the class path");
    SparkVersion version = SparkVersion.parse(versionText);
    for (String holder : CORE_HOLDERS) {
      try {
        module(holder);
      } catch (ClassNotFoundException e) {
        // not in this release
      }
    }
    Object sqlConf = module("org.apache.spark.sql.internal.SQLConf$");
    // SQLConf.getConfigEntry from 3.0; before it, SQL entries are found in ConfigEntry's registry
    Method sqlEntry = null;
    for (Method m : sqlConf.getClass().getMethods()) {
      if (m.getName().equals("getConfigEntry") && m.getParameterCount() == 1) {
        sqlEntry = m;
      }
    }
    Object registry = module("org.apache.spark.internal.config.ConfigEntry$");
    Method coreEntry = registry.getClass().getMethod("findEntry", String.class);

    List<String> wrong = new ArrayList<>();
    Set<String> compared = new HashSet<>();
    for (SparkKeyTable.Key k : SparkKeyTable.builtIn().keys()) {
      if (!k.origin().equals("spark") || k.name().contains("*") || computed(k.name())) {
        continue; // RAPIDS keys, per-resource patterns, and defaults computed at run time
      }
      Optional<Object> entry = entry(k.name(), sqlConf, sqlEntry, registry, coreEntry);
      boolean exists = SparkSemantics.exists(k.name(), version);
      if (entry.isEmpty()) {
        continue; // read inline by Spark (or in a module not on this class path): nothing to
        // compare
      }
      compared.add(k.name());
      if (!exists) {
        wrong.add(k.name() + ": Spark " + version + " has it; the table says it does not exist");
        continue;
      }
      String sparkDefault = defaultOf(entry.get(), sqlConf, sqlEntry, registry, coreEntry);
      Optional<String> ours = SparkSemantics.defaultValue(k.name(), version);
      boolean same =
          sparkDefault == null
              ? ours.isEmpty()
              : ours.isPresent() && SparkSemantics.sameValue(k.name(), ours.get(), sparkDefault);
      if (!same) {
        wrong.add(
            k.name()
                + ": Spark "
                + version
                + " default '"
                + sparkDefault
                + "', table '"
                + ours.orElse("<none>")
                + "'");
      }
    }
    assertTrue(wrong.isEmpty(), wrong.size() + " disagreements:\n" + String.join("\n", wrong));
    // Spark 2.4 registers about 150 of the table's keys, 3.3 and later over 500
    assertTrue(compared.size() > 100, "only " + compared.size() + " keys compared");
    List<String> mustCompare =
        new ArrayList<>(
            List.of(
                "spark.sql.shuffle.partitions",
                "spark.sql.adaptive.enabled",
                "spark.sql.autoBroadcastJoinThreshold",
                "spark.sql.files.maxPartitionBytes",
                "spark.executor.memory",
                "spark.executor.memoryOverhead",
                "spark.sql.execution.arrow.maxRecordsPerBatch"));
    if (version.atLeast(3, 0)) {
      mustCompare.addAll(
          List.of(
              "spark.memory.fraction",
              "spark.reducer.maxSizeInFlight",
              "spark.serializer",
              "spark.sql.adaptive.skewJoin.enabled",
              "spark.sql.adaptive.advisoryPartitionSizeInBytes",
              "spark.sql.execution.arrow.pyspark.enabled"));
    }
    if (version.atLeast(3, 3)) {
      mustCompare.add("spark.executor.memoryOverheadFactor");
    }
    if (version.atLeast(4, 0)) {
      mustCompare.add("spark.executor.minMemoryOverhead");
    }
    mustCompare.removeAll(compared);
    assertTrue(mustCompare.isEmpty(), "not compared: " + mustCompare);
  }

  // whether the key's default, followed through fallbacks, is computed at run time
  private static boolean computed(String key) {
    Optional<SparkKeyTable.Key> k = SparkKeyTable.builtIn().find(key);
    if (k.isEmpty()) {
      return false;
    }
    if (k.get().computed().isPresent()) {
      return true;
    }
    return k.get()
        .defaultAt(SparkVersion.NEWEST)
        .flatMap(SparkKeyTable::fallbackKey)
        .map(SparkSemanticsIT::computed)
        .orElse(false);
  }

  // Spark's default as text; null for an optional entry; a fallback is followed to its key
  private static String defaultOf(
      Object entry, Object sqlConf, Method sqlEntry, Object registry, Method coreEntry)
      throws ReflectiveOperationException {
    String text = (String) entry.getClass().getMethod("defaultValueString").invoke(entry);
    // no default: an optional entry, a default of null, or an empty list (toSequence with Nil)
    if (text.equals("<undefined>") || text.equals("null") || text.isEmpty()) {
      return null;
    }
    if (text.startsWith(FALLBACK) && text.endsWith(">")) {
      String key = text.substring(FALLBACK.length(), text.length() - 1);
      Optional<Object> next = entry(key, sqlConf, sqlEntry, registry, coreEntry);
      return next.isPresent()
          ? defaultOf(next.get(), sqlConf, sqlEntry, registry, coreEntry)
          : null;
    }
    return text;
  }

  private static Optional<Object> entry(
      String key, Object sqlConf, Method sqlEntry, Object registry, Method coreEntry)
      throws ReflectiveOperationException {
    Object e = sqlEntry == null ? null : sqlEntry.invoke(sqlConf, key);
    if (e == null) {
      e = coreEntry.invoke(registry, key);
    }
    return Optional.ofNullable(e);
  }

  private static Object module(String name) throws ReflectiveOperationException {
    try {
      return Class.forName(name).getField("MODULE$").get(null);
    } catch (ExceptionInInitializerError e) {
      throw new InvocationTargetException(e, name + " failed to initialise");
    }
  }
}
