/**
 * Settings administrators change while the service runs (table {@code app_setting}): a value set here wins over the
 * configuration's, and clearing it returns to the configuration.
 */
package tw.training.setting;
