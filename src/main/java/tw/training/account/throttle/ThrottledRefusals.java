package tw.training.account.throttle;

import tw.training.phrase.Phrase;
import tw.training.phrase.Addresses;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sign-in attempts refused while their source or account had to wait, in the audit trail as one summary row per source
 * and minute rather than one per request: a source hammering {@code /login} was writing thousands of rows a minute,
 * each a database write it cost the server to refuse. Counted in memory and written every minute (and when the server
 * stops); a refused attempt itself touches no database.
 */
@Singleton
public class ThrottledRefusals {

    /** Past this many sources waiting to be written, they are written at once rather than held. */
    private static final int MAX_SOURCES = 10_000;
    /** The usernames a summary names, the most tried first. */
    private static final int NAMED = 5;

    private final SecurityAudit audit;
    private final Clock clock;
    private final Map<String, Tally> bySource = new ConcurrentHashMap<>();

    ThrottledRefusals(SecurityAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** What one source was refused since the last summary. Changed only inside the map's compute, so one thread at a time. */
    private static final class Tally {
        final Instant first;
        Instant last;
        int count;
        Duration longestWait = Duration.ZERO;
        final Map<String, Integer> usernames = new LinkedHashMap<>();

        Tally(Instant first) {
            this.first = first;
        }
    }

    /** An attempt from {@code source} at {@code username} was refused: it had {@code wait} still to wait. */
    public void refused(String source, String username, Duration wait) {
        Instant now = clock.instant();
        bySource.compute(source, (key, tally) -> {
            Tally counted = tally == null ? new Tally(now) : tally;
            counted.last = now;
            counted.count++;
            counted.longestWait = wait.compareTo(counted.longestWait) > 0 ? wait : counted.longestWait;
            if (counted.usernames.containsKey(username) || counted.usernames.size() < 100) {
                counted.usernames.merge(username, 1, Integer::sum);
            }
            return counted;
        });
        if (bySource.size() > MAX_SOURCES) {
            write();
        }
    }

    /** Writes a summary row for each source refused since the last, and forgets them. */
    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    public void write() {
        for (String source : List.copyOf(bySource.keySet())) {
            Tally tally = bySource.remove(source);
            if (tally != null) {
                List<Map.Entry<String, Integer>> tried = tally.usernames.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).toList();
                List<String> named = tried.stream().limit(NAMED).map(e -> e.getKey() + " ×" + e.getValue()).toList();
                Object usernames = tried.size() > NAMED ? Phrase.of("audit.usernames-more", named, tried.size() - NAMED) : named;
                audit.record(SecurityEventType.LOGIN_REFUSED_WHILE_THROTTLED, null, tried.get(0).getKey(),
                        Phrase.of(tally.count == 1 ? "audit.refused-while-throttled-once" : "audit.refused-while-throttled", Addresses.word(source),
                                tally.count, tally.first, tally.last, Math.max(1, tally.longestWait.toSeconds()), usernames));
            }
        }
    }

    @PreDestroy
    void writeBeforeStopping() {
        write();
    }
}
