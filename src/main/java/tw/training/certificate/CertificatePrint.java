package tw.training.certificate;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import tw.training.printing.Format;
import tw.training.printing.Pdf;
import tw.training.printing.QrCode;
import tw.training.provider.TrainingProvider;
import tw.training.web.Templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A certificate as printed: the HTML page with its QR code, and that page as PDF (the API's and the learner's pages'). */
@Singleton
public class CertificatePrint {

    private final Templates templates;
    private final Pdf pdf;
    private final TrainingProvider provider;

    CertificatePrint(Templates templates, Pdf pdf, TrainingProvider provider) {
        this.templates = templates;
        this.pdf = pdf;
        this.provider = provider;
    }

    /** The page, its logo inlined (the PDF printer fetches nothing). */
    public String html(CertificateView certificate) {
        return templates.render("certificate.ftlh", Map.of("certificate", certificate, "qr", QrCode.svg(certificate.verificationUrl(), 120),
                "logo", logo(certificate.issuer())));
    }

    private String logo(Issuer issuer) {
        if (issuer.logoId() == null) {
            return "";
        }
        try {
            return provider.dataUri(issuer.logoId());
        } catch (IOException e) {
            throw new UncheckedIOException("the provider's logo could not be read from the file store", e);
        }
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
