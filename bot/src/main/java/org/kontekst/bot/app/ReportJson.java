package org.kontekst.bot.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;

/**
 * The JSON form of a {@link Report}: the contract of {@code kontekst check}. Written with
 * Jackson's streaming generator: a one-off check does not pay for building an {@code
 * ObjectMapper} (about 0.2 s in a fresh JVM).
 */
final class ReportJson {
  private final JsonFactory json = new JsonFactory();

  /** One line of JSON: the report of the post {@code id} and the reply the bot would send. */
  String of(String id, Report report, String reply) {
    return write(out -> {
      out.writeStringField("id", id);
      out.writeStringField("language", report.language());
      out.writeArrayFieldStart("matches");
      for (Match m : report.matches()) {
        out.writeStartObject();
        out.writeStringField("article", m.article());
        out.writeStringField("title", m.title());
        out.writeStringField("outlet", m.outlet());
        out.writeStringField("url", m.url());
        out.writeStringField("published", m.published() == null ? null : m.published().toString());
        out.writeNumberField("score", Math.round(m.score() * 1000) / 1000.0);
        out.writeStringField("passage", m.passage());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeArrayFieldStart("flags");
      for (Flag f : report.flags()) {
        out.writeStartObject();
        out.writeStringField("text", f.text());
        out.writeNumberField("start", f.start());
        out.writeNumberField("end", f.end());
        out.writeStringField("category", f.category().label());
        out.writeStringField("note", f.noteEn());
        out.writeStringField("suggestion", f.suggestion());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeStringField("reply", reply);
    });
  }

  /** One line of JSON saying what was wrong with the post {@code id} (empty when unknown). */
  String error(String id, String message) {
    return write(out -> {
      out.writeStringField("id", id);
      out.writeStringField("error", message);
    });
  }

  private interface Fields {
    void write(JsonGenerator out) throws IOException;
  }

  private String write(Fields fields) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = json.createGenerator(text)) {
      out.writeStartObject();
      fields.write(out);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON to a string", e);
    }
    return text.toString();
  }
}
