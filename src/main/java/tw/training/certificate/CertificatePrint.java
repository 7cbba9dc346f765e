package tw.training.certificate;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import tw.training.printing.Format;
import tw.training.printing.Pdf;
import tw.training.printing.QrCode;
import tw.training.web.Templates;

import java.util.Map;

/** A certificate as printed: the HTML page with its QR code, and that page as PDF (the API's and the learner's pages'). */
@Singleton
public class CertificatePrint {

    private final Templates templates;
    private final Pdf pdf;

    CertificatePrint(Templates templates, Pdf pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    public String html(CertificateView certificate) {
        return templates.render("certificate.ftlh", Map.of("certificate", certificate, "qr", QrCode.svg(certificate.verificationUrl(), 120)));
    }

    public byte[] pdf(CertificateView certificate) {
        return pdf.print(html(certificate));
    }

    /** The PDF as a response, shown in the browser and saved under the certificate's number. */
    public static MutableHttpResponse<byte[]> pdfResponse(byte[] pdf, CertificateView certificate) {
        return HttpResponse.ok(pdf).contentType(Format.PDF.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"certificate-" + certificate.number() + ".pdf\"");
    }
}
