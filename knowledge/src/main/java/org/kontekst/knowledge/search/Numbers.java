package org.kontekst.knowledge.search;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the quantities in a token sequence as language-neutral features: "5 million", "5 млн" and
 * "5 мільйонів" are all {@code 5000000}; "4,8" and "4.8" are both {@code 4.8}; "10 000" is {@code
 * 10000}.
 */
final class Numbers {
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+");
  private static final Pattern DECIMAL = Pattern.compile("\\d+([.,]\\d+)?");
  private static final Map<String, BigDecimal> MULTIPLIERS =
      Map.of(
          "num_thousand", BigDecimal.valueOf(1_000),
          "num_million", BigDecimal.valueOf(1_000_000),
          "num_billion", BigDecimal.valueOf(1_000_000_000));

  private Numbers() {}

  /**
   * Returns the canonical value of the number starting at token {@code i}, and how many tokens it
   * used, or {@code null} when the token is not a plain number.
   *
   * @param conceptAt the concept id starting at each token, or null
   */
  static Reading read(List<Token> tokens, int i, String[] conceptAt) {
    Token token = tokens.get(i);
    if (token.script() != Token.Script.NUMBER) return null;
    BigDecimal value = parse(token.surface());
    if (value == null) return null;
    int used = 1;
    // "10 000": a group of three digits right after, separated by one space.
    while (i + used < tokens.size()) {
      Token next = tokens.get(i + used);
      Token previous = tokens.get(i + used - 1);
      if (next.script() == Token.Script.NUMBER
          && next.surface().length() == 3
          && next.surface().chars().allMatch(Character::isDigit)
          && next.start() - previous.end() == 1
          && value.scale() <= 0) {
        value = value.multiply(BigDecimal.valueOf(1000)).add(new BigDecimal(next.surface()));
        used++;
      } else {
        break;
      }
    }
    if (i + used < tokens.size() && conceptAt[i + used] != null) {
      BigDecimal multiplier = MULTIPLIERS.get(conceptAt[i + used]);
      if (multiplier != null) {
        value = value.multiply(multiplier);
        used++;
      }
    }
    return new Reading(value.stripTrailingZeros().toPlainString(), used);
  }

  /** A number's canonical text and the count of tokens it spans. */
  record Reading(String value, int tokens) {}

  private static BigDecimal parse(String surface) {
    if (GROUPED.matcher(surface).matches()) {
      return new BigDecimal(surface.replace(",", ""));
    }
    if (DECIMAL.matcher(surface).matches()) {
      return new BigDecimal(surface.replace(',', '.'));
    }
    return null;
  }
}
