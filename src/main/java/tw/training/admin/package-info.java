/**
 * The administrator's console pages: users (find, create, disable, enable, reset a password, change roles) and the
 * security audit trail, on the services of the account feature.
 */
package tw.training.admin;
