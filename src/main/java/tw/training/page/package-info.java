/**
 * Pages for people (SPEC §10), beside the JSON API and on the same services: the session cookie and its CSRF
 * token, the language of the pages (zh-TW by default, en), the shared layout, sign-in, sign-out and the password,
 * the landing page, and error pages for what goes wrong on a page. Feature pages (the learner's in
 * {@code tw.training.portfolio}) render through {@link tw.training.page.Pages}.
 */
package tw.training.page;
