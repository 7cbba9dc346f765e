package tw.training.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tw.training.account.PageSessions;

import java.util.concurrent.ExecutorService;

/**
 * Signs in a page request from its session cookie. API requests are left alone: a cookie the browser sends along
 * never authorises {@code /api}, which takes bearer tokens only (and so needs no CSRF token).
 */
@Singleton
final class PageAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final PageSessions sessions;
    /** The session is read from the database: off the event loop. */
    private final Scheduler blocking;

    PageAuthenticationFetcher(PageSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (!PageRequests.isPage(request)) {
            return Mono.empty();
        }
        return SessionCookie.read(request, SessionCookie.SESSION)
                .map(cookie -> Mono.fromCallable(() -> sessions.authenticate(cookie).orElse(null)).subscribeOn(blocking))
                .orElse(Mono.empty());
    }
}
