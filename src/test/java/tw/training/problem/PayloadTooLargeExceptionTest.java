package tw.training.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PayloadTooLargeExceptionTest {

    @Test
    void limitsReadAsPeopleStateThem() {
        assertEquals("100 MB", PayloadTooLargeException.size(100L * 1024 * 1024));
        assertEquals("1.5 MB", PayloadTooLargeException.size(3L * 512 * 1024));
        assertEquals("64 KB", PayloadTooLargeException.size(64 * 1024));
        assertEquals("2.5 KB", PayloadTooLargeException.size(2560));
        assertEquals("900 bytes", PayloadTooLargeException.size(900));
    }
}
