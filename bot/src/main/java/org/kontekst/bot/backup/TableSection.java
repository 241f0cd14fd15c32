package org.kontekst.bot.backup;

import java.util.List;
import java.util.Objects;

/**
 * One record type of a backup: the rows of one table, written one JSON object per row with
 * {@code "type"} first and then the listed columns, in {@code orderBy} order so that two exports
 * of the same data are the same bytes. {@code identity} names a generated id column whose counter
 * is moved past the restored ids (or is empty).
 *
 * <p>To back up a new table, add a section to {@link Backup#SECTIONS}; older backups, which lack
 * its records, still restore.
 */
public record TableSection(String type, String table, List<Column> columns, String orderBy, String identity) {
  public TableSection {
    Objects.requireNonNull(type, "type");
    if (!type.matches("[a-z][a-z_]{0,31}") || type.equals(Backup.HEADER_TYPE) || type.equals(Backup.END_TYPE)
        || type.equals(Backup.INSTALLATION_TYPE)) {
      throw new IllegalArgumentException("record type must be a lower-case word and not a reserved one: " + type);
    }
    Objects.requireNonNull(table, "table");
    if (!table.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("table must be a lower-case SQL identifier: " + table);
    }
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a section needs columns: " + type);
    }
    Objects.requireNonNull(orderBy, "orderBy");
    identity = identity == null ? "" : identity;
    String id = identity;
    if (!id.isEmpty() && columns.stream().noneMatch(c -> c.name().equals(id))) {
      throw new IllegalArgumentException("identity " + id + " is not a column of " + type);
    }
    if (!orderBy.matches("[a-z0-9_, ]+")) {
      throw new IllegalArgumentException("orderBy must list columns: " + orderBy);
    }
  }
}
