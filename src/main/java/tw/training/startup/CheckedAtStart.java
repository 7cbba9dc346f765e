package tw.training.startup;

/**
 * A bean that checks its settings when it is made, throwing {@link tw.training.problem.ConfigurationProblem} naming the
 * one at fault. The server makes every such bean at start and before it applies any migration
 * ({@link SettingsBeforeMigrations}), so a misconfigured new version stops without touching the database; a command
 * makes only those it uses, so it needs no setting it does not use.
 */
public interface CheckedAtStart {
}
