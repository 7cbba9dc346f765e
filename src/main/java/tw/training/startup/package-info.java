/**
 * What happens before the server or a command does any work: every setting checked before a migration touches the
 * database ({@link tw.training.startup.SettingsBeforeMigrations}), a failure told in one line with an exit code
 * ({@link tw.training.startup.StartFailure}), and commands that apply migrations only when told to.
 */
package tw.training.startup;
