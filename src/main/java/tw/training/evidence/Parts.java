package tw.training.evidence;

import io.micronaut.http.multipart.CompletedPart;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Collects the parts of a multipart body on a blocking thread. File parts arrive already written to disk by
 * the server (multipart disk mode), so holding them costs no heap; beyond {@code maxParts} the upload is
 * cancelled rather than read to the end.
 */
final class Parts {

    private Parts() {
    }

    static List<CompletedPart> collect(Publisher<CompletedPart> body, int maxParts) {
        CompletableFuture<List<CompletedPart>> done = new CompletableFuture<>();
        body.subscribe(new Subscriber<>() {
            private final List<CompletedPart> parts = new ArrayList<>();
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(CompletedPart part) {
                parts.add(part);
                if (parts.size() > maxParts) {
                    subscription.cancel();
                    done.completeExceptionally(new PayloadTooLargeException("at most " + (maxParts - 1) + " files per piece of evidence"));
                } else {
                    subscription.request(1);
                }
            }

            @Override
            public void onError(Throwable error) {
                // a client that goes away mid-upload is no failure of ours; nobody is left to read the answer
                done.completeExceptionally(error instanceof java.io.EOFException
                        ? InvalidInputException.of("body", "the upload was interrupted before it was complete") : error);
            }

            @Override
            public void onComplete() {
                done.complete(parts);
            }
        });
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
