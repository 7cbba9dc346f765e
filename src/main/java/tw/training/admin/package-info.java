/**
 * The administrator's console pages: the overview (users, courses, certificates awaiting issue), users (find, create,
 * disable, enable, reset a password, change roles), the security audit trail, and the settings (the training provider
 * the certificates name, who may read the CASE frameworks), on the services of the features they set.
 */
package tw.training.admin;
