package org.kontekst.bot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kontekst.knowledge.check.Match;
import org.kontekst.knowledge.check.Report;
import org.kontekst.knowledge.wording.Flag;

/** The JSON form of a {@link Report}: the contract of {@code kontekst check}. */
final class ReportJson {
  private final ObjectMapper json;

  ReportJson(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode of(String id, Report report, String reply) {
    ObjectNode out = json.createObjectNode();
    out.put("id", id);
    out.put("language", report.language());
    ArrayNode matches = out.putArray("matches");
    for (Match m : report.matches()) {
      ObjectNode node = matches.addObject();
      node.put("article", m.article());
      node.put("title", m.title());
      node.put("outlet", m.outlet());
      node.put("url", m.url());
      node.put("published", m.published() == null ? null : m.published().toString());
      node.put("score", Math.round(m.score() * 1000) / 1000.0);
      node.put("passage", m.passage());
    }
    ArrayNode flags = out.putArray("flags");
    for (Flag f : report.flags()) {
      ObjectNode node = flags.addObject();
      node.put("text", f.text());
      node.put("start", f.start());
      node.put("end", f.end());
      node.put("category", f.category().label());
      node.put("note", f.noteEn());
      node.put("suggestion", f.suggestion());
    }
    out.put("reply", reply);
    return out;
  }

  ObjectNode error(String id, String message) {
    ObjectNode out = json.createObjectNode();
    out.put("id", id);
    out.put("error", message);
    return out;
  }
}
