package org.kontekst.bot.render;

/**
 * The few formats a reply uses, so that one renderer writes both Telegram HTML and plain text.
 * Every method takes raw text and escapes it as its format needs.
 */
interface Markup {
  String text(String raw);

  String bold(String raw);

  String italic(String raw);

  String link(String label, String url);

  String quote(String raw);

  Markup HTML =
      new Markup() {
        @Override
        public String text(String raw) {
          return Html.escape(raw);
        }

        @Override
        public String bold(String raw) {
          return "<b>" + Html.escape(raw) + "</b>";
        }

        @Override
        public String italic(String raw) {
          return "<i>" + Html.escape(raw) + "</i>";
        }

        @Override
        public String link(String label, String url) {
          return Html.safeUrl(url)
              .map(u -> "<a href=\"" + Html.escape(u) + "\">" + Html.escape(label) + "</a>")
              .orElseGet(() -> bold(label));
        }

        @Override
        public String quote(String raw) {
          return "<blockquote>" + Html.escape(raw) + "</blockquote>";
        }
      };

  Markup PLAIN =
      new Markup() {
        @Override
        public String text(String raw) {
          return raw;
        }

        @Override
        public String bold(String raw) {
          return raw;
        }

        @Override
        public String italic(String raw) {
          return raw;
        }

        @Override
        public String link(String label, String url) {
          return Html.safeUrl(url).map(u -> label + " <" + u + ">").orElse(label);
        }

        @Override
        public String quote(String raw) {
          return "> " + raw.replace("\n", "\n> ");
        }
      };
}
