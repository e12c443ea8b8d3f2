package io.github.dgxspark.core;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Strings over a given alphabet, which QuickTheories' {@code strings()} does not offer; they shrink
 * towards shorter strings of the alphabet's first character.
 */
final class AlphabetStrings {
  private AlphabetStrings() {}

  /**
   * Strings of {@code minLength} to {@code maxLength} characters, each drawn from {@code alphabet}.
   */
  static Gen<String> of(String alphabet, int minLength, int maxLength) {
    return lists()
        .of(arbitrary().pick(List.of(alphabet.split(""))))
        .ofSizeBetween(minLength, maxLength)
        .map(l -> String.join("", l));
  }
}
