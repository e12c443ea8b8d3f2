package io.github.dgxspark.models.workload;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.models.ModelsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads data sizes, row counts, model sizes, GPU intent and operations out of a description. Sizes
 * are binary, as Spark reads them (1 TB = 1 TiB); rows become bytes through a stated row width.
 */
final class TextExtractor {
  /**
   * Bytes per row assumed when a size is given in rows and the text does not state a width. TPC-H's
   * lineitem table has 6,001,215 rows at scale factor 1 (TPC-H specification 2.x, clause 4.2.5) and
   * dbgen writes it as a file of about 760 MB, about 127 bytes per row; 128 is that rounded.
   */
  static final long DEFAULT_ROW_WIDTH_BYTES = 128;

  /** Where the default row width comes from. */
  static final String ROW_WIDTH_SOURCE =
      "TPC-H lineitem at scale factor 1: 6,001,215 rows in about 760 MB of dbgen text (TPC-H"
          + " specification, clause 4.2.5)";

  private static final String ACCEPTED_UNITS =
      "expected B, KB, MB, GB, TB or PB (read as binary units like Spark: 1 TB = 1 TiB), KiB…PiB,"
          + " the words bytes…petabytes, Spark suffixes k, m, g, t, p, or a row count such as"
          + " '300 million rows'";

  private static final Map<String, Long> UNITS = new LinkedHashMap<>();

  static {
    String[][] names = {
      {"b", "byte", "bytes"},
      {"kb", "kib", "kilobyte", "kilobytes", "k"},
      {"mb", "mib", "megabyte", "megabytes", "m"},
      {"gb", "gib", "gigabyte", "gigabytes", "g"},
      {"tb", "tib", "terabyte", "terabytes", "t"},
      {"pb", "pib", "petabyte", "petabytes", "p"}
    };
    long[] sizes = {1, ByteSizes.KIB, ByteSizes.MIB, ByteSizes.GIB, ByteSizes.TIB, ByteSizes.PIB};
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        UNITS.put(n, sizes[i]);
      }
    }
  }

  private static final Map<String, Long> SCALES =
      Map.ofEntries(
          Map.entry("thousand", 1_000L),
          Map.entry("k", 1_000L),
          Map.entry("million", 1_000_000L),
          Map.entry("mn", 1_000_000L),
          Map.entry("m", 1_000_000L),
          Map.entry("billion", 1_000_000_000L),
          Map.entry("bn", 1_000_000_000L),
          Map.entry("b", 1_000_000_000L),
          Map.entry("trillion", 1_000_000_000_000L),
          Map.entry("t", 1_000_000_000_000L));

  private static final String NUMBER = "(\\d[\\d,]*(?:\\.\\d+)?)";
  private static final String SCALE = "(thousand|million|billion|trillion|bn|mn|k|m|b|t)";

  /** A number with a byte unit: "10 TB", "1.5TiB", "300 gigabytes". */
  private static final Pattern BYTES =
      Pattern.compile(
          "(?<![\\w.])(-\\s*)?"
              + NUMBER
              + "\\s*(petabytes?|terabytes?|gigabytes?|megabytes?|kilobytes?|bytes?|[kmgtp]i?b)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A number with a unit that looks like bytes but is none of ours: "10 XB", "2 ZB". */
  private static final Pattern ODD_BYTES =
      Pattern.compile(NUMBER + "\\s*([a-hj-z]i?b)\\b", Pattern.CASE_INSENSITIVE);

  /** A row count: "300 million rows", "2B records", "50,000 events". */
  private static final Pattern ROWS =
      Pattern.compile(
          "(?<![\\w.])(-\\s*)?"
              + NUMBER
              + "\\s*"
              + SCALE
              + "?\\s+(rows|records|events|lines|transactions)\\b"
              + "(?:\\s+(?:of|at)\\s+(?:about\\s+)?(\\d+)\\s*(?:bytes?|b)(?:\\s+each)?)?",
          Pattern.CASE_INSENSITIVE);

  /** A row width stated elsewhere: "rows of 200 bytes", "200-byte rows", "200 bytes per row". */
  private static final Pattern WIDTH =
      Pattern.compile(
          "(\\d+)\\s*-?\\s*(?:bytes?|b)\\s*(?:per\\s+(?:row|record)|rows|records)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PARAMETERS =
      Pattern.compile(
          NUMBER + "\\s*" + SCALE + "?[\\s-]*(?:parameters?|params)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern MODEL =
      Pattern.compile(
          NUMBER + "\\s*(m|b|t)\\b[\\s-]*(?:[a-z]+\\s+)?(?:model|llm|transformer)s?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern GPU_DECLINED =
      Pattern.compile(
          "\\bcpu[\\s-]*only\\b|\\bwithout\\s+(?:a\\s+|any\\s+)?gpus?\\b|\\bno\\s+gpus?\\b"
              + "|\\bnot\\s+on\\s+(?:the\\s+)?gpus?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern GPU_REQUESTED =
      Pattern.compile(
          "\\bgpus?\\b|\\bcuda\\b|\\brapids\\b|\\b(?:a100|h100|h200|b200|gb10|gb200|gb300|v100|l4|t4|a10g?)s?\\b"
              + "|\\bdgx\\b|\\btensorrt\\b|use_gpu\\s*=\\s*true|device\\s*=\\s*[\"']cuda",
          Pattern.CASE_INSENSITIVE);

  private static final Map<String, Pattern> OPERATIONS = new LinkedHashMap<>();

  static {
    String[][] ops = {
      {
        "read-stream",
        "readstream|\\bkafka\\b|\\bkinesis\\b|streamingcontext|dstream|createdirectstream"
      },
      {"write-stream", "writestream|foreachbatch"},
      {"watermark", "watermark"},
      {"read", "spark\\.read\\b|\\bread\\b|\\bscan|\\.load\\(|\\bingest"},
      {"filter", "\\.filter\\(|\\bwhere\\b|\\bfilter"},
      {"join", "\\bjoin"},
      {"aggregate", "group\\s*by|groupby|\\.agg\\(|aggregat|\\bsum\\(|\\bcount\\(|\\bavg\\("},
      {"window", "\\bwindow\\b|\\bover\\s*\\(|window functions?"},
      {"sort", "order\\s*by|orderby|\\bsort"},
      {"deduplicate", "dropduplicates|dedup|\\bdistinct\\b"},
      {"union", "\\bunion"},
      {"explode", "\\bexplode"},
      {"pivot", "\\bpivot"},
      {"udf", "\\budfs?\\b|pandas_udf|applyinpandas|mapinpandas"},
      {"repartition", "repartition|\\bcoalesce\\("},
      {"write", "\\.write\\b|insert\\s+(?:into|overwrite)|saveastable|merge\\s+into|\\bwrites?\\b"},
      {"fit", "\\.fit\\(|\\bfit\\b|\\btrain(?:ing)?\\b"},
      {"predict", "\\.transform\\(|\\bpredict|\\bscor(?:e|ing)\\b|\\binference\\b"},
      {"pagerank", "page\\s*rank"},
      {"connected-components", "connected\\s*components"},
      {"shortest-paths", "shortest\\s*paths?"},
      {"triangle-count", "triangle"}
    };
    for (String[] op : ops) {
      OPERATIONS.put(op[0], Pattern.compile(op[1], Pattern.CASE_INSENSITIVE));
    }
  }

  private TextExtractor() {}

  /**
   * Reads everything the text says.
   *
   * @param text a description
   * @return the facts
   * @throws ModelsException if a size in the text is negative or has a unit that is not a size
   */
  static ExtractionResult extract(String text) {
    return new ExtractionResult(
        dataSize(text), modelParameters(text), gpuIntent(text), operations(text));
  }

  /**
   * The first data size of the text: bytes, or rows times a row width.
   *
   * @param text a description
   * @return the size, absent when the text gives none
   * @throws ModelsException if the size is negative or its unit is not a size
   */
  static Optional<DataSizeFinding> dataSize(String text) {
    Matcher odd = ODD_BYTES.matcher(text);
    while (odd.find()) {
      String unit = odd.group(2).toLowerCase(Locale.ROOT);
      if (!UNITS.containsKey(unit)) {
        throw new ModelsException(
            String.format(
                Locale.ROOT,
                "data size '%s' has the unknown unit '%s'; %s",
                odd.group(0),
                odd.group(2),
                ACCEPTED_UNITS));
      }
    }
    Matcher b = BYTES.matcher(text);
    Matcher r = ROWS.matcher(text);
    boolean hasBytes = b.find();
    boolean hasRows = r.find();
    if (hasBytes && (!hasRows || b.start() <= r.start())) {
      rejectNegative(b.group(1), b.group(0));
      long unit = UNITS.get(b.group(3).toLowerCase(Locale.ROOT));
      long bytes = times(number(b.group(2)), unit, b.group(0));
      return Optional.of(
          new DataSizeFinding(
              bytes,
              b.group(0).trim(),
              OptionalLong.empty(),
              OptionalLong.empty(),
              String.format(
                  Locale.ROOT,
                  "'%s' read as %s (%d bytes; binary units, as Spark reads sizes)",
                  b.group(0).trim(),
                  ByteSizes.human(bytes),
                  bytes)));
    }
    if (hasRows) {
      rejectNegative(r.group(1), r.group(0));
      long scale = r.group(3) == null ? 1 : SCALES.get(r.group(3).toLowerCase(Locale.ROOT));
      long rows = times(number(r.group(2)), scale, r.group(0));
      String stated = r.group(5);
      if (stated == null) {
        Matcher w = WIDTH.matcher(text);
        stated = w.find() ? w.group(1) : null;
      }
      long width = stated == null ? DEFAULT_ROW_WIDTH_BYTES : Long.parseLong(stated);
      if (width <= 0) {
        throw new ModelsException(
            String.format(
                Locale.ROOT,
                "row width '%s' bytes is not valid; expected 1 byte or more per row",
                stated));
      }
      long bytes = times(BigDecimal.valueOf(rows), width, r.group(0));
      String assumption =
          stated == null
              ? String.format(
                  Locale.ROOT,
                  "assuming %d bytes per row (%s); say e.g. 'rows of 200 bytes' to change it",
                  width,
                  ROW_WIDTH_SOURCE)
              : String.format(Locale.ROOT, "%d bytes per row as stated", width);
      return Optional.of(
          new DataSizeFinding(
              bytes,
              r.group(0).trim(),
              OptionalLong.of(rows),
              OptionalLong.of(width),
              String.format(
                  Locale.ROOT,
                  "'%s' is %,d rows; %s, that is %s",
                  r.group(0).trim(),
                  rows,
                  assumption,
                  ByteSizes.human(bytes))));
    }
    return Optional.empty();
  }

  /**
   * Parses a size that must be nothing but a size: {@code 1TB}, {@code 10 TB}, {@code 512m}, {@code
   * 300 million rows}.
   *
   * @param text the size
   * @return the size
   * @throws ModelsException if the text is empty, negative, has an unknown unit or is not a size
   */
  static DataSizeFinding parseDataSize(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      throw new ModelsException("data size is empty; " + ACCEPTED_UNITS);
    }
    if (t.startsWith("-")) {
      throw new ModelsException(
          String.format(Locale.ROOT, "data size '%s' is negative; expected 0 or more", text));
    }
    Optional<DataSizeFinding> found = dataSize(t);
    if (found.isPresent() && found.get().matchedText().length() == t.length()) {
      return found.get();
    }
    Matcher m = Pattern.compile(NUMBER + "\\s*([a-z]*)", Pattern.CASE_INSENSITIVE).matcher(t);
    if (m.matches()) {
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      if (unit.isEmpty() || UNITS.containsKey(unit)) {
        long bytes = times(number(m.group(1)), unit.isEmpty() ? 1 : UNITS.get(unit), text);
        return new DataSizeFinding(
            bytes,
            t,
            OptionalLong.empty(),
            OptionalLong.empty(),
            String.format(
                Locale.ROOT,
                "'%s' read as %s (%d bytes; binary units, as Spark reads sizes)",
                t,
                ByteSizes.human(bytes),
                bytes));
      }
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "data size '%s' has the unknown unit '%s'; %s",
              text,
              m.group(2),
              ACCEPTED_UNITS));
    }
    throw new ModelsException(
        String.format(Locale.ROOT, "data size '%s' is not a size; %s", text, ACCEPTED_UNITS));
  }

  /**
   * The model's parameter count, when the text gives one.
   *
   * @param text a description
   * @return parameters, e.g. 1,000,000,000 for "1B parameters"
   */
  static OptionalLong modelParameters(String text) {
    for (Pattern p : new Pattern[] {PARAMETERS, MODEL}) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        String s = m.group(2);
        long scale = s == null ? 1 : SCALES.get(s.toLowerCase(Locale.ROOT));
        return OptionalLong.of(times(number(m.group(1)), scale, m.group(0)));
      }
    }
    return OptionalLong.empty();
  }

  /**
   * Whether the text asks for or rules out GPUs.
   *
   * @param text a description
   * @return the intent
   */
  static GpuIntent gpuIntent(String text) {
    if (GPU_DECLINED.matcher(text).find()) {
      return GpuIntent.DECLINED;
    }
    return GPU_REQUESTED.matcher(text).find() ? GpuIntent.REQUESTED : GpuIntent.UNSTATED;
  }

  /**
   * The operations the text names, in order of first mention.
   *
   * @param text a description
   * @return canonical operation names
   */
  static List<String> operations(String text) {
    TreeMap<Integer, String> byPosition = new TreeMap<>();
    for (Map.Entry<String, Pattern> op : OPERATIONS.entrySet()) {
      Matcher m = op.getValue().matcher(text);
      if (m.find()) {
        byPosition.putIfAbsent(m.start(), op.getKey());
      }
    }
    return List.copyOf(new ArrayList<>(byPosition.values()));
  }

  private static void rejectNegative(String sign, String matched) {
    if (sign != null) {
      throw new ModelsException(
          String.format(
              Locale.ROOT, "data size '%s' is negative; expected 0 or more", matched.trim()));
    }
  }

  private static BigDecimal number(String digits) {
    return new BigDecimal(digits.replace(",", ""));
  }

  private static long times(BigDecimal value, long unit, String matched) {
    BigDecimal product = value.multiply(BigDecimal.valueOf(unit));
    if (product.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "size '%s' exceeds %d; expected a smaller value",
              matched.trim(),
              Long.MAX_VALUE));
    }
    return product.longValue();
  }
}
