package dev.overcast.server;

import java.util.List;

/** A plain text table with borders, as the OpenStack command-line tools print them. */
final class Table {
    private Table() {
    }

    /** Renders {@code rows}, the first being the header. */
    static String render(List<String[]> rows) {
        int columns = rows.getFirst().length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder line = new StringBuilder("+");
        for (int w : widths) {
            line.append("-".repeat(w + 2)).append('+');
        }
        StringBuilder out = new StringBuilder().append(line).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            out.append('|');
            for (int c = 0; c < columns; c++) {
                String v = rows.get(r)[c];
                out.append(' ').append(v).append(" ".repeat(widths[c] - v.length())).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append(line).append('\n');
            }
        }
        return out.append(line).append('\n').toString();
    }
}
