package tw.training.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's two pictures as SVG markup, drawn here from numbers only (no text from users ever enters them,
 * and their labels are digits, which every renderer has glyphs for). The same markup goes into the HTML page
 * and, through the PDF printer's SVG support, into the PDF.
 */
final class ReportCharts {

    /** The heat map keeps at most this many rows; a larger cohort is banded, each row a group of learners. */
    static final int MAX_HEAT_ROWS = 100;
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" ";

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
     * the share of its row's learners who met the indicator. Up to {@link #MAX_HEAT_ROWS} learners, a row each.
     */
    static String heatMap(List<CertificationReport.Line> lines, List<String> indicators) {
        List<CertificationReport.Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(CertificationReport.Line::percent).reversed().thenComparing(CertificationReport.Line::username));
        int rows = Math.min(MAX_HEAT_ROWS, sorted.size());
        int perRow = rows == 0 ? 1 : (sorted.size() + rows - 1) / rows;
        rows = rows == 0 ? 0 : (sorted.size() + perRow - 1) / perRow;
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            column.put(indicators.get(i), i);
        }
        // about 500 × 300 pixels whatever the plan and cohort: cells wide enough to see, rows thin enough to fit
        int cell = Math.max(6, Math.min(24, 500 / Math.max(1, indicators.size())));
        int rowHeight = Math.max(3, Math.min(cell, 300 / Math.max(1, rows)));
        int width = Math.max(1, indicators.size()) * cell;
        int height = Math.max(1, rows) * rowHeight;
        StringBuilder svg = new StringBuilder(SVG).append("width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" shape-rendering=\"crispEdges\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#f2f2f2\"/>");
        for (int row = 0; row < rows; row++) {
            List<CertificationReport.Line> group = sorted.subList(row * perRow, Math.min(sorted.size(), (row + 1) * perRow));
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
        }
        return svg.append("</svg>").toString();
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
