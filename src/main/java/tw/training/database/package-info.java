/**
 * Plain SQL for the features' stores: the few JDBC moves they all make (query rows, update, insert and read
 * the generated id), in the caller's transaction. It knows no table; SQL stays in the feature that owns it.
 */
package tw.training.database;
