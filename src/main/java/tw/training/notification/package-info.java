/**
 * Telling people what happened (issue 31, points 6 and 7): a notification per user and event, written in the event's
 * transaction, listed in the pages (unread count in the header) and mailed as each user chose per kind — at once, in
 * the day's digest (one per person per day, at the hour the administrator set, Taipei time), or not at all — every mail
 * with a one-click unsubscribe for its kind (RFC 8058) and a link to the page it concerns.
 */
package tw.training.notification;
