package tw.training.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learners (rows, most advanced first) × indicators (columns, in plan order) as SVG, in parts that each fit an A4
 * landscape page and stay readable on a 1366 px screen: at most {@link #ROWS_PER_PART} rows and
 * {@link #COLUMNS_PER_PART} columns a part, 13-pixel labels, each part with its own column codes and legend. A row
 * is a learner, named by display name, whose cells say what they have done on the indicator: met, judged not yet,
 * awaiting judgement, or nothing yet. A cohort larger than {@link #MAX_ROWS} is banded: a row is a group of learners
 * (labelled by rank), and a cell's shade the share of them who met it.
 */
final class HeatMap {

    static final int MAX_ROWS = 400;
    static final int ROWS_PER_PART = 25;
    static final int COLUMNS_PER_PART = 45;
    /**
     * Labels' size, and a row's height: one label per row, never overlapping. Not 12: the PDF printer's SVG renderer
     * draws the shipped font at 12 pixels a few pixels high (HeatMapPrintTest sees it), at 10, 11, 13 or 14 as asked.
     */
    private static final int LABEL = 13;
    private static final int ROW = 18;
    private static final int LEFT = 170;
    private static final int TOP = 70;
    private static final int LEGEND = 46;
    /** The widest grid a part draws: with {@link #LEFT}, within the 1031 pixels of A4 landscape less 12 mm margins. */
    private static final int GRID = 810;
    static final String MET = "#1b6b2a";
    static final String NOT_YET = "#e4a3a0";
    static final String AWAITING = "#f2cf5b";
    static final String NOTHING = "#f2f2f2";

    /** The map's words, in the reader's language (or the report's two): the states, and the banded legend's caption. */
    record Words(String met, String notYet, String awaiting, String nothing, String shareMet) {
    }

    private HeatMap() {
    }

    /** The parts, top to bottom then left to right; one empty part for an empty cohort or plan. */
    static List<String> draw(List<CertificationReport.Line> lines, List<String> indicators, Words words) {
        List<CertificationReport.Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(CertificationReport.Line::percent).reversed().thenComparing(CertificationReport.Line::username));
        int perRow = learnersPerRow(sorted.size());
        List<List<CertificationReport.Line>> rows = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += perRow) {
            rows.add(sorted.subList(from, Math.min(sorted.size(), from + perRow)));
        }
        List<String> parts = new ArrayList<>();
        for (int firstRow = 0; firstRow < Math.max(1, rows.size()); firstRow += ROWS_PER_PART) {
            for (int firstColumn = 0; firstColumn < Math.max(1, indicators.size()); firstColumn += COLUMNS_PER_PART) {
                parts.add(part(rows.subList(Math.min(firstRow, rows.size()), Math.min(rows.size(), firstRow + ROWS_PER_PART)), firstRow * perRow,
                        indicators.subList(Math.min(firstColumn, indicators.size()), Math.min(indicators.size(), firstColumn + COLUMNS_PER_PART)),
                        perRow, words));
            }
        }
        return parts;
    }

    /** Learners per row: one, or as many as keep the map to {@link #MAX_ROWS} rows. */
    static int learnersPerRow(int learners) {
        int rows = Math.min(MAX_ROWS, learners);
        return rows == 0 ? 1 : (learners + rows - 1) / rows;
    }

    private static String part(List<List<CertificationReport.Line>> rows, int firstRank, List<String> indicators, int perRow, Words words) {
        int cell = Math.max(ROW, Math.min(36, GRID / Math.max(1, Math.min(COLUMNS_PER_PART, indicators.size()))));
        int gridWidth = Math.max(1, indicators.size()) * cell;
        int gridHeight = Math.max(1, rows.size()) * ROW;
        int width = Math.max(LEFT + gridWidth + 10, LEFT + legendWidth(words));
        int height = TOP + gridHeight + LEGEND;
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            column.put(indicators.get(i), i);
        }
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                // the pages' face first (app.css), then the PDF printer's (it knows only that one)
                .append("\" font-family=\"'Competency TC', 'Noto Sans TC', sans-serif\" font-size=\"").append(LABEL).append("\" fill=\"#222\">");
        svg.append("<g class=\"columns\">");
        for (int col = 0; col < indicators.size(); col++) {
            String id = indicators.get(col);
            int x = LEFT + col * cell + cell / 2 + LABEL / 2 - 1;
            svg.append("<text transform=\"translate(").append(x).append(',').append(TOP - 4).append(") rotate(-90)\"><title>").append(xml(id))
                    .append("</title>").append(xml(shorten(id.substring(id.lastIndexOf(':') + 1), 10))).append("</text>");
        }
        svg.append("</g><g class=\"cells\" transform=\"translate(").append(LEFT).append(',').append(TOP).append(")\" shape-rendering=\"crispEdges\">")
                .append("<rect width=\"").append(gridWidth).append("\" height=\"").append(gridHeight).append("\" fill=\"").append(NOTHING).append("\"/>");
        StringBuilder labels = new StringBuilder("<g class=\"rows\" text-anchor=\"end\">");
        for (int row = 0; row < rows.size(); row++) {
            List<CertificationReport.Line> group = rows.get(row);
            String[] fills = perRow == 1 ? states(group.get(0), column) : shares(group, column);
            for (int col = 0; col < fills.length; col++) {
                if (fills[col] != null) {
                    svg.append("<rect x=\"").append(col * cell + 1).append("\" y=\"").append(row * ROW + 1).append("\" width=\"").append(cell - 2)
                            .append("\" height=\"").append(ROW - 2).append("\" fill=\"").append(fills[col]).append("\"/>");
                }
            }
            int rank = firstRank + row * perRow;
            labels.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + row * ROW + ROW - 4).append("\">");
            if (perRow == 1) {
                labels.append("<title>").append(xml(group.get(0).username())).append("</title>").append(xml(fit(group.get(0).displayName(), LEFT - 12)));
            } else {
                labels.append(rank + 1).append('-').append(rank + group.size());
            }
            labels.append("</text>");
        }
        svg.append("</g>").append(labels).append("</g>");
        legend(svg, TOP + gridHeight + 12, perRow == 1, words);
        return svg.append("</svg>").toString();
    }

    /** One learner's row: each indicator met, judged not yet, awaiting judgement, or left as the background (nothing). */
    private static String[] states(CertificationReport.Line learner, Map<String, Integer> column) {
        String[] fills = new String[column.size()];
        learner.notYetIndicators().forEach(id -> fill(fills, column, id, NOT_YET));
        learner.awaitingIndicators().forEach(id -> fill(fills, column, id, AWAITING));
        learner.metIndicators().forEach(id -> fill(fills, column, id, MET));
        return fills;
    }

    private static void fill(String[] fills, Map<String, Integer> column, String indicator, String colour) {
        Integer at = column.get(indicator);
        if (at != null) {
            fills[at] = colour;
        }
    }

    /** A band of learners: each indicator shaded by the share of them who met it. */
    private static String[] shares(List<CertificationReport.Line> group, Map<String, Integer> column) {
        int[] met = new int[column.size()];
        for (CertificationReport.Line line : group) {
            Set<String> seen = new HashSet<>();
            for (String indicator : line.metIndicators()) {
                Integer at = column.get(indicator);
                if (at != null && seen.add(indicator)) {
                    met[at]++;
                }
            }
        }
        String[] fills = new String[met.length];
        for (int col = 0; col < met.length; col++) {
            fills[col] = met[col] == 0 ? null : shade((double) met[col] / group.size());
        }
        return fills;
    }

    /** The four states with their swatches, or, for bands, eleven shades from none to all of a row's learners. */
    private static void legend(StringBuilder svg, int y, boolean learners, Words words) {
        svg.append("<g class=\"legend\" transform=\"translate(").append(LEFT).append(',').append(y).append(")\">");
        if (learners) {
            String[][] states = {{MET, words.met()}, {NOT_YET, words.notYet()}, {AWAITING, words.awaiting()}, {NOTHING, words.nothing()}};
            int x = 0;
            for (String[] state : states) {
                svg.append("<rect x=\"").append(x).append("\" width=\"16\" height=\"14\" stroke=\"#888\" fill=\"").append(state[0])
                        .append("\"/><text x=\"").append(x + 22).append("\" y=\"12\">").append(xml(state[1])).append("</text>");
                x += 22 + textWidth(state[1]) + 20;
            }
        } else {
            svg.append("<text x=\"0\" y=\"12\">").append(xml(words.shareMet())).append("</text>");
            for (int i = 0; i <= 10; i++) {
                svg.append("<rect x=\"").append(i * 16).append("\" y=\"18\" width=\"16\" height=\"12\" fill=\"").append(shade(i / 10.0)).append("\"/>");
            }
            svg.append("<text x=\"182\" y=\"29\">0% – 100%</text>");
        }
        svg.append("</g>");
    }

    private static int legendWidth(Words words) {
        return java.util.stream.Stream.of(words.met(), words.notYet(), words.awaiting(), words.nothing()).mapToInt(w -> 42 + textWidth(w)).sum();
    }

    /** About how wide a label is drawn: Chinese characters a square each, other characters a little over half one. */
    private static int textWidth(String text) {
        return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? LABEL : LABEL * 6 / 10).sum();
    }

    /** The text, cut with an ellipsis where it would grow wider than {@code width} pixels. */
    private static String fit(String text, int width) {
        if (textWidth(text) <= width) {
            return text;
        }
        int end = 0;
        while (textWidth(text.substring(0, text.offsetByCodePoints(end, 1))) + LABEL <= width) {
            end = text.offsetByCodePoints(end, 1);
        }
        return text.substring(0, end) + "…";
    }

    private static String shorten(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Names and codes are text from people: escaped, since the markup is written out unescaped. */
    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** From pale to the met green as the share goes from 0 to 1. */
    static String shade(double share) {
        int r = (int) Math.round(0xf2 + (0x1b - 0xf2) * share);
        int g = (int) Math.round(0xf2 + (0x6b - 0xf2) * share);
        int b = (int) Math.round(0xf2 + (0x2a - 0xf2) * share);
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
