package tw.training.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's completion chart as SVG markup, drawn from numbers only (the heat map is {@link HeatMap}). The same
 * markup goes into the HTML page and, through the PDF printer's SVG support, into the PDF.
 */
final class ReportCharts {

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
}
