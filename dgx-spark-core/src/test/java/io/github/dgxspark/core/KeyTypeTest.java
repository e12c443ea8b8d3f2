package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Typed reading and the key table's records. Units of bare numbers are Spark 4.1.3's: {@code
 * spark.executor.memory} is {@code bytesConf(ByteUnit.MiB)} and {@code spark.network.timeout} is
 * {@code timeConf(TimeUnit.SECONDS)} (core/src/main/scala/org/apache/spark/internal/config/
 * package.scala, tag v4.1.3).
 */
class KeyTypeTest {
  @Test
  void read_bareSizeOfMibKey_isMebibytes() {
    assertEquals(
        Optional.of(4L * ByteSizes.MIB), KeyType.SIZE.read("spark.executor.memory", " 4 "));
    assertEquals(Optional.of(2L * ByteSizes.GIB), KeyType.SIZE.read("spark.executor.memory", "2g"));
  }

  @Test
  void read_bareTimeOfSecondsKey_isMillis() {
    assertEquals(Optional.of(120_000L), KeyType.TIME.read("spark.network.timeout", "120"));
  }

  @Test
  void read_malformed_isEmpty() {
    assertTrue(KeyType.SIZE.read("spark.executor.memory", "4XB").isEmpty());
    assertTrue(KeyType.INT.read("spark.executor.cores", "1.5").isEmpty());
    assertTrue(KeyType.BOOLEAN.read("spark.speculation", "yes").isEmpty());
    assertEquals(Optional.of(Boolean.TRUE), KeyType.BOOLEAN.read("spark.speculation", "TRUE"));
  }

  @Test
  void parse_unknownType_namesItAndTheAcceptedOnes() {
    DgxSparkException e = assertThrows(DgxSparkException.class, () -> KeyType.parse("bytes"));
    assertEquals(
        "key type 'bytes' is not known; expected size, time, int, double, boolean, enum, class or"
            + " string",
        e.getMessage());
  }

  @Test
  void knownKey_perResourceKey_isTheWildcardEntry() {
    ConfigKey k = SparkSemantics.knownKey("spark.task.resource.gpu.amount").orElseThrow();
    assertEquals("spark.task.resource.*.amount", k.name());
    assertEquals(KeyType.DOUBLE, k.type());
    assertTrue(SparkSemantics.knownKey("spark.executor.memry").isEmpty());
  }

  @Test
  void knownKeys_memory_hasUnitDefaultAndNumericValue() {
    ConfigKey k = SparkSemantics.knownKey("spark.executor.memory").orElseThrow();
    assertEquals(Optional.of("m"), k.unit());
    assertEquals(Optional.of("1g"), k.defaultValue());
    assertEquals(OptionalDouble.of(512.0 * ByteSizes.MIB), k.numericValue("512"));
    assertTrue(SparkSemantics.knownKeys().contains(k));
    assertTrue(SparkSemantics.inOpenNamespace("spark.hadoop.fs.s3a.endpoint"));
  }
}
