package tw.training.report;

import jakarta.inject.Singleton;
import tw.training.printing.Csv;
import tw.training.printing.CsvLabels;
import tw.training.printing.Pdf;
import tw.training.web.Templates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The certification report as HTML (with its charts), PDF and CSV, for the API and for the pages alike. */
@Singleton
class ReportDocuments {

    private final Templates templates;
    private final Pdf pdf;

    ReportDocuments(Templates templates, Pdf pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    /** The file name (without extension) the report's downloads carry. */
    static String fileName(CertificationReport report) {
        return "certification-" + report.course().code().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    byte[] pdf(CertificationReport report) {
        return pdf.print(html(report, false));
    }

    /** The report's words for the heat map: it is the official document, in Chinese with English glosses. */
    static final HeatMap.Words DOCUMENT_WORDS = new HeatMap.Words("達成 Met", "尚未達成 Not yet", "待評量 Awaiting judgement", "尚無證據 No evidence",
            "該列學員中達成者的比例 Share of the row's learners who met it");

    /** The learners x indicators heat map in parts (SVGs), with its words. */
    static List<String> heatMap(CertificationReport report, HeatMap.Words words) {
        return HeatMap.draw(report.enrollments(), report.indicators().stream().map(CertificationReport.IndicatorCount::id).toList(), words);
    }

    /** What the report's content needs (document/certification-report.ftlh), for its PDF and for its page. */
    Map<String, Object> model(CertificationReport report) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("completionChart", ReportCharts.completion(report.enrollments()));
        model.put("heatMaps", heatMap(report, DOCUMENT_WORDS));
        model.put("learnersPerRow", HeatMap.learnersPerRow(report.enrollments().size()));
        return model;
    }

    /** The printed file on its own, for the API's HTML (the screen's fonts linked). */
    String html(CertificationReport report) {
        return html(report, true);
    }

    private String html(CertificationReport report, boolean screen) {
        Map<String, Object> model = model(report);
        model.put("screen", screen);
        return templates.render("certification-report.ftlh", model);
    }

    /** The report as a spreadsheet, its words as {@code labels} says (README, "Reports"). */
    String csv(CertificationReport report, CsvLabels labels) {
        List<String> columns = List.of("enrollmentId", "username", "displayName", "status", "indicatorsMet", "indicatorsTotal", "percent",
                "complete", "completedAt", "certificateNumber", "certificateStatus", "rulesOfEvidence");
        Csv csv = new Csv(columns.stream().map(column -> labels.header("report", column)).toList());
        for (CertificationReport.Line line : report.enrollments()) {
            csv.line(List.of(String.valueOf(line.enrollmentId()), line.username(), line.displayName(), labels.code("enrollment.status", line.status()),
                    String.valueOf(line.indicatorsMet()), String.valueOf(line.indicatorsTotal()), String.valueOf(line.percent()),
                    labels.yesNo(line.complete()), Csv.taipei(line.completedAt()),
                    line.certificateNumber() == null ? "" : line.certificateNumber(), labels.code("certificate.status", line.certificateStatus()),
                    rulesOfEvidence(line, labels)));
        }
        return csv.toString();
    }

    /** "all kept", or each set-aside as "KPS…:P1.1.1 sufficient, current: reason", separated by semicolons. */
    private static String rulesOfEvidence(CertificationReport.Line line, CsvLabels labels) {
        if (line.rulesSetAside().isEmpty()) {
            return line.indicatorsMet() == 0 ? "" : labels.word("csv.report.rules-kept", "KEPT");
        }
        return String.join("; ", line.rulesSetAside().stream().map(s -> s.indicator() + " " + String.join(", ", s.rules().stream()
                .map(rule -> labels.code("evidence.rule", rule)).toList()) + ": " + s.reason()).toList());
    }
}
