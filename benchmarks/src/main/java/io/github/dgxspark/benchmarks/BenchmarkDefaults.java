package io.github.dgxspark.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every benchmark of this project shares: average time per call in microseconds, 3
 * warm-up and 5 measured iterations of 1 second, one fork. A benchmark class extends this and
 * overrides an annotation only with a reason in its javadoc.
 *
 * <p>Run all: {@code ./mvnw -B -q -DskipTests package -pl benchmarks -am && java -jar
 * benchmarks/target/benchmarks.jar}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class BenchmarkDefaults {}
