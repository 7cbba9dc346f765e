package tw.training.provider;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tw.training.account.Roles;
import tw.training.testing.DatabaseTest;
import tw.training.testing.FormClient;
import tw.training.testing.FormClient.Part;
import tw.training.testing.PortfolioCourse;
import tw.training.testing.TestUsers;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 30, point 7: the administrator names the training provider (name, signatory, logo) on the settings page;
 * each certificate then names it, with the course's hours, on its PDF and its public verification page, and keeps the
 * provider it was issued by when the settings change later. Refused forms keep what was typed; only administrators
 * change it; the logo is served to anyone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingProviderTest implements DatabaseTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private String trainer;
    private String adminToken;
    private FormClient admin;
    private TestUsers users;

    @BeforeAll
    void anAdministrator() {
        users = TestUsers.of(context, http);
        trainer = users.tokenFor("provider.trainer", Roles.TRAINER);
        adminToken = users.tokenFor("provider.admin", Roles.ADMIN);
        users.create("provider.learner", Roles.LEARNER);
        admin = new FormClient(server.getURL().toString(), "zh-TW").signIn("provider.admin", TestUsers.PASSWORD);
    }

    /** A certificate for a new learner of a new course; answers its JSON. */
    private Map<String, Object> certificate(String code) {
        String learner = users.tokenFor("provider." + code.toLowerCase(), Roles.LEARNER);
        String number = PortfolioCourse.certified(http, trainer, adminToken, "provider." + code.toLowerCase(), learner, code);
        return http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + number).bearerAuth(adminToken), Argument.mapOf(String.class, Object.class));
    }

    private String pdfText(Map<String, Object> certificate) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(certificate))) {
            // without white space: the printer breaks lines where the layout needs
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    private byte[] pdf(Map<String, Object> certificate) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + certificate.get("number")).accept("application/pdf").bearerAuth(adminToken),
                byte[].class);
    }

    private String verificationPage(Map<String, Object> certificate) {
        return new FormClient(server.getURL().toString(), "zh-TW").get(((String) certificate.get("verificationUrl")).replaceFirst("^.*(/verify/)", "$1")).body();
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x1d4ed8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static int images(byte[] pdf) throws IOException {
        int count = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (COSName name : document.getPage(0).getResources().getXObjectNames()) {
                if (document.getPage(0).getResources().getXObject(name) instanceof PDImageXObject) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    @Order(1)
    void beforeAnyIsSetTheConfiguredNameIssuesAndTheHoursAreShown() throws IOException {
        Map<String, Object> certificate = certificate("PROV-0");
        String text = pdfText(certificate);
        assertTrue(text.contains("發證單位Issuedby：職能課程平台"), text);
        assertTrue(text.contains("共6小時"), text);
        assertTrue(verificationPage(certificate).contains("職能課程平台"));
        assertEquals(0, images(pdf(certificate)), "no logo yet");
    }

    @Test
    @Order(2)
    void refusedFormsKeepWhatWasTypedAndOnlyAdministratorsChangeIt() throws IOException {
        HttpResponse<String> refused = admin.postForm("/admin/settings/provider", "name", "勞動部勞動力發展署", "signatoryName", "",
                "signatoryTitle", "署長");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"signatoryName-error\""), "the fault beside the field");
        assertTrue(refused.body().contains("value=\"勞動部勞動力發展署\"") && refused.body().contains("value=\"署長\""), "what was typed is kept");
        HttpResponse<String> tooLong = admin.postForm("/admin/settings/provider", "name", "長".repeat(201));
        assertEquals(422, tooLong.statusCode());
        assertTrue(tooLong.body().contains("id=\"name-error\""));

        HttpResponse<String> notAnImage = admin.postMultipart("/admin/settings/provider/logo", List.of(Part.field("_csrf", admin.token()),
                new Part("logo", "logo.pdf", "application/pdf", PortfolioCourse.PDF)));
        assertEquals(422, notAnImage.statusCode());
        assertTrue(notAnImage.body().contains("id=\"logo-error\""));
        HttpResponse<String> tooLarge = admin.postMultipart("/admin/settings/provider/logo", List.of(Part.field("_csrf", admin.token()),
                new Part("logo", "huge.png", "image/png", new byte[(int) TrainingProvider.MAX_LOGO_BYTES + 1])));
        assertEquals(422, tooLarge.statusCode());
        assertTrue(tooLarge.body().contains("id=\"logo-error\""));

        FormClient learner = new FormClient(server.getURL().toString(), "zh-TW").signIn("provider.learner", TestUsers.PASSWORD);
        assertEquals(403, learner.postForm("/admin/settings/provider", "name", "冒名").statusCode());
        FormClient teacher = new FormClient(server.getURL().toString(), "zh-TW").signIn("provider.trainer", TestUsers.PASSWORD);
        assertEquals(403, teacher.postForm("/admin/settings/provider", "name", "冒名").statusCode());
        assertFalse(admin.get("/admin/settings").body().contains("冒名"), "nothing changed");
    }

    @Test
    @Order(3)
    void theProviderSetIsOnTheCertificateItsPdfAndItsVerificationPageAndStaysWithIt() throws IOException {
        Map<String, Object> before = certificate("PROV-1");
        assertEquals(303, admin.postForm("/admin/settings/provider", "name", "臺北職訓中心", "signatoryName", "王大明",
                "signatoryTitle", "主任").statusCode());
        byte[] logo = png(120, 40);
        assertEquals(303, admin.postMultipart("/admin/settings/provider/logo", List.of(Part.field("_csrf", admin.token()),
                new Part("logo", "logo.png", "image/png", logo))).statusCode());
        String settings = admin.get("/admin/settings").body();
        assertTrue(settings.contains("臺北職訓中心") && settings.contains("王大明"));

        Map<String, Object> after = certificate("PROV-2");
        @SuppressWarnings("unchecked")
        Map<String, Object> issuer = (Map<String, Object>) after.get("issuer");
        assertEquals("臺北職訓中心", issuer.get("name"));
        assertEquals("王大明", issuer.get("signatoryName"));
        assertEquals("主任", issuer.get("signatoryTitle"));
        String text = pdfText(after);
        assertTrue(text.contains("發證單位Issuedby：臺北職訓中心") && text.contains("主任王大明"), text);
        assertEquals(1, images(pdf(after)), "the logo is drawn on the PDF");
        String page = verificationPage(after);
        assertTrue(page.contains("臺北職訓中心") && page.contains("6 小時"), page);

        // the logo, to anyone (no session): the verification page shows it
        HttpResponse<byte[]> served = new FormClient(server.getURL().toString(), "zh-TW").getBytes(((String) issuer.get("logoUrl"))
                .replaceFirst("^https?://[^/]+", ""));
        assertEquals(200, served.statusCode());
        assertArrayEquals(logo, served.body());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElseThrow());

        // a certificate issued before the change still names the provider that issued it
        assertTrue(pdfText(before).contains("發證單位Issuedby：職能課程平台"));
        assertTrue(verificationPage(before).contains("職能課程平台"));

        // the logo removed, the name cleared: new certificates go back to the configured name, without a logo
        assertEquals(303, admin.postForm("/admin/settings/provider/logo/removal").statusCode());
        assertEquals(303, admin.postForm("/admin/settings/provider", "name", "").statusCode());
        Map<String, Object> later = certificate("PROV-3");
        assertTrue(pdfText(later).contains("發證單位Issuedby：職能課程平台"));
        assertEquals(0, images(pdf(later)));
        assertEquals(1, images(pdf(after)), "the earlier certificate keeps its logo");
        assertTrue(admin.get("/admin/audit?type=SETTING_CHANGED").body().contains("移除訓練單位標誌"), "each change is in the audit trail, in the page's language");
    }
}
