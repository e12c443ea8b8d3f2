package io.github.dgxspark.core;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Apache Spark release number, as {@code SparkContext.version} and an event log's {@code
 * SparkListenerLogStart} report it. Vendor and build suffixes ({@code 3.3.0-amzn-1}, {@code
 * 4.1.0-SNAPSHOT}, {@code 3.5.1.3.3.6.0-1}) are dropped: the semantics of a build are those of the
 * Apache release it is based on.
 *
 * @param major the major version, e.g. 3
 * @param minor the minor version, e.g. 5
 * @param patch the maintenance version, e.g. 1 (0 when the text gives none)
 */
public record SparkVersion(int major, int minor, int patch) implements Comparable<SparkVersion> {
  /** The newest Spark release whose config registry the key table was read from. */
  public static final SparkVersion NEWEST = new SparkVersion(4, 1, 3);

  // major.minor, then optionally .patch, then anything that starts with a non-digit separator
  private static final Pattern VERSION =
      Pattern.compile("([0-9]{1,4})\\.([0-9]{1,4})(?:\\.([0-9]{1,4}))?(?:[-+._~ ].*)?");
  private static final Comparator<SparkVersion> ORDER =
      Comparator.comparingInt(SparkVersion::major)
          .thenComparingInt(SparkVersion::minor)
          .thenComparingInt(SparkVersion::patch);

  // Checks that every part is non-negative.
  public SparkVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "Spark version %d.%d.%d has a negative part; expected numbers 0 or more",
              major,
              minor,
              patch));
    }
  }

  /**
   * Parses a Spark version such as {@code 3.5.1}, {@code 3.3.0-amzn-1}, {@code 4.1.0-SNAPSHOT},
   * {@code 2.2} or {@code 3.5.1.3.3.6.0-1} (vendor suffixes after the third number are dropped).
   *
   * @param text the version text
   * @return the version
   * @throws DgxSparkException if the text does not start with major.minor
   */
  public static SparkVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = VERSION.matcher(text.trim());
    if (!m.matches()) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "Spark version '%s' is not a version; expected major.minor[.patch] with an optional"
                  + " suffix, e.g. 3.5.1 or 3.3.0-amzn-1",
              text));
    }
    return new SparkVersion(
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  /**
   * Whether this version is {@code major.minor} or later.
   *
   * @param major the major version
   * @param minor the minor version
   * @return true when this version is at least {@code major.minor.0}
   */
  public boolean atLeast(int major, int minor) {
    return compareTo(new SparkVersion(major, minor, 0)) >= 0;
  }

  @Override
  public int compareTo(SparkVersion other) {
    return ORDER.compare(this, other);
  }

  /**
   * The version as Spark writes it.
   *
   * @return e.g. {@code 3.5.1}
   */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
