package io.github.dgxspark.models.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a text into sparse features: words (code identifiers split at camel case as well as kept
 * whole), word bigrams and character 3- to 5-grams of each word with boundary marks. Values are
 * binary presence, scaled to unit length so that long texts do not dominate.
 */
final class TextFeatures {
  /** Prefix of word features. */
  static final String WORD = "w:";

  /** Prefix of word-bigram features. */
  static final String BIGRAM = "b:";

  /** Prefix of character n-gram features. */
  static final String CHARS = "c:";

  private TextFeatures() {}

  /**
   * The words of a text: runs of letters and digits, lower-cased; an identifier such as {@code
   * readStream} gives {@code readstream}, {@code read} and {@code stream}.
   *
   * @param text any text
   * @return the words in order, possibly none
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      String token = text.substring(start, i);
      out.add(token.toLowerCase(Locale.ROOT));
      List<String> parts = camelParts(token);
      if (parts.size() > 1) {
        for (String p : parts) {
          out.add(p.toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  private static List<String> camelParts(String token) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < token.length(); i++) {
      char prev = token.charAt(i - 1);
      char c = token.charAt(i);
      boolean boundary =
          (Character.isLowerCase(prev) && Character.isUpperCase(c))
              || (Character.isLetter(prev) != Character.isLetter(c));
      if (boundary) {
        parts.add(token.substring(start, i));
        start = i;
      }
    }
    parts.add(token.substring(start));
    return parts;
  }

  /**
   * English function words: they may carry weight in the model, but "the word 'and' points to etl"
   * explains nothing, so they are never shown as evidence.
   */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
          "its", "of", "on", "or", "our", "per", "so", "than", "that", "the", "then", "this", "to",
          "we", "with");

  /**
   * Whether a feature can be shown as evidence: a word or phrase with at least one word that is not
   * a function word; never letters.
   *
   * @param feature a feature name
   * @return true for a word or phrase that explains something
   */
  static boolean informative(String feature) {
    if (feature.startsWith(WORD)) {
      return !FUNCTION_WORDS.contains(feature.substring(WORD.length()));
    }
    if (feature.startsWith(BIGRAM)) {
      for (String w : feature.substring(BIGRAM.length()).split("_")) {
        if (!FUNCTION_WORDS.contains(w)) {
          return true;
        }
      }
      return false;
    }
    return false;
  }

  /**
   * The features of a text with unit-length binary weights.
   *
   * @param text any text
   * @return feature name → weight, in first-seen order; empty when the text has no word
   */
  static Map<String, Double> of(String text) {
    List<String> words = words(text);
    Map<String, Double> f = new LinkedHashMap<>();
    String previous = null;
    for (String w : words) {
      f.put(WORD + w, 1.0);
      if (previous != null) {
        f.put(BIGRAM + previous + "_" + w, 1.0);
      }
      previous = w;
      if (w.length() >= 3 && !isNumber(w)) {
        String padded = "<" + w + ">";
        for (int len = 3; len <= 5; len++) {
          for (int s = 0; s + len <= padded.length(); s++) {
            f.put(CHARS + padded.substring(s, s + len), 1.0);
          }
        }
      }
    }
    if (!f.isEmpty()) {
      double scale = 1.0 / Math.sqrt(f.size());
      f.replaceAll((k, v) -> scale);
    }
    return f;
  }

  private static boolean isNumber(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A feature name as a person reads it in evidence.
   *
   * @param feature e.g. {@code w:readstream}
   * @return e.g. {@code word 'readstream'}
   */
  static String describe(String feature) {
    if (feature.startsWith(WORD)) {
      return "word '" + feature.substring(WORD.length()) + "'";
    }
    if (feature.startsWith(BIGRAM)) {
      return "phrase '" + feature.substring(BIGRAM.length()).replace('_', ' ') + "'";
    }
    return "letters '" + feature.substring(CHARS.length()) + "'";
  }
}
