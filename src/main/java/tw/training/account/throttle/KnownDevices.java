package tw.training.account.throttle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.secret.CookieTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Devices that have signed in to an account before. Such a device carries a cookie (a random token; only its hash is
 * kept) that exempts it from the account's wait, so that an attacker guessing from many addresses slows the account
 * down for everyone but its owner, on the browsers they use (NIST SP 800-63B §5.2.2). A cookie counts only for the
 * account it was given for, and is forgotten after a year unused or once the account has signed in from twenty newer ones.
 */
@Singleton
public class KnownDevices {

    /** How long a device cookie lasts in the browser, and a device unused that long is forgotten. */
    public static final Duration LIFETIME = Duration.ofDays(365);
    /**
     * The devices an account keeps, the latest seen: a client that keeps no cookies (a script) is a new device at every
     * sign-in, and must not grow the table without end.
     */
    static final int KEPT = 20;
    /** Sign-ins closer together than this do not rewrite the device's row. */
    private static final Duration TOUCH = Duration.ofDays(1);

    private final KnownDeviceRepository devices;
    private final Clock clock;

    KnownDevices(KnownDeviceRepository devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    /** Whether this cookie is one this account gave a device that signed in to it. */
    @Transactional
    public boolean knows(@Nullable String cookie, String username) {
        return find(cookie).filter(device -> device.username().equals(username)).isPresent();
    }

    /**
     * After a right password: the cookie the device should now carry, or nothing when it carries this account's
     * already (then only seen again).
     */
    @Transactional
    public Optional<String> signedIn(@Nullable String cookie, String username) {
        Instant now = clock.instant();
        Optional<KnownDevice> known = find(cookie).filter(device -> device.username().equals(username));
        if (known.isPresent()) {
            if (known.get().lastUsedAt().isBefore(now.minus(TOUCH))) {
                devices.update(known.get().id(), now);
            }
            return Optional.empty();
        }
        String fresh = CookieTokens.fresh();
        devices.save(new KnownDevice(null, username, CookieTokens.hash(fresh), now, now));
        devices.keepLatest(username, KEPT);
        return Optional.of(fresh);
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "2m")
    @Transactional
    void forgetUnused() {
        devices.deleteByLastUsedAtBefore(clock.instant().minus(LIFETIME));
    }

    private Optional<KnownDevice> find(@Nullable String cookie) {
        return cookie == null || cookie.isBlank() || cookie.length() > 100 ? Optional.empty() : devices.findByTokenHash(CookieTokens.hash(cookie));
    }
}
