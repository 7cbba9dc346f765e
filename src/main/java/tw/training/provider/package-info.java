/**
 * The training provider as its certificates name it: its name, a signatory and a logo, set by administrators on the
 * settings page and copied into each certificate when it is issued (a certificate keeps the provider it was issued
 * by). Logos are files of the evidence store, recorded in {@code provider_logo} and served to anyone (a public
 * verification page shows them).
 */
package tw.training.provider;
