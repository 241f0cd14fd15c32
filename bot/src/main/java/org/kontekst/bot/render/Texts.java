package org.kontekst.bot.render;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.kontekst.bot.chat.InterfaceLanguage;

/**
 * The interface texts, from the resource bundles {@code org/kontekst/bot/render/messages*.properties}
 * (English is the base bundle, Ukrainian the {@code _uk} one).
 *
 * <p>Texts are safe to put into HTML as they are; keys ending in {@code .html} may contain tags.
 * Placeholders are {@code {0}}, {@code {1}}, ...: replaced in one pass, so that an argument that
 * itself contains "{1}" stays as it is. (Not {@code MessageFormat}: it eats the apostrophes that
 * Ukrainian words contain.)
 */
public final class Texts {
  private static final String BUNDLE = "org.kontekst.bot.render.messages";

  private final Map<InterfaceLanguage, ResourceBundle> bundles = new EnumMap<>(InterfaceLanguage.class);

  public Texts() {
    ResourceBundle.Control noFallback =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    bundles.put(InterfaceLanguage.EN, ResourceBundle.getBundle(BUNDLE, Locale.ROOT, noFallback));
    bundles.put(
        InterfaceLanguage.UK, ResourceBundle.getBundle(BUNDLE, InterfaceLanguage.UK.locale(), noFallback));
  }

  /** The text for {@code key} with its placeholders replaced by {@code args} as they are. */
  public String get(InterfaceLanguage language, String key, Object... args) {
    String pattern;
    try {
      pattern = bundles.get(language).getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no interface text " + key + " in " + language, e);
    }
    if (args.length == 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(pattern.length() + 64);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1 && close - i <= 3) {
        String index = pattern.substring(i + 1, close);
        if (index.chars().allMatch(Character::isDigit) && Integer.parseInt(index) < args.length) {
          out.append(args[Integer.parseInt(index)]);
          i = close + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
