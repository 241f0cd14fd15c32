package org.kontekst.bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SourcesCliTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine(java.util.Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void should_import_a_channels_csv_with_a_label_and_list_it() throws Exception {
    Path csv = tmp.resolve("channels.csv");
    Files.writeString(
        csv,
        "name,handle,link,subscribers,snapshot_date,private\nРИА,rian_ru,https://t.me/s/rian_ru,1,19.03.2024,\n",
        StandardCharsets.UTF_8);
    String data = tmp.resolve("data").toString();

    assertEquals(0, run("sources", "import", "--data", data, csv.toString(), "--label", "listed by the CCD", "--note", "March 2024"));
    assertEquals(0, run("sources", "add", "--data", data, "--domain", "rt.com", "--label", "state-controlled media"));
    assertEquals(0, run("sources", "list", "--data", data));

    assertTrue(out.toString().contains("imported 1 channels, skipped 0"), out.toString());
    assertTrue(out.toString().contains("channel\trian_ru\tlisted by the CCD\tMarch 2024"), out.toString());
    assertTrue(out.toString().contains("domain\trt.com\tstate-controlled media\t"), out.toString());
    assertEquals(2, run("sources", "add", "--data", data, "--channel", "<x>", "--label", "l"));
  }

  @Test
  void should_say_what_is_wrong_with_a_folder_or_a_csv_that_is_not_utf8() throws Exception {
    Path csv = tmp.resolve("cp1251.csv");
    byte[] header = "name,handle\n".getBytes(StandardCharsets.UTF_8);
    byte[] row = {(byte) 0xD0, (byte) 0xC8, (byte) 0xC0, ',', 'r', 'i', 'a', 'n', '_', 'r', 'u', '\n'}; // "РИА" in cp1251
    Files.write(csv, java.nio.ByteBuffer.allocate(header.length + row.length).put(header).put(row).array());
    String data = tmp.resolve("data").toString();

    assertEquals(2, run("sources", "import", "--data", data, csv.toString(), "--label", "l"));
    assertEquals(2, run("sources", "import", "--data", data, tmp.toString(), "--label", "l"));

    assertTrue(out.toString().contains("is not UTF-8 text"), out.toString());
    assertTrue(out.toString().contains("is a folder: name the CSV file in it"), out.toString());
    assertEquals(0, run("sources", "list", "--data", data));
    assertTrue(!out.toString().contains("rian_ru"), "nothing was imported:\n" + out);
  }
}
