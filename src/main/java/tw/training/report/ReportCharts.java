package tw.training.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's two pictures as SVG markup. The completion chart is drawn from numbers only; the heat map also
 * names learners and indicators, escaped here because the templates insert the markup as it is. The same markup
 * goes into the HTML page and, through the PDF printer's SVG support, into the PDF.
 */
final class ReportCharts {

    /** The heat map keeps at most this many rows; a larger cohort is banded, each row a group of learners. */
    static final int MAX_HEAT_ROWS = 100;
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" ";
    /** Heat-map margins: row labels on the left, upright indicator codes on top, the legend below. */
    private static final int LEFT = 110;
    private static final int TOP = 60;
    private static final int LEGEND = 40;
    private static final int LABEL_SIZE = 10;

    private ReportCharts() {
    }

    /** How many learners stand at 0–9 %, 10–19 %, … 90–99 % and 100 % of their plan: eleven bars. */
    static String completion(List<CertificationReport.Line> lines) {
        int[] bands = new int[11];
        for (CertificationReport.Line line : lines) {
            bands[line.complete() ? 10 : Math.min(9, line.percent() / 10)]++;
        }
        int highest = Math.max(1, java.util.Arrays.stream(bands).max().orElse(1));
        int barWidth = 40;
        int height = 160;
        StringBuilder svg = new StringBuilder(SVG).append("width=\"").append(11 * barWidth + 20).append("\" height=\"").append(height + 40)
                .append("\" viewBox=\"0 0 ").append(11 * barWidth + 20).append(' ').append(height + 40).append("\" font-family=\"sans-serif\" font-size=\"10\">");
        for (int i = 0; i < bands.length; i++) {
            int bar = Math.round((float) bands[i] * height / highest);
            int x = 10 + i * barWidth;
            svg.append("<rect x=\"").append(x + 4).append("\" y=\"").append(20 + height - bar).append("\" width=\"").append(barWidth - 8)
                    .append("\" height=\"").append(bar).append("\" fill=\"").append(i == 10 ? "#1b6b2a" : "#7a9cc6").append("\"/>")
                    .append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(14 + height - bar).append("\" text-anchor=\"middle\">")
                    .append(bands[i]).append("</text>")
                    .append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(height + 34).append("\" text-anchor=\"middle\">")
                    .append(i == 10 ? "100%" : (i * 10) + "-" + (i * 10 + 9)).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Learners (rows, by progress, most advanced first) × indicators (columns, in plan order): a cell's shade is
     * the share of its row's learners who met the indicator. Up to {@link #MAX_HEAT_ROWS} learners, a row each,
     * labelled with the username; a larger cohort is banded and each band labelled with its ranks ("11-20").
     * Columns carry the indicator's code, rows and columns are labelled as densely as 10-pixel text allows, and a
     * legend below reads the shades. At most 620 pixels wide for a plan of up to 83 indicators, so it prints unscaled
     * on A4 (whose text column is about 700); a longer plan widens it by six pixels a column.
     */
    static String heatMap(List<CertificationReport.Line> lines, List<String> indicators) {
        List<CertificationReport.Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(CertificationReport.Line::percent).reversed().thenComparing(CertificationReport.Line::username));
        int perRow = learnersPerRow(sorted.size());
        int rows = (sorted.size() + perRow - 1) / perRow;
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            column.put(indicators.get(i), i);
        }
        // the grid is about 500 × 300 pixels whatever the plan and cohort: cells wide enough to see, rows thin enough to fit
        int cell = Math.max(6, Math.min(24, 500 / Math.max(1, indicators.size())));
        int rowHeight = Math.max(3, Math.min(cell, 300 / Math.max(1, rows)));
        int gridWidth = Math.max(1, indicators.size()) * cell;
        int gridHeight = Math.max(1, rows) * rowHeight;
        int width = LEFT + gridWidth + 10;
        int height = TOP + gridHeight + LEGEND;
        StringBuilder svg = new StringBuilder(SVG).append("width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"'Noto Sans TC', sans-serif\" font-size=\"").append(LABEL_SIZE).append("\" fill=\"#222\">");
        columnLabels(svg, indicators, cell);
        svg.append("<g class=\"cells\" transform=\"translate(").append(LEFT).append(',').append(TOP).append(")\" shape-rendering=\"crispEdges\">")
                .append("<rect width=\"").append(gridWidth).append("\" height=\"").append(gridHeight).append("\" fill=\"#f2f2f2\"/>");
        int labelEvery = (LABEL_SIZE + rowHeight) / rowHeight;
        StringBuilder rowLabels = new StringBuilder("<g class=\"rows\" text-anchor=\"end\">");
        for (int row = 0; row < rows; row++) {
            int from = row * perRow;
            List<CertificationReport.Line> group = sorted.subList(from, Math.min(sorted.size(), from + perRow));
            int[] met = new int[indicators.size()];
            for (CertificationReport.Line line : group) {
                Set<String> seen = new HashSet<>();
                for (String indicator : line.metIndicators()) {
                    Integer at = column.get(indicator);
                    if (at != null && seen.add(indicator)) {
                        met[at]++;
                    }
                }
            }
            for (int col = 0; col < met.length; col++) {
                if (met[col] > 0) {
                    svg.append("<rect x=\"").append(col * cell).append("\" y=\"").append(row * rowHeight).append("\" width=\"").append(cell)
                            .append("\" height=\"").append(rowHeight).append("\" fill=\"").append(shade((double) met[col] / group.size())).append("\"/>");
                }
            }
            if (row % labelEvery == 0) {
                String label = perRow == 1 ? shorten(group.get(0).username(), 18) : (from + 1) + "-" + (from + group.size());
                rowLabels.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + row * rowHeight + Math.max(rowHeight, LABEL_SIZE) - 1)
                        .append("\">").append(xml(label)).append("</text>");
            }
        }
        svg.append("</g>").append(rowLabels).append("</g>");
        legend(svg, TOP + gridHeight + 8);
        return svg.append("</svg>").toString();
    }

    /** Indicator codes (without their document) written upwards above their columns, as many as fit side by side. */
    private static void columnLabels(StringBuilder svg, List<String> indicators, int cell) {
        int labelEvery = (LABEL_SIZE + 1 + cell - 1) / cell;
        svg.append("<g class=\"columns\">");
        for (int col = 0; col < indicators.size(); col += labelEvery) {
            String id = indicators.get(col);
            int x = LEFT + col * cell + cell / 2 + LABEL_SIZE / 2 - 1;
            svg.append("<text transform=\"translate(").append(x).append(',').append(TOP - 4).append(") rotate(-90)\"><title>")
                    .append(xml(id)).append("</title>").append(xml(shorten(id.substring(id.lastIndexOf(':') + 1), 12))).append("</text>");
        }
        svg.append("</g>");
    }

    /** Eleven swatches from none to all of a row's learners, with their shares. */
    private static void legend(StringBuilder svg, int y) {
        svg.append("<g class=\"legend\" transform=\"translate(").append(LEFT).append(',').append(y).append(")\">")
                .append("<text x=\"-4\" y=\"10\" text-anchor=\"end\">met by</text>");
        for (int i = 0; i <= 10; i++) {
            svg.append("<rect x=\"").append(i * 16).append("\" width=\"16\" height=\"12\" fill=\"").append(shade(i / 10.0)).append("\"/>");
        }
        svg.append("<text x=\"0\" y=\"24\">0%</text><text x=\"176\" y=\"24\" text-anchor=\"end\">100%</text>")
                .append("<text x=\"184\" y=\"10\">of the row's learners</text></g>");
    }

    private static String shorten(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Usernames and indicator codes are text from people: escaped, since the markup is written out unescaped. */
    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** From pale to the report's green as the share goes from 0 to 1. */
    private static String shade(double share) {
        int r = (int) Math.round(0xf2 + (0x1b - 0xf2) * share);
        int g = (int) Math.round(0xf2 + (0x6b - 0xf2) * share);
        int b = (int) Math.round(0xf2 + (0x2a - 0xf2) * share);
        return String.format("#%02x%02x%02x", r, g, b);
    }

    /** Learners per heat-map row, for the legend. */
    static int learnersPerRow(int learners) {
        int rows = Math.min(MAX_HEAT_ROWS, learners);
        return rows == 0 ? 1 : (learners + rows - 1) / rows;
    }
}
