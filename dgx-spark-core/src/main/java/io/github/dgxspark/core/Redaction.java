package io.github.dgxspark.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hides secrets in Spark properties and in any text shown to a user: the one redaction of the
 * project (config records, event-log properties, CLI and MCP output, the security rules).
 *
 * <p>A value is hidden whole when its key names a secret, as Spark's {@code spark.redaction.regex}
 * does, or when the value itself matches Spark's default expression (Spark redacts "when this regex
 * matches a property key or value"; <a
 * href="https://github.com/apache/spark/blob/ba6e1ce18c74078cc84bdc404313ffa5c781f3b7/core/src/main/scala/org/apache/spark/internal/config/package.scala">apache/spark
 * {@code core/.../internal/config/package.scala}, commit ba6e1ce, {@code
 * SECRET_REDACTION_PATTERN}</a>, since Spark 2.1.2). Beyond Spark's default, a key also names a
 * secret when it holds {@code passwd}, {@code credential}, another spelling of access or private
 * key, Azure's storage account key ({@code fs.azure.account.key.<account>...}), or a word one
 * typing error away from {@code secret}, {@code password}, {@code passwd}, {@code token} or {@code
 * credential} ({@code spark.authenticate.secrt}). Inside a value or a free text, only the secret
 * part is hidden (when Spark's expression matches nothing else in it): the value of a {@code
 * name=value} or {@code name:value} whose name holds such a word ({@code
 * -Djavax.net.ssl.trustStorePassword=...}, a JDBC URL's {@code password=...}) and the password of a
 * URL's user info ({@code scheme://user:password@host}).
 */
public final class Redaction {
  /**
   * Spark's default {@code spark.redaction.regex}, as in {@code SECRET_REDACTION_PATTERN} of
   * apache/spark commit ba6e1ce
   * (core/src/main/scala/org/apache/spark/internal/config/package.scala).
   */
  public static final String SPARK_DEFAULT_REGEX = "(?i)secret|password|token|access[.]key";

  /** What a hidden value reads, as Spark's UI and event logs show it. */
  public static final String REDACTED = "*********(redacted)";

  private static final Pattern SPARK_DEFAULT = Pattern.compile(SPARK_DEFAULT_REGEX);

  /**
   * Substrings of a lower-case key, or of the name of an assignment inside a value, that name a
   * secret: Spark's default, widened.
   */
  private static final String[] SECRET_WORDS = {
    "secret",
    "password",
    "passwd",
    "token",
    "credential",
    "accesskey",
    "access.key",
    "access_key",
    "access-key",
    "privatekey",
    "private.key",
    "private_key",
    "private-key",
    "account.key",
    "accountkey",
    "account_key"
  };

  /** Words of a key whose one-edit typos still name a secret. */
  private static final String[] TYPO_WORDS = {
    "secret", "password", "passwd", "token", "credential", "credentials"
  };

  /** Shortest word of a key checked for typos: shorter words match too much by one edit. */
  private static final int MIN_TYPO_WORD = 5;

  /** Longest name, value and user name looked at: bounds keep the scan linear in the text. */
  private static final int MAX_NAME_CHARS = 256;

  private static final int MAX_VALUE_CHARS = 4096;

  /** Shortest secret scrubbed wherever it appears in a text; shorter ones are hidden by key. */
  private static final int MIN_SCRUBBED_SECRET = 4;

  private Redaction() {}

  /**
   * Whether a key names a secret, whose value must never be shown.
   *
   * @param key a property name
   * @return true for secret-bearing keys
   */
  public static boolean isSecretKey(String key) {
    Objects.requireNonNull(key, "key");
    // plain substring tests: a regex with (?i) alternation cost about 1 µs a key on the
    // validator's path
    return holdsWord(key, SECRET_WORDS) || hasTypoOfSecretWord(key);
  }

  /**
   * The value of a property as it may be shown: {@link #REDACTED} when the key names a secret or
   * the value matches Spark's default {@code spark.redaction.regex} outside its secret parts; else
   * the value with the secret parts of its assignments and URLs hidden.
   *
   * @param key the property name
   * @param value its value
   * @return the value to show
   */
  public static String redact(String key, String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      return value;
    }
    if (isSecretKey(key)) {
      return REDACTED;
    }
    List<int[]> spans = spans(value);
    if (!SPARK_DEFAULT.matcher(value).find()) {
      return hide(value, spans);
    }
    // Spark hides the whole value when its expression matches; here only the secret parts when
    // the expression matches nothing outside them (names included)
    StringBuilder rest = new StringBuilder();
    int at = 0;
    for (int[] span : spans) {
      rest.append(value, at, span[0]).append(' ');
      at = span[2];
    }
    rest.append(value, at, value.length());
    return SPARK_DEFAULT.matcher(rest).find() ? REDACTED : hide(value, spans);
  }

  /**
   * Whether a value (under a key that does not name a secret) holds a secret: {@link #redact} would
   * hide it or part of it.
   *
   * @param key the property name
   * @param value its value
   * @return true when showing it would show a secret
   */
  public static boolean holdsSecret(String key, String value) {
    return !redact(key, value).equals(value);
  }

  /**
   * A free text (a message, a description, a command line) with the values of its secret
   * assignments and the passwords of its URLs hidden; the rest is kept.
   *
   * @param text the text
   * @return the text to show
   */
  public static String redactText(String text) {
    Objects.requireNonNull(text, "text");
    return hide(text, spans(text));
  }

  /**
   * A free text with {@link #redactText} applied and, besides, every occurrence of one of the given
   * secrets hidden (a secret echoed in a message without its key).
   *
   * @param text the text
   * @param secrets secrets to hide, from {@link #secrets}
   * @return the text to show
   */
  public static String redactText(String text, Set<String> secrets) {
    Objects.requireNonNull(secrets, "secrets");
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) {
        out = out.replace(s, REDACTED);
      }
    }
    return redactText(out);
  }

  /**
   * The secrets a config holds: the values {@link #redact} hides whole and the parts it hides, each
   * at least 4 characters long (a shorter value is hidden under its key but not scrubbed from every
   * text, where it would erase ordinary words and numbers).
   *
   * @param config key → value
   * @return the secrets, longest first
   */
  public static Set<String> secrets(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    Set<String> found = new LinkedHashSet<>();
    config.forEach(
        (k, v) -> {
          String shown = redact(k, v);
          if (shown.equals(v)) {
            return;
          }
          if (shown.equals(REDACTED)) {
            addSecret(found, v.strip());
          }
          for (int[] span : spans(v)) {
            String part = v.substring(span[1], span[2]);
            if (part.length() >= 2 && (part.charAt(0) == '"' || part.charAt(0) == '\'')) {
              part = part.substring(1, part.length() - 1);
            }
            addSecret(found, part);
          }
        });
    Set<String> longestFirst = new LinkedHashSet<>();
    found.stream()
        .sorted((a, b) -> Integer.compare(b.length(), a.length()))
        .forEach(longestFirst::add);
    return longestFirst;
  }

  private static void addSecret(Set<String> into, String s) {
    if (s.length() >= MIN_SCRUBBED_SECRET && !s.equals(REDACTED)) {
      into.add(s);
    }
  }

  /** The text with each span's value replaced by {@link #REDACTED}. */
  private static String hide(String text, List<int[]> spans) {
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int at = 0;
    for (int[] span : spans) {
      sb.append(text, at, span[1]).append(REDACTED);
      at = span[2];
    }
    return sb.append(text, at, text.length()).toString();
  }

  /**
   * The secret parts of a text, in order, each {@code {nameStart, valueStart, valueEnd}}: values of
   * {@code name=value} and {@code name:value} (no space after the colon) whose name holds a secret
   * word, and passwords of URL user infos ({@code scheme://user:password@}, {@code
   * jdbc:oracle:thin:user/password@}). One pass with bounded look-back: linear in the text.
   */
  private static List<int[]> spans(String text) {
    List<int[]> spans = new ArrayList<>();
    int n = text.length();
    int done = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int[] span = null;
      if (c == '=' || (c == ':' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1)))) {
        span = assignment(text, i, done);
      }
      if (span == null && c == '@') {
        span = userInfo(text, i, done);
      }
      if (span != null && span[2] > span[1]) {
        spans.add(span);
        done = span[2];
        i = Math.max(i, span[2] - 1);
      }
    }
    return spans;
  }

  private static int[] assignment(String text, int sep, int done) {
    int end = sep;
    while (end > done && sep - end < 8 && text.charAt(end - 1) == ' ') {
      end--;
    }
    int start = end;
    while (start > done && end - start < MAX_NAME_CHARS && isNameChar(text.charAt(start - 1))) {
      start--;
    }
    if (start == end || !holdsWord(text.substring(start, end), SECRET_WORDS)) {
      return null;
    }
    int v = sep + 1;
    while (v < text.length() && v - sep <= 8 && text.charAt(v) == ' ' && text.charAt(sep) == '=') {
      v++;
    }
    if (text.startsWith(REDACTED, v)) {
      // hidden already: the span keeps it as it is, so that redaction is idempotent
      return new int[] {start, v, v + REDACTED.length()};
    }
    int e = v;
    if (v < text.length() && (text.charAt(v) == '"' || text.charAt(v) == '\'')) {
      int close = text.indexOf(text.charAt(v), v + 1);
      e = close > 0 && close - v <= MAX_VALUE_CHARS ? close + 1 : v;
    }
    if (e == v) {
      while (e < text.length() && e - v < MAX_VALUE_CHARS && !isValueEnd(text.charAt(e))) {
        e++;
      }
    }
    return new int[] {start, v, e};
  }

  private static int[] userInfo(String text, int at, int done) {
    int p = at;
    while (p > done && at - p < MAX_VALUE_CHARS && isUserInfoChar(text.charAt(p - 1))) {
      p--;
    }
    // p is the password's start; before it ':' (URL) or '/' (Oracle thin), then the user name
    if (p == at || p - 1 < done) {
      return null;
    }
    char sep = text.charAt(p - 1);
    int u = p - 1;
    while (u > done && p - 1 - u < MAX_NAME_CHARS && isUserInfoChar(text.charAt(u - 1))) {
      u--;
    }
    if (u == p - 1) {
      return null;
    }
    boolean url = sep == ':' && u >= 3 && text.startsWith("://", u - 3);
    boolean oracle =
        sep == '/' && u >= 17 && text.regionMatches(true, u - 17, "jdbc:oracle:thin:", 0, 17);
    return url || oracle ? new int[] {p, p, at} : null;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }

  private static boolean isValueEnd(char c) {
    return Character.isWhitespace(c) || "&;,\"'(){}[]".indexOf(c) >= 0;
  }

  private static boolean isUserInfoChar(char c) {
    return !Character.isWhitespace(c) && c != '/' && c != ':' && c != '@';
  }

  private static boolean holdsWord(String name, String[] words) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String w : words) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a word of the key (split at non-letters and at lower-to-upper case changes) is one edit
   * away from a secret word.
   */
  private static boolean hasTypoOfSecretWord(String key) {
    int start = -1;
    for (int i = 0; i <= key.length(); i++) {
      boolean letter = i < key.length() && Character.isLetter(key.charAt(i));
      boolean boundary =
          !letter
              || (i > 0
                  && Character.isUpperCase(key.charAt(i))
                  && Character.isLowerCase(key.charAt(i - 1)));
      if (boundary && start >= 0) {
        if (isTypo(key.substring(start, i).toLowerCase(Locale.ROOT))) {
          return true;
        }
        start = -1;
      }
      if (letter && start < 0) {
        start = i;
      }
    }
    return false;
  }

  private static boolean isTypo(String word) {
    if (word.length() < MIN_TYPO_WORD) {
      return false;
    }
    for (String w : TYPO_WORDS) {
      if (EditDistance.between(word, w, 1) <= 1) {
        return true;
      }
    }
    return false;
  }
}
