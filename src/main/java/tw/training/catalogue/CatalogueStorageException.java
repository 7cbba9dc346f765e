package tw.training.catalogue;

import tw.training.database.Sql;

import java.sql.SQLException;

/** The database failed under the catalogue; not the client's fault, so it surfaces as an unexpected error. */
final class CatalogueStorageException extends RuntimeException {

    CatalogueStorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    boolean isUniqueViolation() {
        return Sql.isUniqueViolation(this);
    }
}
