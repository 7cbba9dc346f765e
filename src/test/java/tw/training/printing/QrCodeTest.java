package tw.training.printing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SVG drawn for a certificate's QR code reads back as the verification link. */
class QrCodeTest {

    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final int SCALE = 4;

    @Test
    void theDrawnModulesDecodeToTheLink() throws Exception {
        String link = "https://training.example.org/verify/AMyTnnorWeOTrQvA8fkUCvkHoV0heIoylCUojzw_u-M";

        String svg = QrCode.svg(link, 120);

        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"120\""), svg);
        assertEquals(link, decode(svg));
    }

    /** Paints the path's squares into a bitmap, white around them, and lets ZXing read it. */
    private static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertTrue(box.find());
        int size = Integer.parseInt(box.group(1));
        int pixels = size * SCALE;
        int[] image = new int[pixels * pixels];
        java.util.Arrays.fill(image, 0xFFFFFF);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < SCALE; dx++) {
                    image[(y * SCALE + dy) * pixels + x * SCALE + dx] = 0;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, pixels, image)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
