package tw.training.problem;

/**
 * A setting is missing or wrong, so the server must not start: the start stops with one line naming the
 * setting (its environment variable) and what it needs, and a non-zero exit.
 */
public final class ConfigurationProblem extends RuntimeException {

    private final String setting;

    public ConfigurationProblem(String setting, String need) {
        super(setting + " " + need);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
