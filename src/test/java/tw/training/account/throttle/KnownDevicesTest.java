package tw.training.account.throttle;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tw.training.testing.DatabaseTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known devices: a cookie counts for its own account only, and an account keeps its twenty latest devices. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnownDevicesTest implements DatabaseTest {

    @Inject
    KnownDevices devices;

    @Inject
    KnownDeviceRepository rows;

    @Test
    void aClientThatKeepsNoCookiesDoesNotGrowTheTableWithoutEnd() {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < KnownDevices.KEPT + 5; i++) {
            cookies.add(devices.signedIn(null, "script.user").orElseThrow());
        }
        assertEquals(KnownDevices.KEPT, StreamSupport.stream(rows.findAll().spliterator(), false)
                .filter(device -> device.username().equals("script.user")).count());
        assertFalse(devices.knows(cookies.get(0), "script.user"), "the oldest is forgotten");
        assertTrue(devices.knows(cookies.get(cookies.size() - 1), "script.user"), "the latest is known");
        assertFalse(devices.knows(cookies.get(cookies.size() - 1), "another.user"), "for its own account only");
        assertTrue(devices.signedIn(cookies.get(cookies.size() - 1), "script.user").isEmpty(), "a known device keeps its cookie");
    }
}
