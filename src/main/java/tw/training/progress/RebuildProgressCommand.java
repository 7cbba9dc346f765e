package tw.training.progress;

import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tw.training.startup.MigrateOption;

import java.util.concurrent.Callable;

/**
 * {@code java -jar app.jar rebuild-progress}: derives every enrollment's progress again from its judgements,
 * for judgements written around the server (a bulk load, a restored backup, a repair by hand).
 */
@Command(name = "rebuild-progress", mixinStandardHelpOptions = true,
        description = "Derives every enrollment's progress again from the judgements in the configured database.")
public class RebuildProgressCommand implements Callable<Integer> {

    @Mixin
    MigrateOption migrations;

    @Inject
    ProgressService progress;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        int enrollments = progress.rebuild();
        System.out.printf("progress of %d enrollments derived again in %.1f s%n", enrollments, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
