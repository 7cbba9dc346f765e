package tw.training.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Singleton;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A route that blocks until the test lets it go, as a long report or import would; only in the test that asks for it. */
@Controller("/test/slow")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "test.slow-route", value = "true")
class SlowRoute {

    private final Gate gate;

    SlowRoute(Gate gate) {
        this.gate = gate;
    }

    @Get
    String hold() throws InterruptedException {
        gate.entered.release();
        gate.open.await(120, TimeUnit.SECONDS);
        return "released";
    }

    /** Counts the requests inside the route and holds them until opened. */
    @Singleton
    @Requires(property = "test.slow-route", value = "true")
    static class Gate {
        final Semaphore entered = new Semaphore(0);
        final CountDownLatch open = new CountDownLatch(1);
    }
}
