package tw.training.evidence;

import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.StreamingFileUpload;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import tw.training.problem.InvalidInputException;
import tw.training.problem.PayloadTooLargeException;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Walks the file parts of a multipart request one at a time on a blocking thread. The next part is requested
 * only once the previous one is written, so the connection's backpressure keeps memory flat whatever the
 * size of the files.
 */
final class Uploads {

    private static final Object END = new Object();

    /** What to do with each upload. */
    interface Handler {
        void handle(StreamingFileUpload upload, int index) throws IOException;
    }

    private Uploads() {
    }

    static void each(Publisher<StreamingFileUpload> uploads, Handler handler) throws IOException {
        BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
        Subscription[] subscription = new Subscription[1];
        uploads.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                subscription[0] = s;
                s.request(1);
            }

            @Override
            public void onNext(StreamingFileUpload upload) {
                arrivals.add(upload);
            }

            @Override
            public void onError(Throwable error) {
                arrivals.add(error);
            }

            @Override
            public void onComplete() {
                arrivals.add(END);
            }
        });
        int index = 0;
        try {
            while (true) {
                Object next = arrivals.take();
                if (next == END) {
                    return;
                }
                if (next instanceof Throwable error) {
                    throw failure(error);
                }
                handler.handle((StreamingFileUpload) next, index++);
                subscription[0].request(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            subscription[0].cancel();
            throw new IOException("interrupted while reading the upload", e);
        } catch (IOException | RuntimeException e) {
            subscription[0].cancel();
            throw e;
        }
    }

    /** Waits for a non-blocking write of the server to finish, and says what its failure means to the client. */
    static void await(Publisher<Boolean> written) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        written.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Boolean result) {
                done.complete(result);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(Boolean.TRUE);
            }
        });
        try {
            if (!done.join()) {
                throw new UncheckedIOException(new IOException("the upload could not be written"));
            }
        } catch (CompletionException e) {
            throw failure(e.getCause());
        }
    }

    /** What a failure while receiving an upload means to the client. */
    static RuntimeException failure(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof ContentLengthExceededException) && !(cause instanceof EOFException)) {
            cause = cause.getCause();
        }
        if (cause instanceof EOFException) {
            // a client that goes away mid-upload is no failure of ours; nobody is left to read the answer
            return InvalidInputException.of("body", "the upload was interrupted before it was complete");
        }
        if (cause instanceof ContentLengthExceededException tooLong) {
            return new PayloadTooLargeException(tooLong.getMessage());
        }
        return error instanceof RuntimeException runtime ? runtime : new UncheckedIOException(new IOException(error));
    }
}
