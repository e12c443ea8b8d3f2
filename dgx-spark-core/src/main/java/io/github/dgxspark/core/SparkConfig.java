package io.github.dgxspark.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered set of Spark properties (key → value), parsed from spark-defaults.conf or {@code
 * --conf} arguments and rendered as spark-defaults.conf, spark-submit flags or JSON.
 *
 * <p>spark-defaults.conf is read as Spark reads it (java.util.Properties syntax, values trimmed):
 * the key ends at the first unescaped {@code =}, {@code :} or whitespace; lines starting with
 * {@code #} or {@code !} are comments; a backslash at the end of a line continues it; {@code \\},
 * {@code \t}, {@code \n}, {@code \}{@code uXXXX} are escapes.
 *
 * @param entries the properties in insertion order, unmodifiable
 */
public record SparkConfig(Map<String, String> entries) {
  /** Settings of the standalone worker daemon, read at its start, not by an application. */
  private static final String WORKER_PREFIX = "spark.worker.";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  // Copies the map (keeping its order) and checks every key and value.
  public SparkConfig {
    Objects.requireNonNull(entries, "entries");
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "key");
      String value = Objects.requireNonNull(e.getValue(), () -> "value of " + key);
      checkKey(key);
      copy.put(key, value);
    }
    entries = Collections.unmodifiableMap(copy);
  }

  /**
   * An empty config.
   *
   * @return a config with no property
   */
  public static SparkConfig empty() {
    return new SparkConfig(Map.of());
  }

  /**
   * Parses spark-defaults.conf text.
   *
   * @param text the file's content
   * @return the properties in file order (a repeated key keeps its first position and its last
   *     value, as Properties does)
   * @throws DgxSparkException naming the line number when a line has a key but no value, or no key
   */
  public static SparkConfig parseDefaults(String text) {
    Objects.requireNonNull(text, "text");
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      int firstLine = i + 1;
      String line = stripLeading(lines[i]);
      if (line.equals("\\")) {
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "line %d holds only a backslash, which Spark reads as an empty key; expected 'key value'",
                firstLine));
      }
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
        continue;
      }
      StringBuilder logical = new StringBuilder();
      while (endsWithContinuation(line) && i + 1 < lines.length) {
        logical.append(line, 0, line.length() - 1);
        i++;
        line = stripLeading(lines[i]);
      }
      logical.append(endsWithContinuation(line) ? line.substring(0, line.length() - 1) : line);
      String[] kv = splitKeyValue(logical.toString(), firstLine);
      out.put(kv[0], kv[1]);
    }
    return new SparkConfig(out);
  }

  /**
   * Parses spark-submit style {@code --conf key=value} arguments. Accepts {@code --conf k=v} pairs,
   * {@code --conf=k=v}, and bare {@code k=v} items.
   *
   * @param args the arguments
   * @return the properties in argument order
   * @throws DgxSparkException naming the argument when it has no {@code =}, an empty key, or a
   *     dangling {@code --conf}
   */
  public static SparkConfig parseConfArgs(List<String> args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = Objects.requireNonNull(args.get(i), "argument");
      String item;
      if (a.equals("--conf") || a.equals("-c")) {
        if (i + 1 >= args.size()) {
          throw new DgxSparkException(
              String.format(Locale.ROOT, "argument %d '%s' has no key=value after it", i + 1, a));
        }
        item = args.get(++i);
      } else if (a.startsWith("--conf=")) {
        item = a.substring("--conf=".length());
      } else {
        item = a;
      }
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "argument %d '%s' is not key=value; expected e.g. spark.executor.memory=8g",
                i + 1,
                item));
      }
      String key = item.substring(0, eq).trim();
      checkKey(key);
      out.put(key, item.substring(eq + 1).trim());
    }
    return new SparkConfig(out);
  }

  /**
   * The value of a key.
   *
   * @param key the property name
   * @return the value, if set
   */
  public Optional<String> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /**
   * A copy with one property set (added at the end, or replaced in place).
   *
   * @param key the property name
   * @param value its value
   * @return the new config
   */
  public SparkConfig with(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(entries);
    m.put(key, value);
    return new SparkConfig(m);
  }

  /**
   * A copy without a property.
   *
   * @param key the property name
   * @return the new config
   */
  public SparkConfig without(String key) {
    Map<String, String> m = new LinkedHashMap<>(entries);
    m.remove(key);
    return new SparkConfig(m);
  }

  /**
   * Number of properties.
   *
   * @return the count
   */
  public int size() {
    return entries.size();
  }

  /**
   * A copy whose secrets read {@code *********(redacted)}, as Spark's UI shows them: values under
   * keys that name a secret, values that hold one, and the secret parts of values (see {@link
   * Redaction#redact}).
   *
   * @return the redacted config
   */
  public SparkConfig redacted() {
    Map<String, String> m = new LinkedHashMap<>();
    entries.forEach((k, v) -> m.put(k, Redaction.redact(k, v)));
    return new SparkConfig(m);
  }

  /**
   * Renders spark-defaults.conf: one {@code key value} line each, escaped so that Spark reads back
   * the same values.
   *
   * @param comments a comment for some keys (e.g. the reason for the value), written above their
   *     line; may be empty
   * @return the file content, ending with a newline
   */
  public String toDefaultsConf(Map<String, String> comments) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      String c = comments.get(e.getKey());
      if (c != null && !c.isBlank()) {
        for (String cl : c.split("\r\n|\n|\r")) {
          sb.append("# ").append(cl).append('\n');
        }
      }
      sb.append(escape(e.getKey(), true))
          .append(' ')
          .append(escape(e.getValue(), false))
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * Renders spark-defaults.conf without comments.
   *
   * @return the file content
   */
  public String toDefaultsConf() {
    return toDefaultsConf(Map.of());
  }

  /**
   * Renders spark-submit arguments: {@code --conf key=value} for every property, one argument per
   * list item (no shell quoting; see {@link #toSubmitCommandLine()} for a line to paste into a
   * shell).
   *
   * @return the arguments
   */
  public List<String> toSubmitArgs() {
    List<String> out = new ArrayList<>();
    entries.forEach(
        (k, v) -> {
          out.add("--conf");
          out.add(k + "=" + v);
        });
    return out;
  }

  /**
   * Renders the spark-submit flags as shell text, each {@code --conf} on its own continued line,
   * single-quoted where needed. Standalone worker settings ({@code spark.worker.*}) are not
   * application settings: the worker daemon reads them at its start from its own config ({@code
   * SPARK_WORKER_OPTS} in {@code conf/spark-env.sh}, or its {@code spark-defaults.conf}), so a
   * {@code --conf} does nothing; they follow as comment lines saying so, in the {@code
   * SPARK_WORKER_OPTS} form (Apache Spark docs/spark-standalone.md, "Cluster Launch Scripts":
   * SPARK_WORKER_OPTS holds "configuration properties that apply only to the worker in the form
   * -Dx=y", and "Resource Allocation and Configuration Overview").
   *
   * @return e.g. {@code --conf spark.executor.memory=31g \}
   */
  public String toSubmitCommandLine() {
    List<String> application = new ArrayList<>();
    List<String> worker = new ArrayList<>();
    entries.forEach(
        (k, v) -> {
          if (k.startsWith(WORKER_PREFIX)) {
            worker.add("-D" + k + "=" + v);
          } else {
            application.add(shellQuote(k + "=" + v));
          }
        });
    StringBuilder sb = new StringBuilder();
    for (int n = 0; n < application.size(); n++) {
      sb.append("--conf ").append(application.get(n));
      sb.append(n + 1 < application.size() ? " \\\n" : "\n");
    }
    if (!worker.isEmpty()) {
      sb.append(
              "# Worker settings, not application ones (a --conf does nothing): put them in each"
                  + " standalone worker's conf/spark-env.sh and restart the worker:\n")
          .append("# SPARK_WORKER_OPTS=\"")
          .append(String.join(" ", worker))
          .append("\"\n");
    }
    return sb.toString();
  }

  /**
   * Renders a JSON object of key → value in order.
   *
   * @return pretty-printed JSON
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(entries);
    } catch (JsonProcessingException e) {
      throw new DgxSparkException(
          "config could not be rendered as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Whether a key can name a Spark property at all: not empty, no surrounding white space, no
   * control characters (keys with {@code '='} are also refused by this class, since {@code --conf
   * k=v} cannot carry them).
   *
   * @param key a property name
   * @return true when the key is well formed
   */
  public static boolean isWellFormedKey(String key) {
    if (key.isEmpty() || !key.strip().equals(key)) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void checkKey(String key) {
    if (!isWellFormedKey(key) || key.indexOf('=') >= 0) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "config key '%s' is not valid; expected a non-empty name without '=', surrounding spaces or"
                  + " control characters, e.g. spark.executor.memory",
              key));
    }
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
      i++;
    }
    return s.substring(i);
  }

  private static boolean endsWithContinuation(String line) {
    int slashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      slashes++;
    }
    return slashes % 2 == 1;
  }

  private static String[] splitKeyValue(String line, int lineNumber) {
    if (line.startsWith("\\") && line.length() > 1 && Character.isWhitespace(line.charAt(1))) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "line %d '%s' starts with an escaped blank; expected a key such as spark.executor.memory",
              lineNumber,
              line));
    }
    StringBuilder key = new StringBuilder();
    int i = 0;
    boolean separated = false;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        i = unescape(line, i, key, lineNumber);
        continue;
      }
      if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
        separated = true;
        break;
      }
      key.append(c);
      i++;
    }
    // skip whitespace, at most one '=' or ':', and whitespace again (Properties' rule)
    while (i < line.length() && isBlank(line.charAt(i))) {
      i++;
    }
    if (i < line.length() && (line.charAt(i) == '=' || line.charAt(i) == ':')) {
      i++;
    }
    while (i < line.length() && isBlank(line.charAt(i))) {
      i++;
    }
    StringBuilder value = new StringBuilder();
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        i = unescape(line, i, value, lineNumber);
      } else {
        value.append(c);
        i++;
      }
    }
    String k = key.toString();
    String v = value.toString().trim();
    if (k.isEmpty()) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "line %d '%s' has no key; expected 'key value' or 'key=value'",
              lineNumber,
              line));
    }
    if (!separated || v.isEmpty()) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "line %d '%s' has a key but no value; expected 'key value' or 'key=value'",
              lineNumber,
              line));
    }
    checkKey(k);
    return new String[] {k, v};
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }

  private static int unescape(String line, int i, StringBuilder out, int lineNumber) {
    char n = line.charAt(i + 1);
    switch (n) {
      case 't':
        out.append('\t');
        return i + 2;
      case 'n':
        out.append('\n');
        return i + 2;
      case 'r':
        out.append('\r');
        return i + 2;
      case 'f':
        out.append('\f');
        return i + 2;
      case 'u':
        if (i + 6 <= line.length()) {
          try {
            out.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
            return i + 6;
          } catch (NumberFormatException e) {
            // fall through to the error below
          }
        }
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "line %d has a malformed unicode escape; expected four hex digits",
                lineNumber));
      default:
        out.append(n);
        return i + 2;
    }
  }

  private static String escape(String s, boolean isKey) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\':
          sb.append("\\\\");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\f':
          sb.append("\\f");
          break;
        case '=':
        case ':':
        case '#':
        case '!':
          if (isKey || i == 0) {
            sb.append('\\');
          }
          sb.append(c);
          break;
        case ' ':
          if (isKey) {
            sb.append('\\');
          }
          sb.append(c);
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }

  private static String shellQuote(String s) {
    if (s.matches("[A-Za-z0-9_./:=,+@%-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
