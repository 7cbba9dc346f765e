package tw.training.startup;

/**
 * Work the server does at start, before it listens, that needs no other such work done first (the first
 * administrator, the seeds, the sweep of interrupted uploads). {@link StartupTasks} runs them side by side.
 */
public interface StartupTask {

    void run();
}
